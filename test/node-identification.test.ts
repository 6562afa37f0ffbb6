/**
 * Relay Global Object Identification across the federation: every stored
 * object is a `Node`, and `node(id:)` / `nodes(ids:)` at the root refetch any
 * of them by the id it already has, through the gateway, with its own type and
 * fields. A mixed list costs the same number of subgraph fetches and SQL
 * statements as a short one. Subgraphs are called over HTTP so every fetch is
 * an HTTP request each subgraph counts.
 */
import { SUBGRAPH_REGISTRY } from "../shared/subgraph/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, readGatewayLimits, type SubgraphName } from "../shared/config";
import { graphql, graphqlData } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
/** One object of every node type, as its own root field or parent lists it. */
let samples: { typename: string; id: string; label: string }[];

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
  const data = await graphqlData(
    stack.gatewayUrl,
    `{
      enterprise(slug: "ammc") { id name divisions { id name } contacts { id name } }
      university(slug: "tashstu-almalyk") { id name departments { id name } }
      universities(first: 50) { nodes { people { id name } } }
      programs(first: 1) { nodes { id title parties { id role } activities { id title } } }
    }`,
  );
  const program = data.programs.nodes[0];
  const person = data.universities.nodes.flatMap((u: any) => u.people)[0];
  samples = [
    { typename: "Enterprise", id: data.enterprise.id, label: data.enterprise.name },
    { typename: "Division", id: data.enterprise.divisions[0].id, label: data.enterprise.divisions[0].name },
    { typename: "Contact", id: data.enterprise.contacts[0].id, label: data.enterprise.contacts[0].name },
    { typename: "University", id: data.university.id, label: data.university.name },
    { typename: "Department", id: data.university.departments[0].id, label: data.university.departments[0].name },
    { typename: "Person", id: person.id, label: person.name },
    { typename: "Program", id: program.id, label: program.title },
    { typename: "ProgramParty", id: program.parties[0].id, label: program.parties[0].role },
    { typename: "Activity", id: program.activities[0].id, label: program.activities[0].title },
  ];
});
afterAll(() => stack?.stop());

/** A field of each type that only its owner serves, to prove the gateway fetched the object itself. */
const NODE_FIELDS = /* GraphQL */ `
  __typename
  id
  ... on Enterprise { label: name }
  ... on Division { label: name }
  ... on Contact { label: name }
  ... on University { label: name }
  ... on Department { label: name }
  ... on Person { label: name }
  ... on Program { label: title }
  ... on ProgramParty { role }
  ... on Activity { label: title }
`;

const MISSING = "00000000-0000-4000-8000-000000000000";

/** What NODE_FIELDS gives for a sample (a party's role is an enum, so it keeps its own name). */
function expected(sample: { typename: string; id: string; label: string }) {
  return { __typename: sample.typename, id: sample.id, [sample.typename === "ProgramParty" ? "role" : "label"]: sample.label };
}

describe("node(id:)", () => {
  it("resolves an id of every entity type to its type and fields", async () => {
    for (const sample of samples) {
      const { node } = await graphqlData(stack.gatewayUrl, `query($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, { id: sample.id });
      expect(node, sample.typename).toEqual(expected(sample));
    }
  });

  it("reaches fields that other subgraphs add to a node", async () => {
    const ammc = samples.find((s) => s.typename === "Enterprise")!;
    const { node } = await graphqlData(stack.gatewayUrl, `query($id: ID!) { node(id: $id) { ... on Enterprise { shortName programs { totalCount } } } }`, { id: ammc.id });
    expect(node).toEqual({ shortName: "AMMC", programs: { totalCount: 3 } });
  });

  it("answers null for an id nothing has and BAD_USER_INPUT for one that is no UUID", async () => {
    expect(await graphqlData(stack.gatewayUrl, `{ node(id: "${MISSING}") { id } }`)).toEqual({ node: null });
    const bad = await graphql(stack.gatewayUrl, `{ node(id: "ammc") { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is what every object with an id implements", async () => {
    const { __type } = await graphqlData(stack.gatewayUrl, `{ __type(name: "Node") { possibleTypes { name } } }`);
    // Every entity type of the registry, and the programs subgraph's records that are no entities.
    const expected = [...SUBGRAPH_REGISTRY.flatMap((entry) => entry.entityTypes), "Activity", "ProgramApproval", "ProgramParty", "ProgramVersion"];
    expect(__type.possibleTypes.map((t: { name: string }) => t.name).sort()).toEqual(expected.sort());
  });
});

/** HTTP requests each subgraph answered, so fetches can be counted. */
async function requestsPerSubgraph(): Promise<Record<SubgraphName, number>> {
  const counts = {} as Record<SubgraphName, number>;
  for (const name of SUBGRAPH_NAMES) {
    const metric = await stack.subgraphs[name].metrics.requests.get();
    counts[name] = metric.values.reduce((sum, value) => sum + value.value, 0);
  }
  return counts;
}

/** Subgraph fetches and SQL statements one gateway request costs. */
async function costOf(query: string, variables: Record<string, unknown>) {
  const requestsBefore = await requestsPerSubgraph();
  const statementsBefore = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].dataSource.statements.count]));
  const data = await graphqlData(stack.gatewayUrl, query, variables);
  const requestsAfter = await requestsPerSubgraph();
  const fetches = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, requestsAfter[n] - requestsBefore[n]]));
  const statements = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].dataSource.statements.count - statementsBefore[n]]));
  return { data, fetches, statements };
}

describe("nodes(ids:)", () => {
  const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ${NODE_FIELDS} } }`;

  it("resolves a mixed list in the order asked, null where nothing has the id", async () => {
    const ids = [...samples.map((s) => s.id), MISSING, samples[0].id];
    const { nodes } = await graphqlData(stack.gatewayUrl, NODES, { ids });
    expect(nodes).toEqual([...samples.map(expected), null, expect.objectContaining({ id: samples[0].id })]);
  });

  it("costs a constant number of subgraph fetches and statements, however many ids of however many types", async () => {
    const one = await costOf(NODES, { ids: [samples[0].id] });
    const all = await costOf(NODES, { ids: samples.map((s) => s.id) });
    const more = await graphqlData(
      stack.gatewayUrl,
      `{ enterprises(first: 100) { nodes { id divisions { id } contacts { id } } } universities(first: 100) { nodes { id departments { id } people { id } } }
         programs(first: 100) { nodes { id parties { id } activities { id } } } }`,
    );
    const many = [
      ...more.enterprises.nodes.flatMap((e: any) => [e.id, ...e.divisions.map((d: any) => d.id), ...e.contacts.map((c: any) => c.id)]),
      ...more.universities.nodes.flatMap((u: any) => [u.id, ...u.departments.map((d: any) => d.id), ...u.people.map((p: any) => p.id)]),
      ...more.programs.nodes.flatMap((p: any) => [p.id, ...p.parties.map((x: any) => x.id), ...p.activities.map((a: any) => a.id)]),
    ];
    expect(many.length).toBeGreaterThan(50);
    const everything = await costOf(NODES, { ids: many });
    expect(everything.data.nodes.every((node: unknown) => node !== null)).toBe(true);
    console.log("fetches and statements per subgraph, 9 vs", many.length, "mixed ids:", all.fetches, everything.fetches, all.statements, everything.statements);

    // The programs subgraph is asked once by the gateway; it asks each other subgraph once; the gateway then
    // fetches each owner's objects in one more request per owner.
    // (A subgraph none of whose objects is asked for is asked the one lookup question only.)
    const owners = new Set(["enterprises", "universities"]);
    expect(all.fetches).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, name === "programs" ? 1 : owners.has(name) ? 2 : 1])));
    expect(everything.fetches).toEqual(all.fetches);
    expect(everything.statements).toEqual(all.statements);
    expect(one.fetches.programs).toBe(1);
  });

  it("refuses a list longer than a page and ids that are no UUIDs, naming the place", async () => {
    const tooMany = await graphql(stack.gatewayUrl, NODES, { ids: Array.from({ length: 1001 }, () => MISSING) });
    expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const bad = await graphql(stack.gatewayUrl, NODES, { ids: [samples[0].id, "x"] });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "ids[1]" } });
  });
});

describe("the gateway's cost estimate", () => {
  it("weighs nodes(ids:) by its number of ids, literal or variable", async () => {
    const gateway = await startExtraGateway(stack, { limits: { ...readGatewayLimits({}), maxCost: 50 } });
    try {
      const ids = (n: number) => Array.from({ length: n }, () => MISSING);
      const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Program { title } } }`;
      expect((await graphql(gateway.url, query, { ids: ids(10) })).errors).toBeUndefined();
      expect((await graphql(gateway.url, query, { ids: ids(30) })).errors?.[0].extensions?.code).toBe("QUERY_TOO_COSTLY");
      const literal = `{ nodes(ids: [${ids(30).map((id) => `"${id}"`).join(", ")}]) { id ... on Program { title } } }`;
      expect((await graphql(gateway.url, literal)).errors?.[0].extensions?.code).toBe("QUERY_TOO_COSTLY");
    } finally {
      await gateway.stop();
    }
  });
});
