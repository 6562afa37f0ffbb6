/**
 * Every lookup goes through a per-request DataLoader: the number of SQL
 * statements each subgraph runs for a query does not grow with the number of
 * items. A page of 1,000 programs with their parties' names, units and
 * activities costs what a page of 10 costs; so does a network of 1,000 edges.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, type SubgraphName } from "../shared/config";
import { generateEnterprises, generatePrograms, generateUniversities } from "../bench/synthetic/generate";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
const SIZE = { enterprises: 60, universities: 140, programs: 1_500 };

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
  await generateEnterprises(stack.subgraphs.enterprises.dataSource, SIZE);
  await generateUniversities(stack.subgraphs.universities.dataSource, SIZE);
  await generatePrograms(stack.subgraphs.programs.dataSource, SIZE);
}, 120_000);
afterAll(() => stack?.stop());

/** Runs the query and returns how many statements each subgraph executed for it. */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ counts: Record<SubgraphName, number>; data: any }> {
  const before = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].dataSource.statements.count]));
  const data = await graphqlData(stack.gatewayUrl, query, variables);
  const counts = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.subgraphs[n].dataSource.statements.count - before[n]])) as Record<SubgraphName, number>;
  return { counts, data };
}

/**
 * Equal counts prove nothing if the counter stopped counting (0 = 0): each
 * subgraph the query needs must have run at least the statements it cannot do
 * without (one per table it reads from, at the least).
 */
function expectCounted(counts: Record<SubgraphName, number>, minimum: Record<SubgraphName, number>) {
  for (const name of SUBGRAPH_NAMES) expect(counts[name], `statements counted in ${name}`).toBeGreaterThanOrEqual(Math.max(1, minimum[name]));
}

const PROGRAMS_PAGE = /* GraphQL */ `
  query Page($first: Int!) {
    # Synthetic programs only, so that both pages hold the same kinds of records.
    programs(first: $first, filter: { text: "synthetic cooperation" }) {
      totalCount
      nodes {
        slug title signedOn
        directions { direction }
        activities { kind plannedParticipants host { ... on Enterprise { name } } }
        parties {
          role institutionCountryCode
          institution { ... on Enterprise { name names { value } country { name } } ... on University { name names { value lang } } }
          division { name enterprise { shortName } }
          department { name university { shortName } }
        }
      }
    }
  }
`;

const NETWORK = /* GraphQL */ `
  query Network($maxEdges: Int!) {
    cooperationNetwork(maxEdges: $maxEdges) {
      edgeCount
      nodes { programCount institution { ... on Enterprise { name } ... on University { name } } }
      edges { weight byKind { kind count } source { ... on Enterprise { name } ... on University { name } } target { ... on Enterprise { name } ... on University { name } } }
    }
  }
`;

const INSTITUTIONS = /* GraphQL */ `
  query Institutions($first: Int!) {
    universities(first: $first, filter: { text: "synthetic" }) {
      nodes {
        name names { value } departments { name } branches { name }
        programs(first: 3) { totalCount nodes { title parties { institution { ... on Enterprise { name } } } } }
        partners { programCount partner { ... on Enterprise { name divisions { name } } } }
      }
    }
  }
`;

describe("statements per request do not grow with the page", () => {
  it("for 1,000 programs with their parties' names, units and activities, the same as for 10", async () => {
    const small = await statementsFor(PROGRAMS_PAGE, { first: 10 });
    const large = await statementsFor(PROGRAMS_PAGE, { first: 1000 });
    expect(small.data.programs.nodes).toHaveLength(10);
    expect(large.data.programs.nodes).toHaveLength(1000);
    expect(large.data.programs.nodes.every((p: any) => p.parties.length >= 2 && p.parties.every((x: any) => x.institution.name))).toBe(true);
    expect(large.data.programs.nodes.some((p: any) => p.parties.some((x: any) => x.division?.enterprise.shortName))).toBe(true);
    console.log("statements per subgraph, 10 vs 1,000 programs:", small.counts, large.counts);
    expectCounted(small.counts, { enterprises: 2, universities: 2, programs: 2 }); // institutions and their units; programs and their activities
    expect(large.counts).toEqual(small.counts);
    expect(Math.max(...Object.values(large.counts))).toBeLessThanOrEqual(10);
  });

  it("for a network of 1,000 edges, the same as for 10", async () => {
    const small = await statementsFor(NETWORK, { maxEdges: 10 });
    const large = await statementsFor(NETWORK, { maxEdges: 1000 });
    expect(small.data.cooperationNetwork.edges).toHaveLength(10);
    expect(large.data.cooperationNetwork.edges).toHaveLength(1000);
    console.log("statements per subgraph, network of 10 vs 1,000 edges:", small.counts, large.counts);
    expectCounted(small.counts, { enterprises: 1, universities: 1, programs: 1 }); // the edges; each side's institutions
    expect(large.counts).toEqual(small.counts);
  });

  it("for 100 universities with their programs, partners and partners' divisions, the same as for 5", async () => {
    const small = await statementsFor(INSTITUTIONS, { first: 5 });
    const large = await statementsFor(INSTITUTIONS, { first: 100 });
    expect(large.data.universities.nodes).toHaveLength(100);
    console.log("statements per subgraph, 5 vs 100 universities:", small.counts, large.counts);
    expectCounted(small.counts, { enterprises: 2, universities: 2, programs: 1 }); // partners and their divisions; universities and their departments; their programs
    expect(large.counts).toEqual(small.counts);
  });
});
