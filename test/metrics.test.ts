/**
 * /metrics on the gateway and on every subgraph, in the Prometheus text
 * format: requests by operation and status, errors by code, latency per
 * operation, subgraph fetch latency (over HTTP and in process), the database
 * pool and SQL statements. And the request id every answer carries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, graphqlData } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let inProcessGatewayUrl: string;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // Every request here must reach the subgraphs: the response cache (test/response-cache.test.ts) would answer the repeats.
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RESPONSE_CACHE_MAX_BYTES: "0" });
  // The same subgraphs called in process, as under `npm start`.
  const gateway = await startExtraGateway(stack, { inProcess: stack.subgraphs });
  stops.push(gateway.stop);
  inProcessGatewayUrl = gateway.url;
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await stack?.stop();
});

const WALK = `query Walk { enterprise(slug: "ammc") { name programs(first: 5) { nodes { slug parties { university { name } } } } } }`;

async function metrics(graphqlUrl: string): Promise<string> {
  const response = await fetch(graphqlUrl.replace("/graphql", "/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one series, picked by name and (some of) its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/** A series' value, 0 while it does not exist yet. */
const valueOf = (text: string, name: string, labels: Record<string, string> = {}) => sample(text, name, labels) ?? 0;

/** The sum of every series whose line matches `line` (e.g. one per planned operation name). */
function sumOf(text: string, line: RegExp): number {
  return text.split("\n").reduce((sum, entry) => {
    const match = line.exec(entry);
    return match ? sum + Number(entry.split(" ").at(-1)) : sum;
  }, 0);
}

/**
 * Each test sends its own requests and reads how much each series grew
 * meanwhile: none relies on what another test sent, or on running alone.
 */
async function growth(graphqlUrl: string, send: () => Promise<unknown>): Promise<(name: string, labels?: Record<string, string>) => number> {
  const before = await metrics(graphqlUrl);
  await send();
  const after = await metrics(graphqlUrl);
  return (name, labels) => valueOf(after, name, labels) - valueOf(before, name, labels);
}

describe("the gateway's /metrics", () => {
  it("counts requests by operation and status, times them, and times each subgraph fetch", async () => {
    const grew = await growth(stack.gatewayUrl, async () => {
      await graphqlData(stack.gatewayUrl, WALK);
      await graphqlData(stack.gatewayUrl, WALK);
    });
    expect(grew("partnergraph_http_requests_total", { operation: "Walk", status: "200", service: "gateway" })).toBe(2);
    expect(grew("partnergraph_request_duration_seconds_count", { operation: "Walk" })).toBe(2);
    expect(grew("partnergraph_request_duration_seconds_bucket", { operation: "Walk", le: "+Inf" })).toBe(2);
    for (const subgraph of ["enterprises", "programs", "universities"]) {
      expect(grew("partnergraph_subgraph_fetch_duration_seconds_count", { subgraph, outcome: "ok" })).toBe(2);
    }
  });

  it("counts errors by code, refusals before GraphQL included", async () => {
    const grew = await growth(stack.gatewayUrl, async () => {
      await graphql(stack.gatewayUrl, `{ programs(first: 5000) { totalCount } }`);
      await graphql(stack.gatewayUrl, `{ enterprise(id: "x", slug: "ammc") { name } }`);
      await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "not json" });
    });
    expect(grew("partnergraph_graphql_errors_total", { code: "LIST_TOO_LARGE" })).toBe(1);
    expect(grew("partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(grew("partnergraph_graphql_errors_total", { code: "BAD_REQUEST" })).toBe(1);
    expect(grew("partnergraph_http_requests_total", { operation: "anonymous", status: "400" })).toBe(2);
  });

  it("leaves readiness probes out of the subgraph fetch figures", async () => {
    // A fetch of its own first, so the series exists (undefined = undefined would prove nothing).
    await graphqlData(stack.gatewayUrl, WALK);
    const before = sample(await metrics(stack.gatewayUrl), "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "enterprises" });
    expect(before).toBeGreaterThan(0);
    expect((await fetch(stack.gatewayUrl.replace("/graphql", "/ready"))).status).toBe(200);
    expect(sample(await metrics(stack.gatewayUrl), "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "enterprises" })).toBe(before);
  });

  it("times in-process subgraph calls the same way", async () => {
    const grew = await growth(inProcessGatewayUrl, () => graphqlData(inProcessGatewayUrl, WALK));
    expect(grew("partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "universities", outcome: "ok" })).toBe(1);
    expect(grew("partnergraph_http_requests_total", { operation: "Walk", status: "200" })).toBe(1);
  });
});

describe("a subgraph's /metrics", () => {
  it("counts its requests and errors, its pool and the SQL statements it sent", async () => {
    const walks = /^partnergraph_http_requests_total\{operation="Walk__enterprises__\d+",status="200",service="enterprises"\} /;
    const before = await metrics(stack.subgraphUrls.enterprises);
    await graphqlData(stack.gatewayUrl, WALK);
    await graphql(stack.gatewayUrl, `{ enterprise(id: "x", slug: "ammc") { name } }`);
    const text = await metrics(stack.subgraphUrls.enterprises);
    expect(text).toMatch(/partnergraph_http_requests_total\{operation="Walk__enterprises__\d+",status="200",service="enterprises"\} [1-9]/);
    expect(sumOf(text, walks) - sumOf(before, walks)).toBeGreaterThanOrEqual(1);
    expect(sample(text, "partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT", service: "enterprises" })).toBeGreaterThanOrEqual(1);
    expect(valueOf(text, "partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT", service: "enterprises" }) - valueOf(before, "partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT", service: "enterprises" })).toBe(1);
    expect(sample(text, "partnergraph_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "partnergraph_db_pool_connections", { state: "waiting" })).toBe(0);
    const statements = sample(text, "partnergraph_db_statements_total", { service: "enterprises" });
    expect(statements).toBe(stack.subgraphs.enterprises.dataSource.statements.count);
    expect(statements).toBeGreaterThan(0);
  });
});

describe("the request id", () => {
  it("is echoed when the client sends one, and minted when it does not", async () => {
    const sent = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "dashboard-42" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(sent.headers.get("x-request-id")).toBe("dashboard-42");
    const minted = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(minted.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
