/**
 * `npm start` exactly as a user runs it: the real entry point under tsx (no
 * decorator metadata, unlike vitest), its own embedded PostgreSQL and data
 * folder, free ports. Covers start-up, restart keeping data, Ctrl-C leaving
 * nothing behind, recovery from a killed run and a busy port.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedPasswordFile, isPortFree } from "../shared/database/embedded-postgres";
import { freePort } from "../shared/database/scratch-postgres";
import { graphqlData } from "./support/graphql";
import { startProcess, type ServiceProcess } from "./support/process";

let folder: string;
let env: Record<string, string>;
let pgPort: number;
const running: ServiceProcess[] = [];

beforeAll(async () => {
  folder = await fsp.mkdtemp(path.join(os.tmpdir(), "partnergraph-start-"));
  await fsp.chmod(folder, 0o755);
  pgPort = await freePort();
  env = {
    PG_DATA_DIR: path.join(folder, "postgres"),
    PG_PORT: String(pgPort),
    GATEWAY_PORT: String(await freePort()),
    ENTERPRISES_PORT: String(await freePort()),
    UNIVERSITIES_PORT: String(await freePort()),
    PROGRAMS_PORT: String(await freePort()),
    LOG_LEVEL: "info",
  };
});

afterAll(async () => {
  for (const process of running) await process.stop("SIGKILL");
  await fsp.rm(folder, { recursive: true, force: true });
});

function start(extraEnv: Record<string, string> = {}): ServiceProcess {
  const process = startProcess("scripts/start.ts", [], { ...env, ...extraEnv });
  running.push(process);
  return process;
}

const gatewayUrl = () => `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`;
/** The superuser's password is the one `npm start` made and keeps beside the data folder. */
const databaseUrl = () => `postgres://postgres:${fs.readFileSync(embeddedPasswordFile(env.PG_DATA_DIR), "utf8").trim()}@127.0.0.1:${pgPort}/partnergraph`;

/** How long a first start may take before the test calls it hung: generous, not a figure README claims. */
const FIRST_START_BOUND_MS = 90_000;

describe("npm start", () => {
  // README promises no start-up time; the bound only turns a start that hangs into a failure
  // (a first start runs initdb, the migrations and the seed, slow on a loaded machine).
  it("serves the whole graph, seeded, and stops cleanly on Ctrl-C", async () => {
    const first = start();
    await first.waitFor("PartnerGraph is up", FIRST_START_BOUND_MS);
    expect(first.output()).toContain(gatewayUrl());
    expect(first.output()).toContain("initialising a new PostgreSQL data folder");

    const { enterprise } = await graphqlData(
      gatewayUrl(),
      `{ enterprise(slug: "ammc") { name partners(type: UNIVERSITY) { partner { ... on University { slug } } } } }`,
    );
    expect(enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    expect(enterprise.partners.length).toBeGreaterThan(0);

    // A record added while running must survive the restart.
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query(
      `INSERT INTO enterprises.enterprise (id, slug, name, country_code, version) VALUES (gen_random_uuid(), 'restart-check', 'Restart Check Ltd', 'UZ', 1)`,
    );
    await client.end();

    expect(await first.stop("SIGINT")).toBe(0);
    expect(await isPortFree(pgPort, "127.0.0.1")).toBe(true);
    expect(fs.existsSync(path.join(env.PG_DATA_DIR, "postmaster.pid"))).toBe(false);
  }, FIRST_START_BOUND_MS + 30_000);

  it("keeps the data across a restart and does not seed again", async () => {
    const second = start();
    await second.waitFor("PartnerGraph is up");
    expect(second.output()).not.toContain("initialising");
    expect(second.output()).not.toContain("seeded");
    const { enterprise, enterprises } = await graphqlData(
      gatewayUrl(),
      `{ enterprise(slug: "restart-check") { name } enterprises { totalCount } }`,
    );
    expect(enterprise.name).toBe("Restart Check Ltd");
    expect(enterprises.totalCount).toBe(5);
    expect(await second.stop("SIGTERM")).toBe(0);
  });

  it("recovers from a killed run (stale postmaster.pid)", async () => {
    const killed = start();
    await killed.waitFor("PartnerGraph is up");
    await killed.stop("SIGKILL");
    expect(fs.existsSync(path.join(env.PG_DATA_DIR, "postmaster.pid"))).toBe(true);
    // Wait until the killed PostgreSQL has really let go of its port.
    for (let i = 0; i < 100 && !(await isPortFree(pgPort, "127.0.0.1")); i++) await new Promise((r) => setTimeout(r, 100));

    const next = start();
    await next.waitFor("PartnerGraph is up");
    const { enterprise } = await graphqlData(gatewayUrl(), `{ enterprise(slug: "restart-check") { name } }`);
    expect(enterprise.name).toBe("Restart Check Ltd");
    expect(await next.stop("SIGINT")).toBe(0);
  });

  it("says clearly which setting to change when a port is busy, and leaves nothing running", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.GATEWAY_PORT), "127.0.0.1", resolve));
    try {
      const failing = start();
      expect(await failing.exited).toBe(1);
      expect(failing.output()).toContain(`Port ${env.GATEWAY_PORT} on 127.0.0.1 is already in use`);
      expect(failing.output()).toContain("GATEWAY_PORT");
      expect(failing.output()).not.toMatch(/\n\s+at /); // no stack trace
      expect(await isPortFree(pgPort, "127.0.0.1")).toBe(true);
    } finally {
      blocker.close();
    }
  });
});
