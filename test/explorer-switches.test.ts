/**
 * Production can switch the explorer off: GRAPHIQL=off answers /graphiql with
 * 404, INTROSPECTION=off rejects `__schema` and `__type` with a coded error.
 * The gateway answers both without any subgraph, so none runs here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../shared/config";
import { listen, type Listening } from "../shared/http/server";
import { createLogger } from "../shared/logger";
import { createGateway, type Gateway } from "../gateway/server";
import { readSupergraph } from "../gateway/supergraph";
import { graphql } from "./support/graphql";
import { everySubgraphAt } from "./support/stack";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";
const NOWHERE = "http://127.0.0.1:9/graphql";

async function startGateway(env: Record<string, string>): Promise<{ origin: string; stop(): Promise<void> }> {
  const config = readConfig(env);
  const gateway: Gateway = await createGateway({
    supergraphSdl: readSupergraph(config.supergraphPath),
    subgraphUrls: everySubgraphAt(NOWHERE),
    subgraphTimeoutMs: 1000,
    internalSecret: "x".repeat(64),
    auth: config.auth,
    graphiql: config.graphiql,
    introspection: config.introspection,
    dashboard: config.dashboard,
    logger: createLogger("test", "silent"),
  });
  const server: Listening = await listen(gateway.app, 0, "127.0.0.1", "GATEWAY_PORT");
  return {
    origin: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.close();
      await gateway.stop();
    },
  };
}

describe("GRAPHIQL=off and INTROSPECTION=off", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ GRAPHIQL: "off", INTROSPECTION: "off" });
  });
  afterAll(() => gateway?.stop());

  it("answers /graphiql and its assets with 404 and serves no explorer at /graphql", async () => {
    expect((await fetch(`${gateway.origin}/graphiql`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(404);
    expect((await fetch(`${gateway.origin}/graphiql/assets/app.js`)).status).toBe(404);
    const browser = await fetch(`${gateway.origin}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(browser.headers.get("content-type")).not.toMatch(/text\/html/);
  });

  it.each(["{ __schema { queryType { name } } }", '{ __type(name: "Enterprise") { name } }'])("rejects %s with a coded error", async (query) => {
    const result = await graphql(`${gateway.origin}/graphql`, query);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(/^Introspection is switched off on this server/);
    expect(result.errors![0].extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" });
  });

  it("still answers __typename, which clients use to tell types apart", async () => {
    expect(await graphql(`${gateway.origin}/graphql`, "{ __typename }")).toMatchObject({ status: 200, data: { __typename: "Query" } });
  });
});

describe("DASHBOARD=off", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ DASHBOARD: "off" });
  });
  afterAll(() => gateway?.stop());

  it("answers the dashboard, its assets, its operations list and the exports with 404, and takes no persisted GET", async () => {
    for (const path of ["/dashboard", "/", "/dashboard/assets/app.js", "/dashboard/operations.json", "/export/programs.csv"]) {
      expect((await fetch(`${gateway.origin}${path}`, { headers: { accept: BROWSER_ACCEPT } })).status, path).toBe(404);
    }
    const persisted = await fetch(`${gateway.origin}/graphql?documentId=sha256:${"0".repeat(64)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(persisted.status).toBe(400);
  });

  it("rejects a DASHBOARD value other than on or off at start-up", () => {
    expect(() => readConfig({ DASHBOARD: "maybe" })).toThrow(/DASHBOARD must be one of on, off/);
  });
});

describe("by default", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway?.stop());

  it("answers introspection with the described schema", async () => {
    const result = await graphql(`${gateway.origin}/graphql`, "{ __schema { queryType { name description } } }");
    expect(result.data).toEqual({ __schema: { queryType: { name: "Query", description: expect.stringMatching(/^Where every read starts/) } } });
  });

  it("rejects a GRAPHIQL or INTROSPECTION value other than on or off at start-up", () => {
    expect(() => readConfig({ GRAPHIQL: "yes" })).toThrow(/GRAPHIQL must be one of on, off/);
    expect(() => readConfig({ INTROSPECTION: "false" })).toThrow(/INTROSPECTION must be one of on, off/);
  });
});
