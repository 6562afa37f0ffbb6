/**
 * Each subgraph on its own, as the gateway (or Apollo Router, Hive Gateway)
 * sees it over HTTP: its federation SDL and its entity lookups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/ids";
import { subgraphSdl } from "../scripts/composition";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
});
afterAll(() => stack?.stop());

const ENTITY_TYPES = {
  enterprises: ["Enterprise", "Division"],
  universities: ["University", "Department"],
  programs: ["Program", "Enterprise", "University", "Division", "Department"],
} as const;

describe.each(Object.keys(ENTITY_TYPES) as (keyof typeof ENTITY_TYPES)[])("the %s subgraph", (name) => {
  it("serves its federation SDL with @link and a key on every entity", async () => {
    const { _service } = await graphqlData(stack.subgraphUrls[name], `{ _service { sdl } }`);
    expect(_service.sdl).toContain(`@link(url: "https://specs.apollo.dev/federation/v2.7"`);
    for (const type of ENTITY_TYPES[name]) {
      expect(_service.sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
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
