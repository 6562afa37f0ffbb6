/**
 * The gateway serves a static supergraph, so it starts while a subgraph is
 * down; the other subgraphs' fields still arrive, and the missing part comes
 * back null with an error naming the service. When the subgraph comes up,
 * the gateway uses it without a restart.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, readConfig, type SubgraphName } from "../shared/config";
import { deterministicId } from "../shared/records/ids";
import { freePort } from "../shared/database/scratch-postgres";
import { listen, type Listening } from "../shared/http/server";
import { createLogger } from "../shared/logger";
import { openSubgraph } from "../shared/subgraph/open";
import type { Subgraph } from "../shared/subgraph/server";
import { createGateway, type Gateway } from "../gateway/server";
import { readSupergraph } from "../gateway/supergraph";
import { subgraphs } from "../subgraphs";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { graphql } from "./support/graphql";
import { everySubgraphAt } from "./support/stack";

const logger = createLogger("test", "silent");
const internalSecret = randomBytes(32).toString("hex");
const config = { ...readConfig({}), poolSize: 4, internalSecret, peerUrls: {} };
let database: TestDatabase;
let gateway: Gateway;
let gatewayServer: Listening;
let gatewayUrl: string;
let universitiesPort: number;
let gatewaySubgraphUrls: Record<SubgraphName, string>;
const stops: (() => Promise<void>)[] = [];

async function serve(name: SubgraphName, port = 0): Promise<string> {
  const subgraph: Subgraph = await openSubgraph(subgraphs[name], database.url, config, logger);
  const server = await listen(subgraph.app, port, "127.0.0.1", "PORT");
  stops.push(async () => {
    await server.close();
    await subgraph.stop();
  });
  return `http://127.0.0.1:${server.port}/graphql`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  universitiesPort = await freePort();
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    // Nothing listens on the universities port yet.
    subgraphUrls[name] = name === "universities" ? `http://127.0.0.1:${universitiesPort}/graphql` : await serve(name);
  }
  gatewaySubgraphUrls = subgraphUrls;
  gateway = await createGateway({
    supergraphSdl: readSupergraph(readConfig({}).supergraphPath),
    subgraphUrls,
    subgraphTimeoutMs: 5000,
    internalSecret,
    auth: readConfig({}).auth,
    logger,
  });
  gatewayServer = await listen(gateway.app, 0, "127.0.0.1", "GATEWAY_PORT");
  gatewayUrl = `http://127.0.0.1:${gatewayServer.port}/graphql`;
});

afterAll(async () => {
  await gatewayServer?.close();
  await gateway?.stop();
  for (const stop of stops.reverse()) await stop();
  await database?.drop();
});

const QUERY = `{
  enterprise(slug: "ammc") {
    name
    programs(first: 5) { nodes { slug parties { role university { name } } } }
  }
}`;

describe("a subgraph that is down", () => {
  it("leaves the rest of the answer intact and names the missing service", async () => {
    const result = await graphql(gatewayUrl, QUERY);
    expect(result.status).toBe(200);
    expect(result.data?.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    const parties = result.data!.enterprise.programs.nodes.flatMap((p: any) => p.parties);
    expect(parties.length).toBeGreaterThan(0);
    expect(parties.filter((p: any) => p.role === "HOST").length).toBeGreaterThan(0);
    expect(parties.every((p: any) => p.university === null)).toBe(true);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      message: "The universities service is unavailable.",
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "universities" },
    });
    // No internal address or network detail leaks to the client.
    expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });

  it("fails a root field of the missing service with the same clear error", async () => {
    const result = await graphql(gatewayUrl, `{ universities { totalCount } }`);
    expect(result.errors![0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "universities" });
  });

  it("still refetches the other subgraphs' nodes, and says which ids it could not place", async () => {
    // This programs subgraph was given no peers, so it cannot ask enterprises or universities either.
    const program = deterministicId("Program", "tashstu-almalyk-departments-at-ammc-engineering-school");
    const ammc = deterministicId("Enterprise", "ammc");
    const result = await graphql(gatewayUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Program { title } } }`, { ids: [program, ammc] });
    expect(result.data?.nodes[0]).toMatchObject({ __typename: "Program", id: program });
    expect(result.data?.nodes[1]).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "SUBGRAPH_UNAVAILABLE" } });
  });

  it("shows up in the gateway's readiness", async () => {
    const ready = await fetch(gatewayUrl.replace("/graphql", "/ready"));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).checks).toEqual({ ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, "ok"])), universities: "unreachable" });
  });

  it("is used again as soon as it is back, without restarting the gateway", async () => {
    await serve("universities", universitiesPort);
    const result = await graphql(gatewayUrl, QUERY);
    expect(result.errors).toBeUndefined();
    const names = result.data!.enterprise.programs.nodes.flatMap((p: any) => p.parties).map((p: any) => p.university?.name).filter(Boolean);
    expect(names).toContain("University of Geological Sciences");
    expect((await fetch(gatewayUrl.replace("/graphql", "/ready"))).status).toBe(200);
  });
});

describe("the programs subgraph down", () => {
  it("leaves institutions' own fields intact: only their programs and partners are null", async () => {
    const noPrograms = await createGateway({
      supergraphSdl: readSupergraph(readConfig({}).supergraphPath),
      subgraphUrls: { ...gatewaySubgraphUrls, programs: `http://127.0.0.1:${await freePort()}/graphql` },
      subgraphTimeoutMs: 5000,
      internalSecret,
      auth: readConfig({}).auth,
      logger,
    });
    const server = await listen(noPrograms.app, 0, "127.0.0.1", "GATEWAY_PORT");
    try {
      const result = await graphql(`http://127.0.0.1:${server.port}/graphql`, `{ enterprise(slug: "ammc") { name divisions { name } programs { totalCount } partners { programCount } } }`);
      expect(result.data?.enterprise).toMatchObject({ name: "Almalyk Mining and Metallurgical Complex", programs: null, partners: null });
      expect(result.data?.enterprise.divisions.length).toBeGreaterThan(0);
      expect(result.errors?.[0].extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "programs" });
    } finally {
      await server.close();
      await noPrograms.stop();
    }
  });
});

describe("a subgraph that cannot reach its database", () => {
  it("is not ready, and neither is a gateway that calls it in process", async () => {
    const lost = await createTestDatabase();
    const subgraph = await openSubgraph(subgraphs.enterprises, lost.url, config, logger);
    const inProcess = await createGateway({
      supergraphSdl: readSupergraph(readConfig({}).supergraphPath),
      // Only enterprises matters here; nothing listens on port 1.
      subgraphUrls: everySubgraphAt("http://127.0.0.1:1/graphql"),
      inProcess: { enterprises: subgraph },
      subgraphTimeoutMs: 5000,
      internalSecret,
      auth: readConfig({}).auth,
      logger,
    });
    const server = await listen(inProcess.app, 0, "127.0.0.1", "GATEWAY_PORT");
    try {
      const readiness = async () => ((await (await fetch(`http://127.0.0.1:${server.port}/ready`)).json()) as any).checks.enterprises;
      expect(await readiness()).toBe("ok");
      await lost.drop();
      expect(await readiness()).toBe("not ready");
      expect(await subgraph.readiness()).toEqual({ ready: false, checks: { database: "unreachable" } });
    } finally {
      await server.close();
      await inProcess.stop();
      await subgraph.stop();
    }
  });
});
