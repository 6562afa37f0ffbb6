/**
 * README, Limits: each limit refuses "with a code and no stack trace, before
 * any subgraph is asked", "each with extensions.limit". The subgraphs are
 * called over HTTP here, so every subgraph fetch is counted by its request
 * metric; a refusal must leave every count where it was, while an accepted
 * operation moves it (so the counter is seen to count).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../shared/config";
import { startTestStack, type TestStack } from "../support/stack";

const LIMITS = { QUERY_MAX_DEPTH: 4, QUERY_MAX_ALIASES: 2, QUERY_MAX_TOKENS: 60, QUERY_MAX_COST: 500, QUERY_MAX_LIST_SIZE: 50, MAX_BODY_BYTES: 2048 };

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    ...Object.fromEntries(Object.entries(LIMITS).map(([name, value]) => [name, String(value)])),
    RATE_LIMIT_PER_MINUTE: "0",
    SUBGRAPH_TRANSPORT: "http",
  });
});
afterAll(() => stack?.stop());

async function subgraphRequests(): Promise<Record<SubgraphName, number>> {
  const counts = {} as Record<SubgraphName, number>;
  for (const name of SUBGRAPH_NAMES) {
    const metric = await stack.subgraphs[name].metrics.requests.get();
    counts[name] = metric.values.reduce((sum, value) => sum + value.value, 0);
  }
  return counts;
}

async function post(body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, json: await response.json() };
}

const refusals: [string, keyof typeof LIMITS, number, string][] = [
  ["depth", "QUERY_MAX_DEPTH", 400, JSON.stringify({ query: `{ enterprise(slug: "ammc") { programs { nodes { parties { role } } } } }` })],
  ["aliases", "QUERY_MAX_ALIASES", 400, JSON.stringify({ query: `{ a: enterprise(slug: "ammc") { name } b: enterprise(slug: "cmk") { name } c: enterprise(slug: "smpp") { name } }` })],
  ["tokens", "QUERY_MAX_TOKENS", 400, JSON.stringify({ query: `{ enterprises { nodes { ${"name ".repeat(60)} } } }` })],
  ["cost", "QUERY_MAX_COST", 400, JSON.stringify({ query: `{ enterprises(first: 30) { nodes { programs(first: 30) { totalCount } } } }` })],
  ["list size", "QUERY_MAX_LIST_SIZE", 400, JSON.stringify({ query: `query($n: Int) { programs(first: $n) { totalCount } }`, variables: { n: 51 } })],
  ["body size", "MAX_BODY_BYTES", 413, JSON.stringify({ query: `{ enterprises { nodes { name } } }`, variables: { padding: "x".repeat(4096) } })],
];

describe("every limit refusal", () => {
  it("is counted when a subgraph is asked (the control)", async () => {
    const before = await subgraphRequests();
    const accepted = await post(JSON.stringify({ query: `{ enterprise(slug: "ammc") { programs { nodes { slug } } } }` }));
    expect(accepted.json.errors).toBeUndefined();
    const after = await subgraphRequests();
    expect(after.enterprises).toBeGreaterThan(before.enterprises);
    expect(after.programs).toBeGreaterThan(before.programs);
  });

  it.each(refusals)("%s: carries extensions.limit with the configured value and asks no subgraph", async (_name, variable, status, body) => {
    const before = await subgraphRequests();
    const refused = await post(body);
    expect(refused.status, JSON.stringify(refused.json)).toBe(status);
    expect(refused.json.errors).toHaveLength(1);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: expect.any(String), limit: LIMITS[variable] });
    // The gateway may finish logging after answering; no subgraph fetch can be in flight for a refused operation.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await subgraphRequests()).toEqual(before);
  });
});
