/**
 * One client floods the dashboard aggregates while another reads single
 * programs (issue 14): the aliased flood is refused before any subgraph
 * works, a dozen heavy requests in flight are bounded by the programs
 * subgraph's bulkhead (AGGREGATE_CONCURRENCY), and the reader's median
 * stays within twice its unloaded value without an error. Then the
 * deadlines: a statement blocked behind a lock answers SUBGRAPH_TIMEOUT at
 * SUBGRAPH_TIMEOUT_MS, in process and over HTTP alike, and PostgreSQL is no
 * longer running it a second later.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../bench/dataset";
import { startStack, type Stack } from "../shared/stack";
import { bearer, tokenFor } from "./support/auth";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { graphql, graphqlData } from "./support/graphql";
import { until } from "./support/services";
import { startExtraGateway, testConfig } from "./support/stack";

/** Enough programs that an aggregate takes real work (tens of ms), few enough to generate in seconds. */
const SIZE = { programs: 20_000, enterprises: 600, universities: 1_400 };
/** The default (shared/config.ts). */
const AGGREGATE_CONCURRENCY = 2;
const HEAVY_IN_FLIGHT = 12;
const SAMPLES = 80;
const DEADLINE_MS = 400;

let database: TestDatabase;
let stack: Stack;
let slug: string;
let readerHeaders: Record<string, string>;

const READ = `query Program($slug: String!) { program(slug: $slug) { slug title status parties { role } } }`;
/**
 * Statistics with their activity figures: what the dashboard's heaviest requests ask for, with a filter the
 * summaries cannot answer (`activeOn`), so they read the programs and activities tables as a request whose
 * filter falls back to them does.
 */
const HEAVY = [
  `query StatsByCountry { programStats(groupBy: COUNTRY, filter: { statuses: [ACTIVE], activeOn: "2025-01-01" }) { key programCount activityCount } }`,
  `query StatsByYear { programStats(groupBy: YEAR_SIGNED, filter: { activeOn: "2024-06-01" }) { key programCount activityCount plannedParticipants } }`,
  `query StatsByKind { programStats(groupBy: KIND, filter: { activeOn: "2023-06-01" }) { key programCount actualParticipants } }`,
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `SAMPLES` reads one after another, each timed; every one must answer in full. */
async function readerLatencies(): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const answer = await graphql(stack.gatewayUrl, READ, { slug }, readerHeaders);
    latencies.push(performance.now() - started);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.program).toMatchObject({ slug });
  }
  return latencies;
}

/** Statements of the programs subgraph PostgreSQL is running now (this test's own connections aside). */
async function runningStatements(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ query: string }>(
    `SELECT query FROM pg_stat_activity WHERE datname = $1 AND application_name = 'partnergraph-programs' AND state = 'active' AND pid <> pg_backend_pid()`,
    [database.name],
  );
  return rows.map((row) => row.query);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await prepareDatabase(database.url, SIZE, () => undefined);
  // The reader's 3 × SAMPLES timed reads (twice if the first run is taken again) come faster than RATE_LIMIT_PER_MINUTE refills its bucket: a burst that holds them all.
  // The response cache off: the bulkhead is what is tested, and repeated heavy requests would otherwise be hits.
  stack = await startStack(testConfig(database.url, { AGGREGATE_CONCURRENCY: String(AGGREGATE_CONCURRENCY), RATE_LIMIT_BURST: String(7 * SAMPLES), RESPONSE_CACHE_MAX_BYTES: "0" }));
  slug = (await graphqlData(stack.gatewayUrl, `{ programs(first: 1) { nodes { slug } } }`)).programs.nodes[0].slug;
  // The reader is a client of its own (its own rate-limit bucket): a dashboard user with a token.
  readerHeaders = bearer(await tokenFor(stack, "dashboard"));
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

describe("a client flooding the aggregates", () => {
  it("is refused for 30 aliased networks of 10,000 edges before any subgraph works", async () => {
    const statementsBefore = stack.subgraphs.programs.dataSource.statements.count;
    const aliased = `{ ${Array.from({ length: 30 }, (_, i) => `n${i}: cooperationNetwork(maxEdges: 10000) { edges { sourceId targetId weight } }`).join(" ")} }`;
    const answer = await graphql(stack.gatewayUrl, aliased);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(stack.subgraphs.programs.dataSource.statements.count).toBe(statementsBefore);
  });

  /** Reader latencies before, under and after the flood, and what became of the heavy requests. */
  async function floodOnce() {
    const unloadedBefore = await readerLatencies();

    // The heavy requests sum activities, and another connection holds a lock on that table: each would hold a
    // pool connection as long as the lock lasts, without using any CPU. Without the bulkhead 12 of them take all
    // 10 connections of the programs pool and the reader waits for one (the SUBGRAPH_UNAVAILABLE); with
    // it they take AGGREGATE_CONCURRENCY and the rest wait in the bulkhead's queue, holding none.
    const locker = new pg.Client({ connectionString: database.url });
    const admin = new pg.Client({ connectionString: database.url });
    await Promise.all([locker.connect(), admin.connect()]);
    let loaded: number[] = [];
    let waitingOnTheLock: string[] = [];
    let flood: Promise<string>[] = [];
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE programs.activity IN ACCESS EXCLUSIVE MODE");
      // One a few ms apart: 12 requests, far inside RATE_LIMIT_BURST (7 × SAMPLES).
      flood = Array.from({ length: HEAVY_IN_FLIGHT }, async (_, i) => {
        const answer = await graphql(stack.gatewayUrl, HEAVY[i % HEAVY.length]!);
        return answer.errors ? String(answer.errors[0]?.extensions?.code) : "answered";
      });
      await until(async () => (await runningStatements(admin)).length >= AGGREGATE_CONCURRENCY);
      loaded = await readerLatencies();
      waitingOnTheLock = await runningStatements(admin);
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await Promise.all([locker.end(), admin.end()]);
    }
    const outcomes = await Promise.all(flood);
    const unloadedAfter = await readerLatencies();
    return { unloaded: median([...unloadedBefore, ...unloadedAfter]), loaded, outcomes, waitingOnTheLock };
  }

  it("keeps another client's reads of one program as fast as unloaded, without errors, while 12 heavy requests are in flight", async () => {
    // Within twice the unloaded median; a floor of 3 ms keeps timer and scheduling noise of a shared 2-core machine out.
    const bound = (unloaded: number) => Math.max(2 * unloaded, unloaded + 3);
    let run = await floodOnce();
    // Another test file shares the 2 cores: a burst of its work can land in one measurement, so a slow one is taken again.
    if (median(run.loaded) > bound(run.unloaded)) run = await floodOnce();
    const { unloaded, loaded, outcomes, waitingOnTheLock } = run;
    const tally = Object.fromEntries([...new Set(outcomes)].map((outcome) => [outcome, outcomes.filter((o) => o === outcome).length]));
    console.log(`reader p50 unloaded ${unloaded.toFixed(1)} ms, under the flood ${median(loaded).toFixed(1)} ms (slowest ${Math.max(...loaded).toFixed(0)} ms); flood outcomes ${JSON.stringify(tally)}; aggregates running at once ${waitingOnTheLock.length}`);
    // Bounded: only the bulkhead's share of the pool was ever taken, and each heavy request was answered or refused as overloaded.
    expect(waitingOnTheLock.length).toBe(AGGREGATE_CONCURRENCY);
    expect(outcomes.every((outcome) => outcome === "answered" || outcome === "SERVICE_OVERLOADED"), JSON.stringify(tally)).toBe(true);
    expect(tally.answered ?? 0).toBeGreaterThan(0);
    expect(median(loaded)).toBeLessThanOrEqual(bound(unloaded));
    // And no read waited for a connection behind the flood: without the bulkhead the first waits until the gateway
    // gives up on the flood (SUBGRAPH_TIMEOUT_MS, 10 s), which a median alone would hide.
    expect(Math.max(...loaded)).toBeLessThan(1000);
  }, 180_000);
});

describe("a request the gateway gives up on", () => {
  for (const transport of ["in process", "over HTTP"] as const) {
    it(`answers SUBGRAPH_TIMEOUT at SUBGRAPH_TIMEOUT_MS ${transport}, and PostgreSQL stops running its statement`, async () => {
      const gateway = await startExtraGateway(stack, {
        subgraphTimeoutMs: DEADLINE_MS,
        inProcess: transport === "in process" ? stack.subgraphs : undefined,
      });
      // Another connection holds a lock on the programs table: any read of it waits behind the lock.
      const locker = new pg.Client({ connectionString: database.url });
      const admin = new pg.Client({ connectionString: database.url });
      await Promise.all([locker.connect(), admin.connect()]);
      try {
        await locker.query("BEGIN");
        await locker.query("LOCK TABLE programs.program IN ACCESS EXCLUSIVE MODE");
        const started = Date.now();
        const answer = await graphql(gateway.url, READ, { slug: `${slug}` }, readerHeaders);
        const elapsed = Date.now() - started;
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["SUBGRAPH_TIMEOUT"]);
        expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
        expect(elapsed).toBeLessThan(DEADLINE_MS + 2000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // The lock is still held: a statement of the abandoned request would still be waiting for it.
        expect(await runningStatements(admin)).toEqual([]);
      } finally {
        await locker.query("ROLLBACK").catch(() => undefined);
        await Promise.all([locker.end(), admin.end()]);
        await gateway.stop();
      }
    });
  }
});
