/**
 * What every HTTP answer says about itself, beyond GraphQL: JSON answers
 * carry `X-Content-Type-Options: nosniff`; answers that depend on the caller
 * (GraphQL, exports, refusals of credentials) `Cache-Control: no-store`; an
 * unknown path is 404 and a wrong method 405, both JSON with a code, on the
 * gateway and on every subgraph.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../shared/config";
import { bearer, tokenFor } from "./support/auth";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let origin: string;

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
  origin = new URL(stack.gatewayUrl).origin;
});
afterAll(() => stack?.stop());

async function answer(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined };
}

const post = (query: string, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe("the gateway", () => {
  it("marks GraphQL answers nosniff and no-store, for anonymous and signed-in callers alike", async () => {
    const admin = bearer(await tokenFor(stack, "admin"));
    for (const init of [post(`{ enterprise(slug: "ammc") { name } }`), post(`{ enterprise(slug: "ammc") { contacts { phone } } }`, admin)]) {
      const reply = await answer(stack.gatewayUrl, init);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("marks refusals of a credential and of a request nosniff and no-store", async () => {
    for (const init of [post(`{ __typename }`, { authorization: "Bearer a.b.c" }), post(`{ nothing }`)]) {
      const reply = await answer(stack.gatewayUrl, init);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("cache-control")).toBe("no-store");
      expect(reply.body.errors[0].extensions.code).toEqual(expect.any(String));
    }
  });

  it("marks the per-caller exports no-store", async () => {
    const reply = await answer(`${origin}/export/enterprises.csv`);
    expect(reply.headers.get("cache-control")).toBe("no-store");
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("marks /health and /ready nosniff", async () => {
    for (const path of ["/health", "/ready"]) expect((await answer(`${origin}${path}`)).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each(["/nowhere", "/graphql.php", "/export"])("answers %s with a JSON 404 and a code", async (path) => {
    const reply = await answer(`${origin}${path}`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "NOT_FOUND" } }] });
  });

  it.each([
    ["PUT", "/graphql"],
    ["DELETE", "/graphql"],
    ["POST", "/health"],
    ["DELETE", "/metrics"],
  ])("answers %s %s with a JSON 405 and a code", async (method, path) => {
    const reply = await answer(`${origin}${path}`, { method, headers: { "content-type": "application/json" }, body: method === "DELETE" ? undefined : "{}" });
    expect(reply.status).toBe(405);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "BAD_REQUEST" } }] });
  });
});

describe.each(SUBGRAPH_NAMES)("the %s subgraph", (name) => {
  it("answers an unknown path with a JSON 404, a wrong method with a JSON 405, and refusals nosniff and no-store", async () => {
    const subgraphOrigin = new URL(stack.subgraphUrls[name]).origin;
    const missing = await answer(`${subgraphOrigin}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "NOT_FOUND" } }] });
    const wrongHealthMethod = await answer(`${subgraphOrigin}/health`, { method: "POST" });
    expect(wrongHealthMethod.status).toBe(405);
    expect(wrongHealthMethod.headers.get("allow")).toBe("GET, HEAD");
    expect(wrongHealthMethod.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    const unsigned = await answer(stack.subgraphUrls[name], post(`{ __typename }`));
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("x-content-type-options")).toBe("nosniff");
    expect(unsigned.headers.get("cache-control")).toBe("no-store");
  });
});
