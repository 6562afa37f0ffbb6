/**
 * Cross-subgraph queries through the gateway, on both topologies: subgraphs
 * called in process (`npm start`'s default) and over HTTP. Same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../shared/config";
import { graphql, graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

const WALK = /* GraphQL */ `
  query Walk {
    enterprise(slug: "ammc") {
      name
      shortName
      programs(first: 10) {
        totalCount
        nodes {
          slug
          kind
          parties {
            role
            university { slug name kind parent { slug } }
            division { name }
            department { name }
          }
        }
      }
      partners(type: UNIVERSITY) {
        programCount
        partner { ... on University { slug name } }
        programs { slug }
      }
    }
  }
`;

describe.each(["local", "http"])("gateway with subgraphs called %s", (transport) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ SUBGRAPH_TRANSPORT: transport });
  });
  afterAll(() => stack?.stop());

  it("walks enterprise → programs → partner universities across all three subgraphs", async () => {
    const { enterprise } = await graphqlData(stack.gatewayUrl, WALK);
    expect(enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    expect(enterprise.programs.totalCount).toBe(3);
    const departments = enterprise.programs.nodes.find((p: any) => p.slug === "tashstu-almalyk-departments-at-ammc-engineering-school");
    expect(departments.kind).toBe("BRANCH_DEPARTMENT");
    const branch = departments.parties.find((p: any) => p.university);
    expect(branch.university).toMatchObject({ slug: "tashstu-almalyk", kind: "BRANCH", parent: { slug: "tashstu" } });
    expect(departments.parties.map((p: any) => p.department?.name).filter(Boolean).sort()).toEqual([
      "Mechanical Engineering Technology",
      "Technological Machines and Equipment",
    ]);
    expect(departments.parties.find((p: any) => p.role === "HOST").division.name).toBe("AMMC Engineering School");

    const partnerSlugs = enterprise.partners.map((p: any) => p.partner.slug).sort();
    expect(partnerSlugs).toEqual([
      "mongolian-state-university",
      "osh-technological-university",
      "tashstu-almalyk",
      "university-of-geological-sciences",
    ]);
    const ugs = enterprise.partners.find((p: any) => p.partner.slug === "university-of-geological-sciences");
    expect(ugs.programCount).toBe(2);
  });

  it("walks back from a university to its partner enterprises", async () => {
    const { university } = await graphqlData(
      stack.gatewayUrl,
      `{ university(slug: "stupino-technical-school") {
           name
           partners { partner { __typename ... on Enterprise { slug shortName } } programs { title signedOn parties { signatoryName signatoryPosition } } }
         } }`,
    );
    expect(university.partners.map((p: any) => p.partner.shortName).sort()).toEqual(["CMK", "SMPP"]);
    const agreement = university.partners[0].programs[0];
    expect(agreement.signedOn).toBe("2024-04-10");
    expect(agreement.parties.map((p: any) => p.signatoryName).sort()).toEqual(["Andrey Zavrazhnov", "Vadim Nazarenko", "Viktor Datsky"]);
  });

  it("pages through a list with cursors and counts the whole list", async () => {
    const first = await graphqlData(stack.gatewayUrl, `{ universities(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } } }`);
    expect(first.universities.totalCount).toBe(10);
    expect(first.universities.nodes).toHaveLength(4);
    const seen = first.universities.nodes.map((n: any) => n.slug);
    let cursor = first.universities.pageInfo.endCursor;
    for (let page = 0; page < 5 && cursor; page++) {
      const next = await graphqlData(stack.gatewayUrl, `query($after: String) { universities(first: 4, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug } } }`, { after: cursor });
      seen.push(...next.universities.nodes.map((n: any) => n.slug));
      cursor = next.universities.pageInfo.hasNextPage ? next.universities.pageInfo.endCursor : null;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it("answers bad input with a coded error and keeps serving", async () => {
    const both = await graphql(stack.gatewayUrl, `{ enterprise(id: "x", slug: "ammc") { name } }`);
    expect(both.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const badCursor = await graphql(stack.gatewayUrl, `{ programs(after: "not-a-cursor") { totalCount } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    // The gateway refuses an oversized page itself (QUERY_MAX_LIST_SIZE), before any subgraph works on it.
    const tooMany = await graphql(stack.gatewayUrl, `{ programs(first: 100000) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe("LIST_TOO_LARGE");
    for (const error of [...both.errors!, ...badCursor.errors!, ...tooMany.errors!]) {
      expect(JSON.stringify(error)).not.toMatch(/stack|at .*\.ts|127\.0\.0\.1|localhost/);
    }
    const missing = await graphqlData(stack.gatewayUrl, `{ enterprise(slug: "no-such-enterprise") { name } }`);
    expect(missing.enterprise).toBeNull();
    const still = await graphqlData(stack.gatewayUrl, `{ enterprise(slug: "ammc") { shortName } }`);
    expect(still.enterprise.shortName).toBe("AMMC");
  });

  it("reports readiness of every subgraph", async () => {
    const ready = await fetch(stack.gatewayUrl.replace("/graphql", "/ready"));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).checks).toEqual(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, "ok"])));
  });
});
