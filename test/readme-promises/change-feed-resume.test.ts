/**
 * README, Credentials and sync: "Keep the last endCursor and pass it as
 * after with the same since next time ... resuming from a cursor skips
 * nothing." A partner system pages through enterpriseChanges three at a
 * time while writers keep changing enterprises; once they stop and the
 * reader has caught up, it must have seen every acknowledged write exactly
 * once, in the order of the feed read in one go.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../../shared/records/ids";
import { bearer, tokenFor } from "../support/auth";
import { graphqlData } from "../support/graphql";
import { until } from "../support/services";
import { startTestStack, type TestStack } from "../support/stack";

const ENTERPRISES = ["ammc", "stupino-metallurgical-company", "stupino-machine-production-plant", "uzbekistan-technological-metals-combine"];
const WRITES_EACH = 12;

let stack: TestStack;
let admin: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, admin);

const FEED = `query($since: DateTime!, $after: String, $first: Int) {
  enterpriseChanges(since: $since, first: $first, after: $after) { pageInfo { endCursor hasNextPage } nodes { logNumber entityId action after } }
}`;

interface Seen {
  logNumber: string;
  entityId: string;
  website: string;
}

/** One writer: changes its enterprise's website again and again, each time with the version it read. */
async function writer(slug: string): Promise<string[]> {
  const id = deterministicId("Enterprise", slug);
  let { enterprise } = await ask(`query($id: ID!) { enterprise(id: $id) { version } }`, { id });
  let version: number = enterprise.version;
  const written: string[] = [];
  for (let i = 0; i < WRITES_EACH; i++) {
    const website = `https://${slug}.example/${i}`;
    const { updateEnterprise } = await ask(`mutation($id: ID!, $v: Int!, $w: String!) { updateEnterprise(id: $id, version: $v, input: { website: $w }) { version } }`, { id, v: version, w: website });
    version = updateEnterprise.version;
    written.push(website);
  }
  return written;
}

describe("resuming the change feed from a cursor", () => {
  it("sees every change exactly once, in order, while writes happen", async () => {
    const since = new Date().toISOString();
    const seen: Seen[] = [];
    let after: string | null = null;
    const readPage = async () => {
      const { enterpriseChanges }: any = await ask(FEED, { since, after, first: 3 });
      for (const change of enterpriseChanges.nodes) seen.push({ logNumber: change.logNumber, entityId: change.entityId, website: change.after?.website });
      // An empty page has no cursor: keep the last one, as a partner system would.
      after = enterpriseChanges.pageInfo.endCursor ?? after;
      return enterpriseChanges.pageInfo.hasNextPage as boolean;
    };
    let writing = true;
    const writes = Promise.all(ENTERPRISES.map(writer)).finally(() => (writing = false));
    let pagesWhileWriting = 0;
    while (writing) {
      await readPage();
      pagesWhileWriting++;
    }
    const written = (await writes).flat();
    // Catch up. The feed holds back changes while any older transaction of the server is open (other
    // databases' too: transaction ids are server-wide), so poll as a partner system would, with a bound.
    for (const started = Date.now(); seen.length < written.length && Date.now() - started < 20_000; ) {
      if (!(await readPage())) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    while (await readPage());

    expect(pagesWhileWriting).toBeGreaterThan(1);
    const logNumbers = seen.map((change) => change.logNumber);
    expect(new Set(logNumbers).size, "no change seen twice").toBe(logNumbers.length);
    const { enterpriseChanges: whole } = await ask(FEED, { since, after: null, first: 1000 });
    expect(logNumbers, "the pages in order are the feed read in one go").toEqual(whole.nodes.map((change: { logNumber: string }) => change.logNumber));
    expect(seen.map((change) => change.website).sort(), "every acknowledged write seen").toEqual([...written].sort());
  });

  // Short writers rarely interleave badly enough for the test above to notice a feed that shows a change
  // before an older transaction has finished. Here one does, deterministically: a write is held open
  // (its transaction has its id) while a later one commits and the reader reads and keeps its cursor.
  it("does not skip a slow write that commits after a later one the reader already passed", async () => {
    const since = new Date().toISOString();
    const sql = new pg.Client({ connectionString: stack.database.url });
    await sql.connect();
    const HOLD = 18_018;
    try {
      // Holds an update that sets a website ending in /slow after the row is written and before its
      // audit entry, until this test releases its advisory lock.
      await sql.query(`CREATE FUNCTION enterprises.hold_slow_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(${HOLD}); RETURN NEW; END $$`);
      await sql.query(`CREATE TRIGGER hold_slow_write AFTER UPDATE ON enterprises.enterprise FOR EACH ROW WHEN (NEW.website LIKE '%/slow') EXECUTE FUNCTION enterprises.hold_slow_write()`);
      await sql.query("SELECT pg_advisory_lock($1)", [HOLD]);
      const update = async (slug: string, website: string) => {
        const id = deterministicId("Enterprise", slug);
        const { enterprise } = await ask(`query($id: ID!) { enterprise(id: $id) { version } }`, { id });
        return ask(`mutation($id: ID!, $v: Int!, $w: String!) { updateEnterprise(id: $id, version: $v, input: { website: $w }) { version } }`, { id, v: enterprise.version, w: website });
      };
      const slow = update("ammc", "https://ammc.example/slow");
      await until(async () => {
        const { rows } = await sql.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'");
        return rows[0].n > 0;
      });
      await update("stupino-metallurgical-company", "https://stupino.example/fast");

      const seen: string[] = [];
      let after: string | null = null;
      const readPage = async () => {
        const { enterpriseChanges }: any = await ask(FEED, { since, after, first: 3 });
        for (const change of enterpriseChanges.nodes) seen.push(change.after?.website);
        after = enterpriseChanges.pageInfo.endCursor ?? after;
        return enterpriseChanges.pageInfo.hasNextPage as boolean;
      };
      // The reader reads while the slow write is still open, and keeps its cursor.
      while (await readPage());
      await sql.query("SELECT pg_advisory_unlock($1)", [HOLD]);
      await slow;
      for (const started = Date.now(); seen.length < 2 && Date.now() - started < 20_000; ) {
        if (!(await readPage())) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(seen.sort(), "both writes seen, each once").toEqual(["https://ammc.example/slow", "https://stupino.example/fast"]);
    } finally {
      await sql.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
      await sql.query("DROP TRIGGER IF EXISTS hold_slow_write ON enterprises.enterprise").catch(() => undefined);
      await sql.query("DROP FUNCTION IF EXISTS enterprises.hold_slow_write()").catch(() => undefined);
      await sql.end();
    }
  });
});
