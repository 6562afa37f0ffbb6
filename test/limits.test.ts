/**
 * The gateway's limits: each refusal has its own code and a clear message,
 * comes as JSON without a stack trace or an internal address, and the
 * defaults let every example operation through.
 */
import express from "express";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGatewayLimits } from "../shared/config";
import { listen, type Listening } from "../shared/http/server";
import { DEFAULT_PAGE_SIZE } from "../shared/graphql/pagination";
import { ASSUMED_PAGE_SIZE } from "../gateway/limits/measure";
import { TokenBuckets } from "../gateway/limits/rate-limit";
import { graphql, graphqlData } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

const SMALL_LIMITS = {
  QUERY_MAX_DEPTH: "4",
  QUERY_MAX_ALIASES: "2",
  QUERY_MAX_TOKENS: "60",
  QUERY_MAX_COST: "500",
  QUERY_MAX_LIST_SIZE: "50",
  MAX_BODY_BYTES: "2048",
  RATE_LIMIT_PER_MINUTE: "0",
};

let stack: TestStack;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  stack = await startTestStack({ ...SMALL_LIMITS, SUBGRAPH_TRANSPORT: "http" });
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await stack?.stop();
});

/** Another gateway in front of the same subgraphs, with other settings. */
async function gatewayWith(options: Parameters<typeof startExtraGateway>[1]): Promise<string> {
  const gateway = await startExtraGateway(stack, options);
  stops.push(gateway.stop);
  return gateway.url;
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}

/** A refusal: the status and code expected, JSON, one error, nothing internal in it. */
function expectRefused(response: { status: number; text: string }, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  const body = JSON.parse(response.text);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions.code).toBe(code);
  expect(body.errors[0].message.length).toBeGreaterThan(10);
  expect(response.text).not.toMatch(/stack|\bat .*\.[jt]s|node_modules|127\.0\.0\.1|localhost|<html/i);
}

const refusedQuery = async (query: string, variables: Record<string, unknown> | undefined, status: number, code: string) => {
  const response = await post(stack.gatewayUrl, JSON.stringify({ query, variables }));
  expectRefused(response, status, code);
  return response.json.errors[0];
};

describe("gateway limits", () => {
  it("refuse an operation nested too deep, counting through fragments", async () => {
    const error = await refusedQuery(`{ enterprise(slug: "ammc") { programs { nodes { parties { role } } } } }`, undefined, 400, "QUERY_TOO_DEEP");
    expect(error).toMatchObject({ message: "The operation nests fields 5 deep; at most 4 are allowed.", extensions: { limit: 4 } });
    await refusedQuery(
      `query { enterprise(slug: "ammc") { ...Programs } } fragment Programs on Enterprise { programs { nodes { parties { role } } } }`,
      undefined, 400, "QUERY_TOO_DEEP",
    );
    expect((await graphqlData(stack.gatewayUrl, `{ enterprise(slug: "ammc") { programs { nodes { slug } } } }`)).enterprise.programs.nodes.length).toBeGreaterThan(0);
  });

  it("refuse too many aliases", async () => {
    await refusedQuery(`{ a: enterprise(slug: "ammc") { name } b: enterprise(slug: "cmk") { name } c: enterprise(slug: "smpp") { name } }`, undefined, 400, "TOO_MANY_ALIASES");
  });

  it("refuse a document with too many tokens before parsing it, also over GET", async () => {
    const long = `{ enterprises { nodes { ${"name ".repeat(60)} } } }`;
    await refusedQuery(long, undefined, 400, "TOO_MANY_TOKENS");
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent(long)}`, { headers: { "apollo-require-preflight": "true" } });
    expectRefused({ status: response.status, text: await response.text() }, 400, "TOO_MANY_TOKENS");
  });

  it("refuse a page larger than the largest, whether literal or a variable", async () => {
    await refusedQuery(`{ programs(first: 51) { totalCount } }`, undefined, 400, "LIST_TOO_LARGE");
    await refusedQuery(`query($n: Int) { programs(first: $n) { totalCount } }`, { n: 51 }, 400, "LIST_TOO_LARGE");
    await refusedQuery(`query($n: Int = 51) { programs(first: $n) { totalCount } }`, undefined, 400, "LIST_TOO_LARGE");
    expect((await graphqlData(stack.gatewayUrl, `query($n: Int) { programs(first: $n) { totalCount } }`, { n: 50 })).programs.totalCount).toBeGreaterThan(0);
  });

  it("refuse an operation whose lists inside lists would cost too much", async () => {
    // Every field costs 1, times the pages around it: 1 + 30 × (1 + 1 + 30 × 1) = 961 > 500.
    const error = await refusedQuery(`{ enterprises(first: 30) { nodes { programs(first: 30) { totalCount } } } }`, undefined, 400, "QUERY_TOO_COSTLY");
    expect(error.message).toContain("estimated cost is 961; at most 500");
    const nested = `query($n: Int) { enterprises(first: $n) { nodes { programs(first: $n) { totalCount } } } }`;
    await refusedQuery(nested, { n: 25 }, 400, "QUERY_TOO_COSTLY");
    await graphqlData(stack.gatewayUrl, nested, { n: 10 });
    // Without `first` a list counts as the default page of 20: 1 + 20 × (1 + 1 + 20 × 1) = 441.
    await graphqlData(stack.gatewayUrl, `{ enterprises { nodes { programs { totalCount } } } }`);
  });

  it("answer a body over the size cap with 413 and a code, not an HTML page", async () => {
    const response = await post(stack.gatewayUrl, JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(4096) } }));
    expectRefused(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("answer a body that is not JSON with 400 BAD_REQUEST, not a stack trace", async () => {
    expectRefused(await post(stack.gatewayUrl, `{"query": "{ __typename }"`), 400, "BAD_REQUEST");
  });

  it("refuse batched requests", async () => {
    expectRefused(await post(stack.gatewayUrl, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }])), 400, "BATCHED_REQUESTS_NOT_SUPPORTED");
  });

  it("give up on a subgraph that does not answer within the timeout, naming it", async () => {
    const hanging = express();
    hanging.post("/graphql", () => undefined); // never answers
    const silent: Listening = await listen(hanging, 0, "127.0.0.1", "PORT");
    stops.push(async () => {
      silent.server.closeAllConnections();
      await silent.close();
    });
    const url = await gatewayWith({ subgraphUrls: { universities: `http://127.0.0.1:${silent.port}/graphql` }, subgraphTimeoutMs: 200 });
    const result = await graphql(url, `{ university(slug: "tashstu") { name } enterprises { totalCount } }`);
    expect(result.data?.enterprises).toMatchObject({ totalCount: expect.any(Number) });
    expect(result.errors).toEqual([
      expect.objectContaining({ message: "The universities service did not answer in time.", extensions: { code: "SUBGRAPH_TIMEOUT", serviceName: "universities" } }),
    ]);
  });
});

describe("per-client rate limiting", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a client's burst is spent, and leaves /health open", async () => {
    const url = await gatewayWith({ limits: { ...readGatewayLimits({}), rateLimit: { perMinute: 1, burst: 2 } } });
    for (let i = 0; i < 2; i++) expect((await graphql(url, "{ __typename }")).status).toBe(200);
    const refused = await post(url, JSON.stringify({ query: "{ __typename }" }));
    expectRefused(refused, 429, "RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await fetch(url.replace("/graphql", "/health"))).status).toBe(200);
    expect((await fetch(url.replace("/graphql", "/metrics"))).status).toBe(200);
  });

  it("behind a trusted proxy counts each forwarded client on its own; without one, X-Forwarded-For changes nothing", async () => {
    const limits = readGatewayLimits({});
    const ask = (url: string, client: string) => post(url, JSON.stringify({ query: "{ __typename }" }), { "x-forwarded-for": client });
    // The test's requests come from 127.0.0.1: a proxy on loopback.
    const proxied = await gatewayWith({ limits: { ...limits, rateLimit: { perMinute: 1, burst: 1 }, trustProxy: ["loopback"] } });
    expect((await ask(proxied, "203.0.113.7")).status).toBe(200);
    expectRefused(await ask(proxied, "203.0.113.7"), 429, "RATE_LIMITED");
    expect((await ask(proxied, "198.51.100.9")).status).toBe(200);
    const direct = await gatewayWith({ limits: { ...limits, rateLimit: { perMinute: 1, burst: 1 }, trustProxy: false } });
    expect((await ask(direct, "203.0.113.7")).status).toBe(200);
    expectRefused(await ask(direct, "198.51.100.9"), 429, "RATE_LIMITED");
  });

  it("reads TRUST_PROXY as off, hops or addresses, and names it when it is wrong", () => {
    expect(readGatewayLimits({}).trustProxy).toBe(false);
    expect(readGatewayLimits({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(readGatewayLimits({ TRUST_PROXY: "10.0.0.0/8, loopback,::1" }).trustProxy).toEqual(["10.0.0.0/8", "loopback", "::1"]);
    for (const bad of ["0", "11", "10.0.0.0/33", "proxy.example", "10.0.0.1/8/1", "yes"]) {
      expect(() => readGatewayLimits({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("refills each client's bucket at the configured pace", () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, () => now);
    expect([buckets.take("a"), buckets.take("a"), buckets.take("b")]).toEqual([undefined, undefined, undefined]);
    expect(buckets.take("a")).toBe(1);
    now += 1000;
    expect(buckets.take("a")).toBeUndefined();
    expect(buckets.take("a")).toBe(1);
  });
});

describe("default limits", () => {
  let url: string;
  beforeAll(async () => {
    url = await gatewayWith({ limits: readGatewayLimits({}) });
  });

  it("let the example operations through: the walk, README's queries, a page of 1000, GraphiQL's introspection", async () => {
    const walk = await graphqlData(
      url,
      `query Walk { enterprise(slug: "ammc") { name programs(first: 10) { totalCount nodes { slug kind parties { role
         university { slug name kind parent { slug } } division { name } department { name } } } }
         partners(type: UNIVERSITY) { programCount partner { ... on University { slug name } } programs { slug } } } }`,
    );
    expect(walk.enterprise.partners.length).toBeGreaterThan(0);
    await graphqlData(url, `{ university(slug: "stupino-technical-school") { partners { partner { ... on Enterprise { name } } programs { title signedOn parties { signatoryName signatoryPosition } } } } }`);
    await graphqlData(url, `{ programs(filter: { kinds: [MEMORANDUM] }) { totalCount nodes { title parties { institution { ... on University { name } ... on Enterprise { name } } } } } }`);
    const page = await graphqlData(
      url,
      `{ programs(first: 1000) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id slug title kind
         parties { role signatoryName university { slug name } enterprise { slug name } division { name } department { name } } } } } }`,
    );
    expect(page.programs.edges.length).toBe(page.programs.totalCount);
    const introspection = await graphqlData(url, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }));
    expect(introspection.__schema.queryType.name).toBe("Query");
  });

  it("assume the page size the subgraphs use when a list is asked for without `first`", () => {
    expect(ASSUMED_PAGE_SIZE).toBe(DEFAULT_PAGE_SIZE);
  });
});
