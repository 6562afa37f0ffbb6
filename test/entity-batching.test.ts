/**
 * The gateway merges the entity fetches one client request sends to a
 * subgraph at the same moment (gateway/entity-batching.ts): each
 * representation travels once, and every fetch still gets exactly the
 * entities and errors it would have got alone, in its own order.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../shared/auth/principal";
import { createLogger } from "../shared/logger";
import { subgraphHeadersSignedWith, type GatewayContext } from "../gateway/context";
import { HttpSubgraphDataSource } from "../gateway/data-sources";
import { EntityBatchingDataSource } from "../gateway/entity-batching";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
type Response = Awaited<ReturnType<GraphQLDataSource["process"]>>;

let stack: TestStack;
let subgraph: HttpSubgraphDataSource;
let ids: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
  subgraph = new HttpSubgraphDataSource("enterprises", stack.subgraphUrls.enterprises, 10_000, subgraphHeadersSignedWith(stack.internalSecret));
  const data = await graphqlData(stack.gatewayUrl, `{ enterprises(first: 100) { nodes { id slug } } }`);
  ids = Object.fromEntries(data.enterprises.nodes.map((e: { id: string; slug: string }) => [e.slug, e.id]));
});
afterAll(() => stack?.stop());

/** Passes fetches on to the real subgraph and remembers the representations of each. */
class Recorder implements GraphQLDataSource<GatewayContext> {
  sent: unknown[][] = [];
  process(options: Options): Promise<Response> {
    this.sent.push(options.request.variables?.representations as unknown[]);
    return subgraph.process(options);
  }
}

const context = (): GatewayContext => ({ requestId: "entity-batching-test", logger: createLogger("test", "silent"), principal: ANONYMOUS });

/** An entity fetch like the query planner writes; anonymous callers may not read contacts' phones, so some entities carry errors. */
function entityFetch(request: GatewayContext, slugs: string[], selection = "slug contacts { name phone }", operationName = "Plan__enterprises__1"): Options {
  return {
    kind: "incoming operation",
    request: {
      query: `query ${operationName}($representations:[_Any!]!){_entities(representations:$representations){...on Enterprise{${selection}}}}`,
      variables: { representations: slugs.map((slug) => ({ __typename: "Enterprise", id: ids[slug] ?? "00000000-0000-4000-8000-000000000000" })) },
      operationName,
    },
    context: request,
    incomingRequestContext: {} as never,
  } as Options;
}

/** What a fetch's caller sees: the entities, and each error's path and code. */
function seen(response: Response) {
  return { data: response.data, errors: response.errors?.map((e) => ({ path: e.path, code: e.extensions?.code })) };
}

describe("entity fetches of one request", () => {
  it("go to the subgraph once, each representation once, and each fetch gets what it would have got alone", async () => {
    const fetches = [["ammc", "stupino-metallurgical-company"], ["stupino-metallurgical-company", "missing", "ammc"], ["ammc", "ammc"]];
    const alone = [];
    for (const slugs of fetches) alone.push(seen(await subgraph.process(entityFetch(context(), slugs))));
    expect(alone[1].errors?.length).toBeGreaterThan(0);

    const recorder = new Recorder();
    const batching = new EntityBatchingDataSource(recorder);
    const request = context();
    const answers = await Promise.all(fetches.map((slugs, i) => batching.process(entityFetch(request, slugs, undefined, `Plan__enterprises__${i + 1}`))));

    expect(recorder.sent).toHaveLength(1);
    expect(recorder.sent[0]).toHaveLength(3);
    expect(answers.map(seen)).toEqual(alone);
    // Duplicates are separate objects: the gateway merges later fetches into each of them.
    const [first, second] = (answers[2].data as { _entities: object[] })._entities;
    expect(first).not.toBe(second);
  });

  it("stay apart when their selections differ, or when they belong to different requests", async () => {
    const recorder = new Recorder();
    const batching = new EntityBatchingDataSource(recorder);
    const request = context();
    await Promise.all([
      batching.process(entityFetch(request, ["ammc"])),
      batching.process(entityFetch(request, ["ammc"], "name")),
      batching.process(entityFetch(context(), ["ammc"])),
    ]);
    expect(recorder.sent).toHaveLength(3);
  });
});

it("the cooperation network asks each subgraph once, though its nodes and both ends of its edges are entities", async () => {
  const fetches = async (subgraphName: string) => {
    const text = await (await fetch(stack.gatewayUrl.replace("/graphql", "/metrics"))).text();
    const line = text
      .split("\n")
      .find((l) => l.startsWith("partnergraph_subgraph_fetch_duration_seconds_count{") && l.includes(`subgraph="${subgraphName}"`) && l.includes(`outcome="ok"`));
    return Number(line?.split(" ").at(-1) ?? 0);
  };
  const name = `... on Enterprise { name } ... on University { name }`;
  const before = { enterprises: await fetches("enterprises"), universities: await fetches("universities") };
  const data = await graphqlData(stack.gatewayUrl, `{ cooperationNetwork { nodes { institution { ${name} } } edges { source { ${name} } target { ${name} } } } }`);
  expect(data.cooperationNetwork.edges.length).toBeGreaterThan(0);
  expect(await fetches("enterprises")).toBe(before.enterprises + 1);
  expect(await fetches("universities")).toBe(before.universities + 1);
});
