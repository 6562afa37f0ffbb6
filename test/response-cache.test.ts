/**
 * The gateway's response cache (gateway/response-cache/) against a real
 * PostgreSQL: repeated reads are answered from memory, byte for byte as
 * computed; a committed write is never followed by a stale answer, through
 * this gateway or another, for aggregates, lists and list membership; the
 * cache empties itself when it cannot hear of writes; one caller's
 * confidential answer never reaches another; it stays within its size.
 */
import pg from "pg";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SUBGRAPH_NAMES } from "../shared/config";
import { CHANGES_CHANNEL, tablesWithoutChangeNotifications } from "../shared/database/change-notifications";
import { deterministicId } from "../shared/records/ids";
import type { Gateway } from "../gateway/server";
import { responseCacheMetrics } from "../gateway/metrics";
import { ResponseCache } from "../gateway/response-cache/store";
import { bearer, tokenFor } from "./support/auth";
import { graphqlData } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let other: Awaited<ReturnType<typeof startExtraGateway>>;
let admin: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const CACHE = { maxBytes: 32 * 1024 * 1024 };
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - started;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, text: await response.text(), contentType: response.headers.get("content-type"), etag: response.headers.get("etag") };
}

const data = async (url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => JSON.parse((await post(url, query, variables, headers)).text).data;

/** The cache's counter of that result (hit, miss, off) or cause. */
async function counted(gateway: Gateway, metric: "lookups" | "invalidations", label: string): Promise<number> {
  const name = metric === "lookups" ? "partnergraph_response_cache_lookups_total" : "partnergraph_response_cache_invalidations_total";
  const values = (await gateway.metrics.registry.getSingleMetric(name)!.get()).values;
  return values.filter((value) => Object.values(value.labels).includes(label)).reduce((sum, value) => sum + value.value, 0);
}

/** Every invalidation so far, whatever its cause. */
async function allInvalidations(gateway: Gateway): Promise<number> {
  const values = (await gateway.metrics.registry.getSingleMetric("partnergraph_response_cache_invalidations_total")!.get()).values;
  return values.reduce((sum, value) => sum + value.value, 0);
}

/**
 * Sends a request twice in a row and returns both answers with the hits counted between them.
 * The subgraphs' own background writes (the webhook fan-out moving its cursor after an earlier
 * test's writes) rightly empty the cache; a pair that saw one is sent again, up to five times.
 */
async function twiceInARow<T>(send: () => Promise<T>): Promise<{ first: T; second: T; hits: number }> {
  for (let attempt = 1; ; attempt++) {
    const [hitsBefore, invalidationsBefore] = [await counted(stack.gateway, "lookups", "hit"), await allInvalidations(stack.gateway)];
    const first = await send();
    const second = await send();
    const hits = (await counted(stack.gateway, "lookups", "hit")) - hitsBefore;
    if (attempt === 5 || (await allInvalidations(stack.gateway)) === invalidationsBefore) return { first, second, hits };
  }
}

async function newUniversity(): Promise<string> {
  const { createUniversity } = await graphqlData(stack.gatewayUrl, `mutation($slug: String!) { createUniversity(input: { slug: $slug, name: "Cache Test Institute", kind: UNIVERSITY, countryCode: "UZ" }) { id } }`, { slug: unique("cache-institute") }, admin);
  return createUniversity.id;
}

async function newDraft(universityId = BRANCH, kind = "INTERNSHIP", url = stack.gatewayUrl): Promise<{ id: string; version: number; slug: string }> {
  const { createProgram } = await graphqlData(
    url,
    `mutation($input: ProgramInput!) { createProgram(input: $input) { id version slug } }`,
    {
      input: {
        slug: unique("cache-draft"),
        title: "Practice agreement",
        kind,
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: universityId, role: "SIGNATORY" },
        ],
      },
    },
    admin,
  );
  return createProgram;
}

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
  // A second gateway over the same subgraphs (over HTTP) and the same database: another replica.
  other = await startExtraGateway(stack, { responseCache: { ...CACHE, databaseUrls: [stack.database.url] } });
  await until(() => Boolean(stack.gateway.responseCache?.store.enabled));
  await until(() => Boolean(other.gateway.responseCache?.store.enabled));
});
afterAll(async () => {
  await other?.stop();
  await stack?.stop();
});

describe("every table of every subgraph notifies its committed writes", () => {
  it("has the trigger on each table", async () => {
    for (const name of SUBGRAPH_NAMES) {
      const dataSource = stack.subgraphs[name].dataSource;
      expect(await tablesWithoutChangeNotifications((sql, parameters) => dataSource.query(sql, parameters), name), name).toEqual([]);
    }
  });
});

describe("while nothing is written", () => {
  it("no subgraph says it changed, even while read, so answers stay (an idle poll of the webhook deliveries once emptied the cache twice a second)", async () => {
    const listener = new pg.Client({ connectionString: stack.database.url });
    await listener.connect();
    const heard: number[] = [];
    listener.on("notification", () => heard.push(performance.now()));
    try {
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
      const listening = performance.now();
      // Start-up's own writes (the fan-out moving past the seed's audit entries) settle first: a second without a word.
      await until(() => performance.now() - Math.max(listening, heard.at(-1) ?? 0) > 1000, 10_000);
      const before = heard.length;
      // Reads of every kind meanwhile, as an admin (who also reads the change feeds): reading writes nothing.
      const reads = [
        `{ programs(first: 50) { totalCount nodes { title parties { institution { ... on Enterprise { name } ... on University { name } } } } } }`,
        `{ enterprise(slug: "ammc") { name partners { programCount partner { ... on University { name } } } } }`,
        `{ programStats(groupBy: COUNTRY) { key programCount } cooperationNetwork(maxEdges: 50) { edgeCount } }`,
        `{ universities(first: 20, filter: { text: "университет" }) { totalCount nodes { name } } }`,
        `query($since: DateTime!) { enterpriseChanges(since: $since, first: 10) { totalCount } programChanges(since: $since, first: 10) { totalCount } }`,
      ];
      const until2500 = performance.now() + 2500;
      let sent = 0;
      while (performance.now() < until2500) {
        for (const query of reads) await graphqlData(stack.gatewayUrl, query, { since: "2000-01-01T00:00:00Z" }, admin);
        sent += reads.length;
      }
      expect(sent).toBeGreaterThan(reads.length);
      expect(heard.length - before).toBe(0);
    } finally {
      await listener.end();
    }
  });
});

describe("repeated reads", () => {
  const NETWORK = `query Network { cooperationNetwork(filter: { partyCountryCodes: ["UZ"] }, maxEdges: 200) { nodes { institutionId programCount } edges { sourceId targetId weight } } }`;

  it("are answered from memory, byte for byte as computed, over POST and GET", async () => {
    const posted = await twiceInARow(() => post(stack.gatewayUrl, NETWORK));
    expect(posted.first.status).toBe(200);
    expect(posted.second).toEqual(posted.first);
    expect(posted.hits).toBe(1);

    const url = `${stack.gatewayUrl}?query=${encodeURIComponent(NETWORK)}`;
    const got = await twiceInARow(async () => (await fetch(url)).text());
    expect(got.second).toBe(got.first);
    expect(got.hits).toBe(1);
  });

  it("a dashboard's persisted GET too", async () => {
    const operations = (await (await fetch(stack.gatewayUrl.replace(/\/graphql$/, "/dashboard/operations.json"))).json()) as { id: string; name: string }[];
    const network = operations.find((operation) => operation.name === "DashboardNetwork")!;
    const url = `${stack.gatewayUrl}?documentId=${network.id}&variables=${encodeURIComponent(JSON.stringify({ maxEdges: 50 }))}`;
    const answer = async () => {
      const response = await fetch(url);
      return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
    };
    const { first, second, hits } = await twiceInARow(answer);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(hits).toBe(1);
  });

  it("never keep mutations, introspection or answers with errors", async () => {
    const store = stack.gateway.responseCache!.store;
    // A new quarter hour empties the cache (answers counting from today): not inside the reads below.
    const untilQuarterHour = 15 * 60_000 - (Date.now() % (15 * 60_000));
    if (untilQuarterHour < 10_000) await new Promise((resolve) => setTimeout(resolve, untilQuarterHour + 200));
    // Counted by what was kept rather than by the size, which a cache that empties itself (listening lost on a stalled machine) would also keep level.
    const finish = vi.spyOn(store, "finish");
    expect(store.enabled).toBe(true);
    await post(stack.gatewayUrl, `{ __schema { queryType { name } } }`);
    await post(stack.gatewayUrl, `{ __type(name: "Program") { name } }`);
    await post(stack.gatewayUrl, `{ program(slug: "no-such-program-at-all") { id } nothing }`);
    await post(stack.gatewayUrl, `query { programs(first: 5000) { totalCount } }`);
    expect(finish.mock.results.filter((result) => result.value === true)).toEqual([]);
    finish.mockRestore();
    const draft = await newDraft();
    expect(draft.id).toBeTruthy();
    expect(store.size.entries).toBe(0);
  });
});

describe("a committed write is never followed by a stale answer", () => {
  it("aggregates and lists: stats and counts after a new program, through both gateways", async () => {
    const STATS = `{ programStats(groupBy: KIND) { key programCount } programs(filter: { kinds: [INTERNSHIP] }) { totalCount } }`;
    const internships = (answer: any) => answer.programStats.find((bucket: any) => bucket.key === "INTERNSHIP")?.programCount ?? 0;
    for (let round = 0; round < 8; round++) {
      const here = await data(stack.gatewayUrl, STATS);
      const there = await data(other.url, STATS);
      await data(stack.gatewayUrl, STATS);
      await data(other.url, STATS);
      // The writer's next read, through this gateway and then the other, at once.
      await newDraft(BRANCH, "INTERNSHIP", round % 2 ? other.url : stack.gatewayUrl);
      const afterHere = await data(stack.gatewayUrl, STATS);
      const afterThere = await data(other.url, STATS);
      expect(internships(afterHere)).toBe(internships(here) + 1);
      expect(afterHere.programs.totalCount).toBe(here.programs.totalCount + 1);
      expect(afterThere).toEqual(afterHere);
      expect(there).toEqual(here);
    }
  });

  it("list membership: an institution's partners after a party is added", async () => {
    const PARTNERS = `query($id: ID!) { enterprise(id: $id) { partners { partner { ... on University { id } } } } }`;
    const partnerIds = (answer: any) => answer.enterprise.partners.map((p: any) => p.partner.id).filter(Boolean);
    const university = await newUniversity();
    const before = await data(other.url, PARTNERS, { id: AMMC });
    expect(partnerIds(await data(other.url, PARTNERS, { id: AMMC }))).not.toContain(university);
    await newDraft(university);
    expect(partnerIds(await data(other.url, PARTNERS, { id: AMMC }))).toContain(university);
    expect(partnerIds(await data(stack.gatewayUrl, PARTNERS, { id: AMMC }))).toContain(university);
    expect(partnerIds(before).length).toBeGreaterThan(0);
  });

  it("a write made behind every gateway's back (plain SQL) reaches both within 100 ms", async () => {
    const draft = await newDraft();
    const TITLE = `query($slug: String) { program(slug: $slug) { title } }`;
    for (const url of [stack.gatewayUrl, other.url, stack.gatewayUrl, other.url]) await data(url, TITLE, { slug: draft.slug });
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      await client.query(`UPDATE programs.program SET title = 'Renamed behind the gateways' WHERE slug = $1`, [draft.slug]);
    } finally {
      await client.end();
    }
    const fresh = (url: string) => async () => (await data(url, TITLE, { slug: draft.slug })).program.title === "Renamed behind the gateways";
    const waited = await Promise.all([until(fresh(stack.gatewayUrl), 1000), until(fresh(other.url), 1000)]);
    expect(Math.max(...waited)).toBeLessThan(100);
  });
});

describe("when writes may go unheard", () => {
  it("empties itself when its LISTEN connection is killed, and comes back on its own", async () => {
    const store = stack.gateway.responseCache!.store;
    const QUERY = `{ enterprise(slug: "ammc") { name } }`;
    await data(stack.gatewayUrl, QUERY);
    await data(stack.gatewayUrl, QUERY);
    expect(store.size.entries).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'partnergraph-gateway-changes' AND datname = current_database()`,
      );
      expect(rows.length).toBe(2);
      await until(() => !store.enabled, 1000);
      expect(store.size).toEqual({ entries: 0, bytes: 0 });
      // While it is off, reads are computed and a write made meanwhile is seen.
      await client.query(`UPDATE enterprises.enterprise SET website = 'https://offline-write.example' WHERE slug = 'ammc'`);
    } finally {
      await client.end();
    }
    await until(() => store.enabled, 5000);
    const WEBSITE = `{ enterprise(slug: "ammc") { website } }`;
    expect((await data(stack.gatewayUrl, WEBSITE)).enterprise.website).toBe("https://offline-write.example");
    expect((await data(stack.gatewayUrl, WEBSITE)).enterprise.website).toBe("https://offline-write.example");
    expect(await counted(stack.gateway, "invalidations", "listening lost")).toBeGreaterThan(0);
  });
});

describe("answers for one caller", () => {
  it("an editor's confidential phones never reach an anonymous caller or another institution", async () => {
    const CONTACTS = `{ enterprise(slug: "ammc") { contacts { name phone } } }`;
    const editor = bearer(await tokenFor(stack, "editor@ammc"));
    const stranger = bearer(await tokenFor(stack, "editor@tashstu-almalyk"));
    const own = await post(stack.gatewayUrl, CONTACTS, undefined, editor);
    const phones = JSON.parse(own.text).data.enterprise.contacts.map((c: any) => c.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    const hits = await counted(stack.gateway, "lookups", "hit");
    expect((await post(stack.gatewayUrl, CONTACTS, undefined, editor)).text).toBe(own.text);
    expect(await counted(stack.gateway, "lookups", "hit")).toBe(hits + 1);
    for (const caller of [{}, stranger, {}, stranger]) {
      const answer = (await post(stack.gatewayUrl, CONTACTS, undefined, caller)).text;
      for (const phone of phones) expect(answer).not.toContain(phone);
    }
  });
});

describe("its size", () => {
  it("stays within RESPONSE_CACHE_MAX_BYTES, dropping the least recently used", async () => {
    const small = await startExtraGateway(stack, { responseCache: { maxBytes: 20_000, databaseUrls: [stack.database.url] } });
    const store = small.gateway.responseCache!.store;
    try {
      await until(() => store.enabled);
      const query = (i: number) => `query Q${i} { enterprise(slug: "ammc") { id } }`;
      await data(small.url, query(0));
      await data(small.url, query(1));
      for (let i = 2; i < 90; i++) {
        await data(small.url, query(i));
        await data(small.url, query(0)); // kept fresh in use
        expect(store.size.bytes).toBeLessThanOrEqual(20_000);
      }
      const gateway = small.gateway;
      const hits = await counted(gateway, "lookups", "hit");
      await data(small.url, query(0));
      expect(await counted(gateway, "lookups", "hit")).toBe(hits + 1);
      await data(small.url, query(1));
      expect(await counted(gateway, "lookups", "hit")).toBe(hits + 1);
      expect(store.size.entries).toBeGreaterThan(10);
    } finally {
      await small.stop();
    }
  });
});

describe("the store's bookkeeping", () => {
  const make = (now: () => number = Date.now) => {
    const cache = new ResponseCache(1_000_000, (subgraph) => (subgraph === "programs" ? ["enterprises", "universities"] : []), responseCacheMetrics(new Registry()), now);
    cache.enable();
    return cache;
  };
  const answer = { status: 200, headers: [] as [string, string][], body: Buffer.from('{"data":{}}') };
  const ticketFor = (cache: ResponseCache, key: string, fetched: string[]) => {
    const ticket = cache.begin(key)!;
    for (const subgraph of fetched) ticket.fetched.add(subgraph);
    ticket.storable = true;
    return ticket;
  };

  it("a read that overlapped a write to what it depends on keeps nothing; one to something else does", () => {
    const cache = make();
    const overlapped = ticketFor(cache, "a", ["programs"]);
    const unrelated = ticketFor(cache, "b", ["universities"]);
    cache.invalidate("enterprises");
    expect(cache.finish(overlapped, answer)).toBe(false);
    expect(cache.finish(unrelated, answer)).toBe(true);
    expect(cache.get("b")).toBeDefined();
    cache.invalidate("programs");
    expect(cache.get("b")).toBeDefined();
    cache.invalidate("universities");
    expect(cache.get("b")).toBeUndefined();
  });

  it("nothing begun before listening was lost, or before a new quarter hour, is kept", () => {
    let time = Date.UTC(2026, 0, 1, 18, 59, 59);
    const cache = make(() => time);
    const before = ticketFor(cache, "a", ["enterprises"]);
    cache.disable();
    cache.enable();
    expect(cache.finish(before, answer)).toBe(false);
    const beforeMidnight = ticketFor(cache, "b", ["enterprises"]);
    expect(cache.finish(ticketFor(cache, "c", ["enterprises"]), answer)).toBe(true);
    time += 2000; // 19:00:01 UTC is midnight in Tashkent
    expect(cache.get("c")).toBeUndefined();
    expect(cache.finish(beforeMidnight, answer)).toBe(false);
  });
});
