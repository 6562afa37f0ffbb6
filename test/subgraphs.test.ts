/**
 * Each subgraph on its own, as the gateway (or Apollo Router, Hive Gateway)
 * sees it over HTTP: its federation SDL and its entity lookups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, keyedEntityTypes, type SubgraphName } from "../shared/subgraph/registry";
import { deterministicId } from "../shared/records/ids";
import { subgraphSdl } from "../gateway/composition";
import { graphql, graphqlData, signedFor, signedHeaders } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
});
afterAll(() => stack?.stop());

/** Every entity type each subgraph owns or extends, from the registry. */
const ENTITY_TYPES = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, keyedEntityTypes(name)])) as Record<SubgraphName, string[]>;

describe.each(SUBGRAPH_NAMES)("the %s subgraph", (name) => {
  it("serves its federation SDL with @link and a key on every entity", async () => {
    const { _service } = await graphqlData(stack.subgraphUrls[name], `{ _service { sdl } }`, undefined, signedFor(stack.internalSecret, name));
    expect(_service.sdl).toContain(`@link(url: "https://specs.apollo.dev/federation/v2.7"`);
    for (const type of ENTITY_TYPES[name]) {
      // Every entity is also a Relay `Node` (`type Enterprise implements Node @key(fields: "id")`).
      expect(_service.sdl).toMatch(new RegExp(`type ${type}(\\s+implements Node)?\\s+@key\\(fields: "id"\\)`));
    }
    // What composition reads is exactly what the running subgraph serves.
    expect(_service.sdl).toBe(await subgraphSdl(name));
  });
});

describe("entity lookups (_entities)", () => {
  it("resolves enterprises and divisions by id, null for an unknown id", async () => {
    const { _entities } = await graphqlData(
      stack.subgraphUrls.enterprises,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Enterprise { slug } ... on Division { slug enterprise { slug } } } }`,
      {
        reps: [
          { __typename: "Enterprise", id: deterministicId("Enterprise", "ammc") },
          { __typename: "Division", id: deterministicId("Division", "ammc-kalmakyr-mine") },
          { __typename: "Enterprise", id: deterministicId("Enterprise", "nobody") },
        ],
      },
      signedFor(stack.internalSecret, "enterprises"),
    );
    expect(_entities).toEqual([
      { __typename: "Enterprise", slug: "ammc" },
      { __typename: "Division", slug: "ammc-kalmakyr-mine", enterprise: { slug: "ammc" } },
      null,
    ]);
  });

  it("resolves universities and departments by id", async () => {
    const { _entities } = await graphqlData(
      stack.subgraphUrls.universities,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on University { slug branches { slug } } ... on Department { name university { slug } } } }`,
      {
        reps: [
          { __typename: "University", id: deterministicId("University", "nust-misis") },
          { __typename: "Department", id: deterministicId("Department", "ugs-mining-operations-and-technologies") },
        ],
      },
      signedFor(stack.internalSecret, "universities"),
    );
    expect(_entities).toEqual([
      { slug: "nust-misis", branches: [{ slug: "nust-misis-almalyk" }] },
      { name: "Mining Operations and Technologies", university: { slug: "university-of-geological-sciences" } },
    ]);
  });

  it("resolves programs, and adds programs and partners to institutions it does not own", async () => {
    const { _entities } = await graphqlData(
      stack.subgraphUrls.programs,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
          ... on Program { slug signedOn }
          ... on University { programs { totalCount nodes { slug } } partners { partner { __typename ... on University { id } } } }
        } }`,
      {
        reps: [
          { __typename: "Program", id: deterministicId("Program", "stupino-educational-partnership-2024") },
          { __typename: "University", id: deterministicId("University", "wuhan-university-of-science-and-technology") },
        ],
      },
      signedFor(stack.internalSecret, "programs"),
    );
    expect(_entities[0]).toEqual({ slug: "stupino-educational-partnership-2024", signedOn: "2024-04-10" });
    expect(_entities[1].programs).toEqual({ totalCount: 1, nodes: [{ slug: "nust-misis-almalyk-wust-memorandum-2025" }] });
    expect(_entities[1].partners).toEqual([{ partner: { __typename: "University", id: deterministicId("University", "nust-misis-almalyk") } }]);
  });
});

describe("health", () => {
  it("each subgraph reports /health and /ready", async () => {
    for (const url of Object.values(stack.subgraphUrls)) {
      const health = await fetch(url.replace("/graphql", "/health"));
      expect((await health.json()) as unknown).toEqual({ status: "ok" });
      const ready = await fetch(url.replace("/graphql", "/ready"));
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as any).checks).toEqual({ database: "ok", migrations: "ok" });
    }
  });
});

describe("a subgraph trusts only the gateway", () => {
  const query = `{ enterprise(slug: "ammc") { name } }`;

  it("refuses a request without a signed identity, with 401 and a code", async () => {
    const result = await graphql(stack.subgraphUrls.enterprises, query);
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an identity signed with another secret, or with the signature of another identity", async () => {
    const forged = signedHeaders("x".repeat(64), { role: "admin", subject: "mallory" }, { audience: "enterprises", query });
    expect((await graphql(stack.subgraphUrls.enterprises, query, undefined, forged)).status).toBe(401);
    const genuine = signedHeaders(stack.internalSecret, { role: "analyst", subject: "alice" }, { audience: "enterprises", query });
    const admin = signedHeaders(stack.internalSecret, { role: "admin", subject: "mallory" }, { audience: "enterprises", query });
    const spliced = { ...genuine, "x-partnergraph-identity": admin["x-partnergraph-identity"].replace(/.$/, "A") };
    expect((await graphql(stack.subgraphUrls.enterprises, query, undefined, spliced)).status).toBe(401);
  });

  it("keeps health and metrics open", async () => {
    for (const path of ["/health", "/ready", "/metrics"]) {
      expect((await fetch(stack.subgraphUrls.enterprises.replace("/graphql", path))).status).toBe(200);
    }
  });
});
