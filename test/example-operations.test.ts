/**
 * The operations people copy from us (GraphiQL's examples, README's queries)
 * select `id` wherever the type has one, so that a client with a normalising
 * cache (Apollo Client, urql's graphcache, Relay) that starts from them keeps
 * one entry per object and can refetch it with `node(id:)`; and README's
 * example answers what README says it answers.
 */
import fs from "node:fs";
import {
  Kind,
  TypeInfo,
  getNamedType,
  isObjectType,
  parse,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
  validate,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApiSchema } from "../gateway/composition";
import { loadExamples } from "../gateway/graphiql/examples";
import { graphql } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await composeApiSchema();
});

const README = fs.readFileSync("README.md", "utf8");
const EXAMPLE_SECTION = README.slice(README.indexOf("## Example"), README.indexOf("## Exploring the graph"));

/**
 * Where a selection on a type with a (current) `id` field leaves it out, as
 * `Type at line:column`. An inline fragment inside a selection that has the id
 * (`node(id:) { id ... on Program { title } }`) has it too.
 */
function selectionsWithoutId(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  const hasId: boolean[] = [];
  const selectsId = (node: SelectionSetNode) =>
    node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === "id" && !selection.alias);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        enter(node, _key, parent) {
          const inherited = isInlineFragment(parent) && hasId.at(-1) === true;
          hasId.push(inherited || selectsId(node));
          const type = getNamedType(typeInfo.getParentType());
          const id = isObjectType(type) ? type.getFields().id : undefined;
          if (id && !id.deprecationReason && !hasId.at(-1)) missing.push(`${type!.name} at ${node.loc?.startToken.line}:${node.loc?.startToken.column}`);
        },
        leave() {
          hasId.pop();
        },
      },
    }),
  );
  return missing;
}

function isInlineFragment(node: unknown): node is InlineFragmentNode {
  return (node as InlineFragmentNode | undefined)?.kind === Kind.INLINE_FRAGMENT;
}

/** README's example queries: the one in the curl command and the ones under "More to try". */
function readmeQueries(): string[] {
  const curl = /"query":\s*"((?:[^"\\]|\\.)*)"/.exec(EXAMPLE_SECTION)![1];
  const moreToTry = EXAMPLE_SECTION.slice(EXAMPLE_SECTION.indexOf("More to try")).match(/`((?:university|programs|enterprise|nodes)\([^`]*\{[^`]*)`[,.]/g) ?? [];
  return [JSON.parse(`"${curl}"`) as string, ...moreToTry.map((snippet) => `{ ${snippet.slice(1, -2)} }`)];
}

describe("selecting ids", () => {
  it("finds a selection that leaves out an id", () => {
    expect(selectionsWithoutId(schema, parse(`{ enterprise(slug: "ammc") { id divisions { name } } }`))).toEqual(["Division at 1:43"]);
    expect(selectionsWithoutId(schema, parse(`{ cooperationNetwork { nodes { institutionId } } }`))).toEqual([]);
    expect(selectionsWithoutId(schema, parse(`{ node(id: "x") { id ... on Program { title parties { role } } } }`))).toEqual(["ProgramParty at 1:53"]);
  });

  it.each(loadExamples().map((example) => [example.file, example.query] as const))("GraphiQL's %s selects every id", (_file, query) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    expect(selectionsWithoutId(schema, parse(query))).toEqual([]);
  });

  it("README's examples select every id", () => {
    const queries = readmeQueries();
    expect(queries).toHaveLength(4);
    for (const query of queries) expect(selectionsWithoutId(schema, parse(query)), query).toEqual([]);
  });
});

describe("README's example against the article data", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it("answers exactly the JSON README shows", async () => {
    const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(EXAMPLE_SECTION)![1]);
    const { status, ...answer } = await graphql(stack.gatewayUrl, readmeQueries()[0]);
    expect(status).toBe(200);
    expect(answer).toEqual(shown);
  });

  it("answers the queries under More to try without errors", async () => {
    for (const query of readmeQueries().slice(1)) {
      const answer = await graphql(stack.gatewayUrl, query);
      expect(answer.errors, query).toBeUndefined();
      expect(Object.values(answer.data ?? {}).every((value) => value !== null), query).toBe(true);
    }
  });
});
