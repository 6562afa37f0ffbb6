/**
 * The graph through the GraphQL clients partner systems and dashboards
 * actually use, at their defaults, against the running gateway: urql (which
 * sends queries as GET), Apollo Client with its normalising InMemoryCache
 * (which merges every object by `__typename` + `id`, so an id that two
 * different objects share, or fields that change with arguments on a type with
 * an id, show up as wrong answers read back from the cache), and
 * graphql-request. Each must also surface the graph's error codes.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql, type NormalizedCacheObject } from "@apollo/client/core";
import { relayStylePagination } from "@apollo/client/utilities";
import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { ClientError, GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, tokenFor } from "./support/auth";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

/** Every request a client makes, so a test can say how it was sent. */
function recordingFetch(): { fetch: typeof fetch; requests: { method: string; url: string }[] } {
  const requests: { method: string; url: string }[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push({ method: init?.method ?? "GET", url: String(input instanceof Request ? input.url : input) });
      return fetch(input, init);
    },
  };
}

describe("urql at its defaults", () => {
  it("queries over GET with no special header and gets the answer", async () => {
    const recorder = recordingFetch();
    const client = new Client({ url: stack.gatewayUrl, exchanges: [cacheExchange, fetchExchange], fetch: recorder.fetch });
    const result = await client.query(`query Plant($slug: String!) { enterprise(slug: $slug) { id name shortName } }`, { slug: "ammc" }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.enterprise).toMatchObject({ name: "Almalyk Mining and Metallurgical Complex", shortName: "AMMC" });
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0].method).toBe("GET");
    expect(recorder.requests[0].url).toContain("?query=");
  });

  it("sends mutations over POST and gets the graph's code back", async () => {
    const client = new Client({ url: stack.gatewayUrl, exchanges: [fetchExchange] });
    const result = await client.mutation(`mutation { archiveEnterprise(id: "0f6cc031-d2c6-55f5-9a11-e88acfe2575a", version: 1) { id } }`, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("surfaces extensions.code on a bad argument", async () => {
    const client = new Client({ url: stack.gatewayUrl, exchanges: [fetchExchange] });
    const result = await client.query(`{ programs(after: "not-a-cursor") { totalCount } }`, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Apollo Client with InMemoryCache", () => {
  function apollo(headers: Record<string, string> = {}): ApolloClient<NormalizedCacheObject> {
    return new ApolloClient({
      link: new HttpLink({ uri: stack.gatewayUrl, fetch, headers }),
      cache: new InMemoryCache({
        possibleTypes: {
          Institution: ["Enterprise", "University"],
          Node: ["Enterprise", "Division", "Contact", "University", "Department", "Person", "Program", "ProgramParty", "Activity"],
        },
        typePolicies: { Query: { fields: { programs: relayStylePagination(["filter"]) } } },
      }),
      defaultOptions: { query: { fetchPolicy: "network-only" } },
    });
  }

  const INSTITUTION = /* GraphQL */ `
    fragment InstitutionIdentity on Institution {
      __typename
      ... on Enterprise { id slug name countryCode }
      ... on University { id slug name countryCode }
    }
  `;

  const WALK = gql`
    query Walk {
      enterprise(slug: "ammc") {
        id
        name
        partners(type: UNIVERSITY) {
          programCount
          partner { ...InstitutionIdentity }
          programs {
            id
            slug
            kind
            parties {
              id
              role
              institutionId
              institution { ...InstitutionIdentity }
            }
          }
        }
      }
    }
    ${INSTITUTION}
  `;

  it("walks enterprise → partners → programs → parties → institutions and reads the same back from the cache", async () => {
    const client = apollo();
    const { data } = await client.query({ query: WALK });
    const direct = await graphqlData(stack.gatewayUrl, WALK.loc!.source.body);
    expect(withoutTypenames(data)).toEqual(withoutTypenames(direct));

    const cached = client.readQuery({ query: WALK });
    expect(cached).toEqual(data);
    // Every party names its institution by id; the cached institution is that one.
    for (const partnership of data.enterprise.partners) {
      for (const program of partnership.programs) {
        for (const party of program.parties) expect(party.institution.id).toBe(party.institutionId);
      }
    }
    // Each object with an id is one entry of one type.
    const byId = new Map<string, string>();
    for (const key of Object.keys(client.cache.extract())) {
      const [typename, id] = splitCacheKey(key);
      if (!id) continue;
      expect(byId.get(id) ?? typename, `id ${id} belongs to ${byId.get(id)} and ${typename}`).toBe(typename);
      byId.set(id, typename);
    }
    expect(byId.size).toBeGreaterThan(5);
  });

  it("pages through every program with relayStylePagination until the end", async () => {
    const client = apollo();
    const PAGE = gql`
      query ProgramPage($after: String) {
        programs(first: 2, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id slug title } }
        }
      }
    `;
    const query = client.watchQuery({ query: PAGE, fetchPolicy: "cache-first" });
    let result = await query.result();
    const totalCount = result.data.programs.totalCount;
    expect(totalCount).toBeGreaterThan(4);
    let pages = 1;
    while (result.data.programs.pageInfo.hasNextPage) {
      result = await query.fetchMore({ variables: { after: result.data.programs.pageInfo.endCursor } });
      pages++;
      expect(pages).toBeLessThanOrEqual(Math.ceil(totalCount / 2));
    }
    const merged = client.readQuery({ query: PAGE })!.programs;
    expect(merged.edges).toHaveLength(totalCount);
    expect(new Set(merged.edges.map((edge: any) => edge.node.id)).size).toBe(totalCount);
    expect(merged.pageInfo.hasNextPage).toBe(false);

    const everything = await graphqlData(stack.gatewayUrl, `{ programs(first: 1000) { nodes { slug } } }`);
    expect(merged.edges.map((edge: any) => edge.node.slug)).toEqual(everything.programs.nodes.map((node: any) => node.slug));
  });

  it("keeps the unfiltered network as it was after a filtered one is fetched", async () => {
    const client = apollo();
    const NETWORK = gql`
      query Network($filter: ProgramFilter) {
        cooperationNetwork(filter: $filter) {
          programCount
          nodes { institutionId programCount partnerCount institutionType institution { ...InstitutionIdentity } }
          edges { sourceId targetId weight }
        }
      }
      ${INSTITUTION}
    `;
    const unfiltered = (await client.query({ query: NETWORK })).data;
    const ammc = (data: any) => data.cooperationNetwork.nodes.find((node: any) => node.institution.slug === "ammc");
    expect(ammc(unfiltered).programCount).toBe(3);

    const filtered = (await client.query({ query: NETWORK, variables: { filter: { kinds: ["BRANCH_DEPARTMENT"] } } })).data;
    expect(ammc(filtered).programCount).toBe(2);
    expect(filtered.cooperationNetwork.programCount).toBeLessThan(unfiltered.cooperationNetwork.programCount);

    expect(client.readQuery({ query: NETWORK })).toEqual(unfiltered);
    expect(ammc(client.readQuery({ query: NETWORK }))).toMatchObject({ programCount: 3 });
  });

  it("refetches an object of the walk with node(id:) into the same cache entry", async () => {
    const client = apollo();
    const { data } = await client.query({ query: WALK });
    const program = data.enterprise.partners[0].programs[0];
    const REFETCH = gql`
      query Refetch($id: ID!) { node(id: $id) { id ... on Program { slug title parties { id role } } } }
    `;
    const { data: refetched } = await client.query({ query: REFETCH, variables: { id: program.id } });
    expect(refetched.node).toMatchObject({ __typename: "Program", id: program.id, slug: program.slug });
    // One entry, now holding the fields of both queries, and the walk still reads back whole.
    expect(client.cache.extract()[`Program:${program.id}`]).toMatchObject({ slug: program.slug, title: refetched.node.title, kind: program.kind });
    expect(client.readQuery({ query: WALK })).toEqual(data);
  });

  it("keeps the changes of two subgraphs' feeds apart, though their numbers repeat", async () => {
    const admin = bearer(await tokenFor(stack, "admin"));
    const since = new Date(Date.now() - 1000).toISOString();
    const { enterprise, program } = await graphqlData(stack.gatewayUrl, `{ enterprise(slug: "ammc") { id version } program(slug: "tashstu-almalyk-departments-at-ammc-engineering-school") { id version } }`);
    await graphqlData(stack.gatewayUrl, `mutation($id: ID!, $version: Int!) { updateEnterprise(id: $id, version: $version, input: { website: "https://www.agmk.uz" }) { version } }`, enterprise, admin);
    await graphqlData(stack.gatewayUrl, `mutation($id: ID!, $version: Int!) { updateProgram(id: $id, version: $version, input: { description: "Real-client test" }) { version } }`, program, admin);

    const client = apollo(admin);
    const FEED = (field: string) => gql`
      query Feed($since: DateTime!) { ${field}(since: $since, first: 100) { nodes { logNumber entityType entityId action changedFields } } }
    `;
    const enterprises = (await client.query({ query: FEED("enterpriseChanges"), variables: { since } })).data.enterpriseChanges.nodes;
    const programs = (await client.query({ query: FEED("programChanges"), variables: { since } })).data.programChanges.nodes;
    expect(enterprises.map((change: any) => change.entityType)).toEqual(["Enterprise"]);
    expect(programs.map((change: any) => change.entityType)).toContain("Program");
    // The same numbers in both logs: as ids they would have been one cache entry.
    const numbers = new Set(enterprises.map((change: any) => change.logNumber));
    expect(programs.some((change: any) => numbers.has(change.logNumber))).toBe(true);
    expect(client.readQuery({ query: FEED("enterpriseChanges"), variables: { since } })!.enterpriseChanges.nodes).toEqual(enterprises);
  });

  it("surfaces extensions.code on a bad argument", async () => {
    const client = apollo();
    const outcome = await client.query({ query: gql`{ programs(after: "not-a-cursor") { totalCount } }`, errorPolicy: "all" });
    expect(outcome.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await expect(client.query({ query: gql`{ enterprise(id: "x", slug: "ammc") { id } }` })).rejects.toMatchObject({
      graphQLErrors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })],
    });
  });
});

describe("graphql-request", () => {
  it("asks with variables and gets the answer", async () => {
    const client = new GraphQLClient(stack.gatewayUrl);
    const data = await client.request<any>(`query University($slug: String!) { university(slug: $slug) { id name partners { partner { ... on Enterprise { id shortName } } } } }`, {
      slug: "stupino-technical-school",
    });
    expect(data.university.partners.map((p: any) => p.partner.shortName).sort()).toEqual(["CMK", "SMPP"]);
  });

  it("surfaces extensions.code on a bad argument", async () => {
    const client = new GraphQLClient(stack.gatewayUrl);
    const error = await client.request(`{ programs(after: "not-a-cursor") { totalCount } }`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

/** Apollo's cache keys are `Type:id` (or `ROOT_QUERY`). */
function splitCacheKey(key: string): [string, string | undefined] {
  const colon = key.indexOf(":");
  return colon < 0 ? [key, undefined] : [key.slice(0, colon), key.slice(colon + 1)];
}

/** Apollo adds `__typename` to every selection; compare the rest as the server sent it. */
function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "__typename").map(([key, item]) => [key, withoutTypenames(item)]));
  }
  return value;
}
