/**
 * Start-up does no work proportional to the data (issue 19): migrations,
 * the seed check, the subgraphs and the gateway starting and answering
 * /ready read as many rows, and send as many statements, on a database of
 * 10,000 programs as on one of 1,000. Rows read are PostgreSQL's own counters
 * (pg_stat_user_tables' sequential reads, pg_stat_user_indexes' index
 * entries), so a count(*), a scan for seeding or an index built at boot would
 * show up whatever code did it.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../bench/dataset";
import { SUBGRAPH_NAMES } from "../shared/config";
import { startStack } from "../shared/stack";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { until } from "./support/services";
import { testConfig } from "./support/stack";

const SMALL = { programs: 1_000, enterprises: 30, universities: 70 };
const LARGE = { programs: 10_000, enterprises: 300, universities: 700 };

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

/** Rows PostgreSQL has read from the subgraphs' tables and indexes, and rows written, so far. */
async function tableCounters(client: pg.Client): Promise<{ read: number; written: number }> {
  // Counters of other backends arrive when they end (or flush): wait until no connection of ours is left.
  await until(async () => (await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'partnergraph-%'")).rows[0].n === 0, 10_000);
  await client.query("SELECT pg_stat_clear_snapshot()");
  const [tables] = (
    await client.query(
      `SELECT coalesce(sum(seq_tup_read), 0)::bigint AS read, coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint AS written
         FROM pg_stat_user_tables WHERE schemaname = ANY($1::text[])`,
      [SUBGRAPH_NAMES],
    )
  ).rows;
  const [indexes] = (await client.query("SELECT coalesce(sum(idx_tup_read), 0)::bigint AS read FROM pg_stat_user_indexes WHERE schemaname = ANY($1::text[])", [SUBGRAPH_NAMES])).rows;
  return { read: Number(tables.read) + Number(indexes.read), written: Number(tables.written) };
}

/** Starts the whole graph on an existing database of `size`, waits for /ready, stops it: what that cost. */
async function startUpCost(size: typeof SMALL): Promise<{ rowsRead: number; rowsWritten: number; statements: number }> {
  const database = await createTestDatabase();
  databases.push(database);
  await prepareDatabase(database.url, size, () => undefined);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const before = await tableCounters(client);
    // SEED=auto, as `npm start`: the seed check runs too.
    const stack = await startStack(testConfig(database.url, { SEED: "auto" }));
    let statements = 0;
    try {
      const ready = await fetch(stack.gatewayUrl.replace(/\/graphql$/, "/ready"));
      expect(ready.status).toBe(200);
      statements = SUBGRAPH_NAMES.reduce((sum, name) => sum + stack.subgraphs[name].dataSource.statements.count, 0);
    } finally {
      await stack.stop();
    }
    const after = await tableCounters(client);
    return { rowsRead: after.read - before.read, rowsWritten: after.written - before.written, statements };
  } finally {
    await client.end();
  }
}

describe("start-up on an existing database", () => {
  it("reads, writes and sends no more at 10,000 programs than at 1,000", { timeout: 180_000 }, async () => {
    const small = await startUpCost(SMALL);
    const large = await startUpCost(LARGE);
    // A scan of the programs at boot would read ≥ 9,000 more rows at the larger size.
    expect(large.rowsRead, JSON.stringify({ small, large })).toBeLessThanOrEqual(small.rowsRead + 50);
    expect(large.rowsRead).toBeLessThan(1_000);
    expect(large.rowsWritten).toBe(0);
    expect(large.statements).toBe(small.statements);
  });
});
