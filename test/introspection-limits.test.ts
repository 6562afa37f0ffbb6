/**
 * Introspection is measured like every other selection: aliases, depth and
 * cost inside `__schema` and `__type` count against the gateway's limits. An
 * operation asking for the schema may still be as deep and costly as the
 * standard introspection query (GraphiQL's), however tight the limits, but
 * not twice that. With introspection off, validation errors suggest no
 * field names.
 */
import { getIntrospectionQuery, Kind, parse, print, type FieldNode, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig, SUBGRAPH_NAMES, type SubgraphName } from "../shared/config";
import { listen, type Listening } from "../shared/http/server";
import { createLogger } from "../shared/logger";
import { createGateway } from "../gateway/server";
import { readSupergraph } from "../gateway/supergraph";
import { graphql } from "./support/graphql";

const NOWHERE = "http://127.0.0.1:9/graphql";
const FULL_INTROSPECTION = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });

/** A gateway in front of no subgraph: limits, validation and introspection are its own. */
async function startGateway(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const config = readConfig({ RATE_LIMIT_PER_MINUTE: "0", ...env });
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(config.supergraphPath),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, NOWHERE])) as Record<SubgraphName, string>,
    subgraphTimeoutMs: 1000,
    internalSecret: "x".repeat(64),
    auth: config.auth,
    introspection: config.introspection,
    limits: config.limits,
    logger: createLogger("test", "silent"),
  });
  const server: Listening = await listen(gateway.app, 0, "127.0.0.1", "GATEWAY_PORT");
  return {
    url: `http://127.0.0.1:${server.port}/graphql`,
    async stop() {
      await server.close();
      await gateway.stop();
    },
  };
}

/** The standard introspection query with its `__schema` asked for `times` times under aliases. */
function schemaAskedFor(times: number): string {
  const document = parse(FULL_INTROSPECTION);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const schemaField = operation.selectionSet.selections[0] as FieldNode;
  const copies = Array.from({ length: times }, (_, i): FieldNode => ({ ...schemaField, alias: { kind: Kind.NAME, value: `copy${i}` } }));
  return print({ ...document, definitions: document.definitions.map((d) => (d === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections: copies } } : d)) });
}

describe("with the default limits", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway?.stop());

  it("counts aliases inside __schema: 31 with a limit of 30 are refused", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: queryType { name }`).join(" ");
    const result = await graphql(gateway.url, `{ __schema { ${aliases} } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe("TOO_MANY_ALIASES");
    expect(result.data).toBeUndefined();
  });

  it("counts aliases inside __type", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: name`).join(" ");
    const result = await graphql(gateway.url, `{ __type(name: "Query") { ${aliases} } }`);
    expect(result.errors?.[0].extensions?.code).toBe("TOO_MANY_ALIASES");
  });

  it("counts depth inside __schema", async () => {
    const chain = `${"ofType { ".repeat(20)}name${" }".repeat(20)}`;
    const result = await graphql(gateway.url, `{ __schema { queryType { fields { type { ${chain} } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe("QUERY_TOO_DEEP");
  });

  it("counts what introspection costs: the whole schema twice in one request is refused", async () => {
    const result = await graphql(gateway.url, schemaAskedFor(2));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe("QUERY_TOO_COSTLY");
  });

  it("answers the standard introspection query, as GraphiQL sends it", async () => {
    const result = await graphql(gateway.url, FULL_INTROSPECTION);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe("Query");
    expect((await graphql(gateway.url, schemaAskedFor(1))).errors).toBeUndefined();
  });
});

describe("with tight limits", () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ QUERY_MAX_DEPTH: "5", QUERY_MAX_COST: "500", QUERY_MAX_ALIASES: "2" });
  });
  afterAll(() => gateway?.stop());

  it("still answers the standard introspection query once", async () => {
    const result = await graphql(gateway.url, FULL_INTROSPECTION);
    expect(result.errors).toBeUndefined();
  });

  it("but no other operation beyond them", async () => {
    const result = await graphql(gateway.url, `{ enterprises { nodes { divisions { enterprise { divisions { name } } } } } }`);
    expect(result.errors?.[0].extensions?.code).toBe("QUERY_TOO_DEEP");
  });

  it("and an operation that also asks for __type or __schema gets no allowance for the rest of what it asks", async () => {
    const deep = await graphql(gateway.url, `{ __type(name: "Query") { name } enterprises { nodes { divisions { enterprise { divisions { name } } } } } }`);
    expect(deep.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 5 });
    const costly = await graphql(gateway.url, `{ __schema { queryType { name } } programs(first: 1000) { nodes { title } } }`);
    expect(costly.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 500 });
    // Inside a fragment on the query type too.
    const spread = await graphql(gateway.url, `query { ...Both } fragment Both on Query { __type(name: "Query") { name } programs(first: 1000) { nodes { title } } }`);
    expect(spread.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 500 });
  });
});

/** Misspelt fields, arguments and types near confidential ones: each would earn a "Did you mean" with introspection on. */
const PROBES = [
  `{ programs { nodes { budgt } } }`,
  `{ programs { nodes { internalNote } } }`,
  `{ enterprise(slugg: "ammc") { name } }`,
  `{ enterprise(slug: "ammc") { contact { phone } } }`,
  `query($f: ProgramFiltr) { programs(filter: $f) { totalCount } }`,
];

/** Variables whose values misspell an input field or an enum value: coerced after validation, they earn a "Did you mean" of their own. */
const PROGRAMS_FILTERED = `query($f: ProgramFilter) { programs(filter: $f) { totalCount } }`;
const VARIABLE_PROBES: { variables: Record<string, unknown>; hidden: string[] }[] = [
  { variables: { f: { partyTyp: "UNIVERSITY" } }, hidden: ["partyType", "partyId"] },
  { variables: { f: { statuses: ["ACTIV"] } }, hidden: ["ACTIVE"] },
  { variables: { f: { expiringWithin: 30 } }, hidden: ["expiringWithinDays"] },
];

describe("field suggestions", () => {
  it("are given while introspection is on", async () => {
    const gateway = await startGateway({});
    try {
      const messages = (await Promise.all(PROBES.map((probe) => graphql(gateway.url, probe)))).flatMap((result) => result.errors!.map((e) => e.message));
      expect(messages.some((message) => /Did you mean/.test(message))).toBe(true);
    } finally {
      await gateway.stop();
    }
  });

  it("are none with INTROSPECTION=off in the errors about variables' values either (input fields, enum values)", async () => {
    const on = await startGateway({});
    try {
      // With introspection on the same probes do name what they missed: they are probes that work.
      for (const { variables } of VARIABLE_PROBES) expect((await graphql(on.url, PROGRAMS_FILTERED, variables)).errors?.[0].message).toMatch(/Did you mean/);
    } finally {
      await on.stop();
    }
    const gateway = await startGateway({ INTROSPECTION: "off" });
    try {
      for (const { variables, hidden } of VARIABLE_PROBES) {
        const result = await graphql(gateway.url, PROGRAMS_FILTERED, variables);
        expect(result.status).toBe(400);
        expect(result.errors?.length).toBeGreaterThan(0);
        for (const error of result.errors!) {
          expect(error.message).not.toMatch(/Did you mean/);
          for (const name of hidden) expect(error.message).not.toContain(`"${name}"`);
        }
      }
    } finally {
      await gateway.stop();
    }
  });

  it("are none with INTROSPECTION=off", async () => {
    const gateway = await startGateway({ INTROSPECTION: "off" });
    try {
      for (const probe of PROBES) {
        const result = await graphql(gateway.url, probe);
        expect(result.status).toBe(400);
        expect(result.errors?.length).toBeGreaterThan(0);
        for (const error of result.errors!) {
          expect(error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
          expect(error.message).not.toMatch(/Did you mean/);
        }
      }
    } finally {
      await gateway.stop();
    }
  });
});
