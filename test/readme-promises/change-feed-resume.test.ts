/**
 * README, Credentials and sync: "Keep the last endCursor and pass it as
 * after with the same since next time ... resuming from a cursor skips
 * nothing." A partner system pages through enterpriseChanges three at a
 * time while writers keep changing enterprises; once they stop and the
 * reader has caught up, it must have seen every acknowledged write exactly
 * once, in the order of the feed read in one go.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../../shared/records/ids";
import { bearer, tokenFor } from "../support/auth";
import { graphqlData } from "../support/graphql";
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
});
