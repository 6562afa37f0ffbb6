/**
 * README, Shutdown: on SIGTERM a service "closes its database pool and exits
 * 0". A subgraph runs as `npm run start:subgraph -- enterprises` does, with
 * the preload of test/support/record-connections.mjs, which writes down at
 * exit every TCP connection still open: none may lead to PostgreSQL, while
 * the pool is seen to have opened connections there before.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../shared/database/scratch-postgres";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startProcess, type ServiceProcess } from "../support/process";

const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "partnergraph-pool-")), "connections.jsonl");
let database: TestDatabase;
let subgraph: ServiceProcess | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await subgraph?.stop("SIGKILL");
  await database?.drop();
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
});

const recorded = (): { kind: string; port?: number }[] => fs.readFileSync(log, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));

describe("graceful shutdown of a subgraph", () => {
  it("closes its database pool and exits 0", async () => {
    const port = await freePort();
    subgraph = startProcess("scripts/start-subgraph.ts", ["enterprises"], {
      DATABASE_URL: database.url,
      HOST: "127.0.0.1",
      ENTERPRISES_PORT: String(port),
      INTERNAL_SECRET: randomBytes(32).toString("hex"),
      LOG_LEVEL: "info",
      DB_POOL_SIZE: "3",
      NODE_OPTIONS: `--import ${path.resolve("test/support/record-connections.mjs")}`,
      RECORD_CONNECTIONS_TO: log,
    });
    await subgraph.waitFor("subgraph listening", 110_000);
    // /ready asks the database: the pool holds a connection now.
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    const databasePort = Number(new URL(database.url).port || 5432);
    expect(recorded().filter((c) => c.kind === "tcp" && c.port === databasePort).length).toBeGreaterThan(0);

    expect(await subgraph.stop("SIGTERM")).toBe(0);
    expect(subgraph.output()).toContain("shutting down");
    expect(recorded().filter((c) => c.kind === "open-at-exit" && c.port === databasePort)).toEqual([]);
  }, 130_000);
});
