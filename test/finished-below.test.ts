/**
 * The feeds' horizon (shared/database/finished-below.ts) against a real
 * server: it waits for this database's open transactions, not for other
 * databases', and never steps back while other databases' transactions come
 * and go (a step back shows a feed fewer entries than a moment before).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedBelowSql, otherDatabasesRunning } from "../shared/database/finished-below";
import { createTestDatabase, type TestDatabase } from "./support/database";

let here: TestDatabase;
let elsewhere: TestDatabase;
let reader: pg.Client;

async function horizon(client: pg.Client): Promise<bigint> {
  const query = async (sql: string, parameters: unknown[]) => (await client.query(sql, parameters)).rows;
  const ids = await otherDatabasesRunning(query);
  const [row] = await query(`SELECT ${finishedBelowSql("$1")}::text AS horizon`, [ids]);
  return BigInt(row.horizon);
}

/** A transaction with an id that commits at once. */
async function finishOne(): Promise<void> {
  await reader.query("BEGIN; SELECT pg_current_xact_id(); COMMIT");
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

beforeAll(async () => {
  [here, elsewhere] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  reader = await connect(here.url);
});

afterAll(async () => {
  await reader?.end();
  await Promise.all([here?.drop(), elsewhere?.drop()]);
});

describe("the feeds' horizon", () => {
  it("waits for a transaction open in this database and not for one open in another", async () => {
    const [local, remote] = await Promise.all([connect(here.url), connect(elsewhere.url)]);
    try {
      await remote.query("BEGIN");
      const { rows: [{ id: remoteId }] } = await remote.query("SELECT pg_current_xact_id()::text AS id");
      await local.query("BEGIN");
      const { rows: [{ id: localId }] } = await local.query("SELECT pg_current_xact_id()::text AS id");
      // A snapshot lists running ids only below the newest finished one, so finish one after both.
      await finishOne();
      expect(await horizon(reader)).toBe(BigInt(localId));
      await local.query("COMMIT");
      await finishOne();
      expect(await horizon(reader)).toBeGreaterThan(BigInt(localId));
      expect(BigInt(remoteId)).toBeLessThan(BigInt(localId));
      await remote.query("COMMIT");
    } finally {
      await Promise.all([local.end(), remote.end()]);
    }
  });

  it("never steps back while other databases' transactions begin and end", async () => {
    const writers = await Promise.all([connect(elsewhere.url), connect(elsewhere.url), connect(elsewhere.url)]);
    let churning = true;
    const churn = writers.map(async (writer) => {
      // Each holds its id for a few milliseconds, so it spans several reads and ends at any point of one.
      while (churning) await writer.query("BEGIN; SELECT pg_current_xact_id(); SELECT pg_sleep(random() * 0.004); COMMIT");
    });
    try {
      const seen: bigint[] = [];
      const until = Date.now() + 4_000;
      while (Date.now() < until) seen.push(await horizon(reader));
      const stepsBack = seen.filter((value, index) => index > 0 && value < seen[index - 1]).length;
      expect(seen.length).toBeGreaterThan(200);
      expect(stepsBack).toBe(0);
    } finally {
      churning = false;
      await Promise.all(churn);
      await Promise.all(writers.map((writer) => writer.end()));
    }
  });
});
