/**
 * The embedded PostgreSQL listens on 127.0.0.1, which every local account can
 * reach: its superuser's password must be one only the data folder's owner
 * knows. It is random, kept in a 0600 file beside the data folder, reused on
 * the next start; a folder made with the former built-in password changes
 * over on its first start; no string in the repository opens the server.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedPasswordFile, isPortFree, startEmbeddedPostgres, type RunningPostgres } from "../shared/database/embedded-postgres";
import { freePort } from "../shared/database/scratch-postgres";

let parent: string;
let dataDir: string;
let port: number;
let running: RunningPostgres | undefined;

beforeAll(async () => {
  parent = await fsp.mkdtemp(path.join(os.tmpdir(), "partnergraph-password-"));
  // The server may run as the "postgres" user, which must be able to enter the folder.
  await fsp.chmod(parent, 0o755);
  dataDir = path.join(parent, "postgres");
  port = await freePort();
});
afterAll(async () => {
  await running?.stop();
  await fsp.rm(parent, { recursive: true, force: true });
});

async function start(): Promise<RunningPostgres> {
  await running?.stop();
  running = await startEmbeddedPostgres({ dataDir, port, durable: false });
  return running;
}

/** The server as the tests before left it, or started now: each test can also run alone (`-t`). */
async function started(): Promise<RunningPostgres> {
  return running ?? start();
}

async function stop(): Promise<void> {
  await running?.stop();
  running = undefined;
}

/** The error code of logging in as the superuser with this password, or "ok". */
async function login(password: string): Promise<string> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres", connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const passwordInFile = () => fs.readFileSync(embeddedPasswordFile(dataDir), "utf8").trim();

/** The text of every file git tracks, and every quoted string of 4 to 64 visible characters in it. */
function repositoryStrings(): { texts: string[]; strings: string[] } {
  const files = execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n").filter((file) => file && !file.endsWith("package-lock.json"));
  const texts = files.filter((file) => fs.existsSync(file) && fs.statSync(file).size < 2_000_000).map((file) => fs.readFileSync(file, "utf8"));
  const strings = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/(["'`])([!-~]{4,64}?)\1/g)) strings.add(match[2]);
  return { texts, strings: [...strings] };
}

describe("the embedded PostgreSQL's superuser", () => {
  it("gets a random password in a 0600 file on the first start, which opens it", async () => {
    const postgres = await start();
    const file = embeddedPasswordFile(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(passwordInFile()).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(postgres.url).password).toBe(passwordInFile());
    expect(await login(passwordInFile())).toBe("ok");
  });

  it("refuses the former built-in password and every string in the repository", async () => {
    await started();
    expect(await login("partnergraph")).toBe("28P01");
    const { texts, strings } = repositoryStrings();
    expect(strings.length).toBeGreaterThan(1000);
    expect(strings).toContain("partnergraph");
    // The password that does open it is written nowhere in the repository.
    expect(texts.some((text) => text.includes(passwordInFile()))).toBe(false);
    // Every one is refused as a wrong password (28P01); any other answer is listed with the string that got it.
    const notRefused: string[] = [];
    for (let i = 0; i < strings.length; i += 16) {
      const batch = strings.slice(i, i + 16);
      const codes = await Promise.all(batch.map(login));
      codes.forEach((code, j) => code !== "28P01" && notRefused.push(`${JSON.stringify(batch[j])}: ${code}`));
    }
    expect(notRefused).toEqual([]);
  }, 120_000);

  it("keeps its password across restarts", async () => {
    await started();
    const before = passwordInFile();
    await start();
    expect(passwordInFile()).toBe(before);
    expect(await login(before)).toBe("ok");
  });

  it("of a folder made with the former built-in password changes over on the first start, keeping the data", async () => {
    // A folder as the code before this one left it: the built-in password, no password file.
    const admin = new pg.Client({ connectionString: (await started()).adminUrl });
    await admin.connect();
    await admin.query(`CREATE TABLE IF NOT EXISTS kept (id int)`);
    await admin.query(`INSERT INTO kept VALUES (7)`);
    await admin.query(`ALTER ROLE postgres PASSWORD 'partnergraph'`);
    await admin.end();
    await stop();
    await fsp.rm(embeddedPasswordFile(dataDir));

    const postgres = await start();
    expect(await login("partnergraph")).toBe("28P01");
    expect(await login(passwordInFile())).toBe("ok");
    const client = new pg.Client({ connectionString: postgres.adminUrl });
    await client.connect();
    expect((await client.query(`SELECT id FROM kept`)).rows).toEqual([{ id: 7 }]);
    await client.end();
  });

  it("is not guessed when its password file is lost: the start fails, saying which file, and leaves nothing running", async () => {
    await started();
    await stop();
    await fsp.rm(embeddedPasswordFile(dataDir));
    await expect(startEmbeddedPostgres({ dataDir, port, durable: false })).rejects.toThrow(embeddedPasswordFile(dataDir));
    expect(await isPortFree(port, "127.0.0.1")).toBe(true);
  });
});
