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
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
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

describe("the gateway's /metrics", () => {
  it("counts requests by operation and status, times them, and times each subgraph fetch", async () => {
    await graphqlData(stack.gatewayUrl, WALK);
    await graphqlData(stack.gatewayUrl, WALK);
    const text = await metrics(stack.gatewayUrl);
    expect(sample(text, "partnergraph_http_requests_total", { operation: "Walk", status: "200", service: "gateway" })).toBe(2);
    expect(sample(text, "partnergraph_request_duration_seconds_count", { operation: "Walk" })).toBe(2);
    expect(sample(text, "partnergraph_request_duration_seconds_bucket", { operation: "Walk", le: "+Inf" })).toBe(2);
    for (const subgraph of ["enterprises", "programs", "universities"]) {
      expect(sample(text, "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph, outcome: "ok" })).toBe(2);
    }
  });

  it("counts errors by code, refusals before GraphQL included", async () => {
    await graphql(stack.gatewayUrl, `{ programs(first: 5000) { totalCount } }`);
    await graphql(stack.gatewayUrl, `{ enterprise(id: "x", slug: "ammc") { name } }`);
    await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "not json" });
    const text = await metrics(stack.gatewayUrl);
    expect(sample(text, "partnergraph_graphql_errors_total", { code: "LIST_TOO_LARGE" })).toBe(1);
    expect(sample(text, "partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(sample(text, "partnergraph_graphql_errors_total", { code: "BAD_REQUEST" })).toBe(1);
    expect(sample(text, "partnergraph_http_requests_total", { operation: "anonymous", status: "400" })).toBe(2);
  });

  it("leaves readiness probes out of the subgraph fetch figures", async () => {
    const before = sample(await metrics(stack.gatewayUrl), "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "enterprises" });
    expect((await fetch(stack.gatewayUrl.replace("/graphql", "/ready"))).status).toBe(200);
    expect(sample(await metrics(stack.gatewayUrl), "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "enterprises" })).toBe(before);
  });

  it("times in-process subgraph calls the same way", async () => {
    await graphqlData(inProcessGatewayUrl, WALK);
    const text = await metrics(inProcessGatewayUrl);
    expect(sample(text, "partnergraph_subgraph_fetch_duration_seconds_count", { subgraph: "universities", outcome: "ok" })).toBe(1);
    expect(sample(text, "partnergraph_http_requests_total", { operation: "Walk", status: "200" })).toBe(1);
  });
});

describe("a subgraph's /metrics", () => {
  it("counts its requests and errors, its pool and the SQL statements it sent", async () => {
    await graphql(stack.gatewayUrl, `{ enterprise(id: "x", slug: "ammc") { name } }`);
    const text = await metrics(stack.subgraphUrls.enterprises);
    expect(text).toMatch(/partnergraph_http_requests_total\{operation="Walk__enterprises__\d+",status="200",service="enterprises"\} [1-9]/);
    expect(sample(text, "partnergraph_graphql_errors_total", { code: "BAD_USER_INPUT", service: "enterprises" })).toBeGreaterThanOrEqual(1);
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
