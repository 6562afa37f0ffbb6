/**
 * Hostile input, through the real gateway over HTTP (and to the subgraphs
 * directly where that matters): malformed and cross-site requests, hostile
 * documents, every argument and input field of the schema with values it must
 * refuse, forged credentials. Every case gets a 4xx or a GraphQL error with a
 * client code, never a 500, a fault code or anything internal; the refused
 * ones leave every table exactly as it was. Then the odd but legitimate text
 * (SQL, markup, right-to-left, emoji) is written into every free-text field,
 * read back unchanged, and found by search.
 */
import { GraphQLError, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureOperation } from "../gateway/limits/measure";
import { formatError } from "../shared/graphql/errors";
import { decodeCursor } from "../shared/graphql/pagination";
import { text } from "../shared/records/validation";
import { readGatewayLimits, SUBGRAPH_NAMES, type SubgraphName } from "../shared/config";
import { composeApiSchema } from "../gateway/composition";
import { bearer, tokenFor } from "./support/auth";
import { signedFor, type RequestHeaders } from "./support/graphql";
import { AUTH_CASES } from "./support/hostile/auth-cases";
import { askWith, baselineArgs, createFixture, validElement, withValue } from "./support/hostile/baselines";
import type { HostileCase, SuiteContext } from "./support/hostile/cases";
import { tableChecksums } from "./support/hostile/checksum";
import { DOCUMENT_CASES } from "./support/hostile/document-cases";
import { fieldNamed, hostileValuesFor, kindOf, OVERSIZED_LIST_LENGTH, ECHOABLE_STRINGS } from "./support/hostile/hostile-values";
import { PROTOCOL_CASES } from "./support/hostile/protocol-cases";
import { SUBGRAPH_CASES } from "./support/hostile/subgraph-cases";
import { LEAKS, expectReplies, expectReply, postJson, refused } from "./support/hostile/reply";
import { documentFor, inputsOf, pathText, rootFields, type InputLeaf, type RootField } from "./support/hostile/schema-inputs";
import { READ_BACK_TEXTS, readBackCases, runAll, searchCases } from "./support/hostile/written-text";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

const schema = await composeApiSchema();
const ROOTS = rootFields(schema);
const INPUTS = ROOTS.map(inputsOf);
const LEAVES = INPUTS.flatMap((inputs) => inputs.leaves);
const LISTS = INPUTS.flatMap((inputs) => inputs.lists);

let stack: TestStack;
let localGateway: Awaited<ReturnType<typeof startExtraGateway>>;
let context: SuiteContext & { localGatewayUrl: string; subgraphOf(root: RootField): SubgraphName; ownerUrl(root: RootField): string };
let tablesBefore: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RATE_LIMIT_PER_MINUTE: "0", WEBHOOK_DELIVERY: "off" });
  // The same subgraphs called in process, as `npm start` does: the answers must not depend on the transport.
  localGateway = await startExtraGateway(stack, { inProcess: stack.subgraphs, limits: { ...readGatewayLimits({}), rateLimit: { perMinute: 0, burst: 0 } } });
  const admin = bearer(await tokenFor(stack, "admin"));
  const fixture = await createFixture(askWith(stack.gatewayUrl, admin), schema, ROOTS);
  const owners = Object.fromEntries(
    ROOTS.map((root) => {
      const owner = SUBGRAPH_NAMES.find((name) => (root.operation === "query" ? stack.subgraphs[name].schema.getQueryType() : stack.subgraphs[name].schema.getMutationType())?.getFields()[root.name]);
      return [`${root.operation}.${root.name}`, owner as SubgraphName];
    }),
  );
  context = {
    gatewayUrl: stack.gatewayUrl,
    localGatewayUrl: localGateway.url,
    subgraphUrls: stack.subgraphUrls,
    internalSecret: stack.internalSecret,
    auth: stack.auth,
    admin,
    fixture,
    subgraphOf: (root) => owners[`${root.operation}.${root.name}`],
    ownerUrl: (root) => stack.subgraphUrls[owners[`${root.operation}.${root.name}`]],
  };
  tablesBefore = await tableChecksums(stack.database.url);
});
afterAll(async () => {
  await localGateway?.stop();
  await stack?.stop();
});

/** The graph answers a real query on both transports, and every service says it is ready. */
async function expectStillServing(): Promise<void> {
  for (const url of [context.gatewayUrl, context.localGatewayUrl]) {
    const reply = await postJson(url, { query: `{ enterprise(slug: "ammc") { name programs { totalCount } } }` });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body?.data?.enterprise).toMatchObject({ name: "Almalyk Mining and Metallurgical Complex" });
  }
  for (const url of [context.gatewayUrl, ...Object.values(context.subgraphUrls)]) {
    expect((await fetch(url.replace("/graphql", "/ready"))).status).toBe(200);
  }
}

function runCases(cases: HostileCase[]): void {
  describe.concurrent("cases", () => {
    it.each(cases)("$name", async (hostile) => expectReply(await hostile.send(context), hostile.expect));
  });
  it("leaves the graph serving", expectStillServing);
}

type Leaf = { root: RootField; path: (string | number)[]; containers: InputLeaf["containers"]; list?: boolean };

const leafName = (leaf: Leaf) => `${leaf.root.name}(${pathText(leaf.path)})`;

/** `value` in one argument or input field, all else valid. */
function sendValue(url: string, headers: RequestHeaders, leaf: Leaf, value: unknown) {
  const args = withValue(baselineArgs(leaf.root, context.fixture), leaf.path, leaf.containers, leaf.list ? [value] : value, context.fixture);
  const body = { query: documentFor(leaf.root), variables: args };
  return postJson(url, body, typeof headers === "function" ? headers(body) : headers);
}

/** One test per input: every hostile value for it, sent at once. */
function runValueCases(leaves: InputLeaf[], url: () => string): void {
  describe.concurrent("cases", () => {
    it.each(leaves.map((leaf) => ({ name: leafName(leaf), leaf, values: hostileValuesFor(leaf) })))("$name", ({ leaf, values }) =>
      expectReplies(values.map(({ label, value, expect }) => ({ label, expect, send: () => sendValue(url(), context.admin, leaf, value) }))),
    );
  });
}

const QUERY_LEAVES = LEAVES.filter((leaf) => leaf.root.operation === "query");
const MUTATION_LEAVES = LEAVES.filter((leaf) => leaf.root.operation === "mutation");

describe("the suite's own tables", () => {
  it("know every input of the schema", () => {
    for (const leaf of LEAVES) expect(kindOf(leaf)).toBeTruthy();
    expect(LEAVES.length).toBeGreaterThan(150);
  });

  it("use hostile strings that do not look like a leak when a server echoes them", () => {
    for (const text of ECHOABLE_STRINGS) for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });
});

describe("the defects this suite found, one by one", () => {
  it("a fragment bomb is measured in one walk per fragment, aliases inside fragments and introspection counted", () => {
    const bomb = parse(`query { ...F0 } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ")} fragment F40 on Query { a: __typename }`);
    const [operation, ...fragments] = bomb.definitions as [OperationDefinitionNode, ...FragmentDefinitionNode[]];
    const measured = measureOperation(operation, Object.fromEntries(fragments.map((f) => [f.name.value, f])), schema);
    expect(measured).toMatchObject({ cost: 2 ** 40, aliases: 2 ** 40, depth: 1 });
    const introspection = parse(`{ a: __schema { queryType { name } } b: __type(name: "Query") { name } }`).definitions[0] as OperationDefinitionNode;
    expect(measureOperation(introspection, {}, schema).aliases).toBe(2);
  });

  it("Apollo's own 4xx refusals without a code are BAD_REQUEST with their message, not a masked internal error", () => {
    const error = new GraphQLError("provided sha does not match query", { extensions: { http: { status: 400 } } });
    expect(formatError({ message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, error)).toEqual({
      message: "provided sha does not match query",
      extensions: { code: "BAD_REQUEST" },
    });
  });

  it("text with half a surrogate pair is refused; whole pairs (emoji) are text", () => {
    expect(text(100)("a\ud800b")).toMatch(/well-formed Unicode/);
    expect(text(100)("a\udc00")).toMatch(/well-formed Unicode/);
    expect(text(100)("🎓 👩🏽‍🔬")).toBeNull();
  });

  it("a cursor holding a NUL is not a cursor", () => {
    expect(() => decodeCursor(Buffer.from(JSON.stringify(["a\u0000", "b"])).toString("base64url"), 2)).toThrow(/not a cursor/);
  });
});

describe("protocol and HTTP", () => runCases(PROTOCOL_CASES));

describe("documents and complexity", () => runCases(DOCUMENT_CASES));

describe("every query argument, through the gateway over HTTP", () => {
  runValueCases(QUERY_LEAVES, () => context.gatewayUrl);
  it("leaves the graph serving", expectStillServing);
});

describe("every query argument, through the gateway calling the subgraphs in process", () => {
  runValueCases(QUERY_LEAVES, () => context.localGatewayUrl);
});

describe("every mutation input, as an administrator", () => {
  runValueCases(MUTATION_LEAVES, () => context.gatewayUrl);
  it("leaves the graph serving", expectStillServing);
});

describe("every list argument and input, 1 001 items long", () => {
  describe.concurrent("cases", () => {
    it.each(LISTS.map((list) => ({ name: leafName(list), list })))("$name", async ({ list }) => {
      const element = validElement(list.name, list.element, context.fixture, list.containers.at(-1)?.typeName);
      const field = list.path.length > 1 ? pathText(list.path.slice(1)) : String(list.path[0]);
      expectReply(await sendValue(context.gatewayUrl, context.admin, list, Array(OVERSIZED_LIST_LENGTH).fill(element)), refused("BAD_USER_INPUT", { field }));
    });
  });
});

describe("every text and id input, sent with a NUL straight to its subgraph", () => {
  const leaves = LEAVES.filter((leaf) => ["free text", "search text", "code", "cursor", "id"].includes(kindOf(leaf)));
  describe.concurrent("cases", () => {
    it.each(leaves.map((leaf) => ({ name: leafName(leaf), leaf })))("$name", async ({ leaf }) => {
      const headers = signedFor(context.internalSecret, context.subgraphOf(leaf.root), { role: "admin", subject: "hostile-suite" });
      const value = kindOf(leaf) === "id" ? "00000000-0000-0000-0000-000000000000\u0000" : "a\u0000b";
      expectReply(await sendValue(context.ownerUrl(leaf.root), headers, leaf, value), refused("BAD_USER_INPUT", { field: fieldNamed(leaf) }));
    });
  });
});

describe("forged credentials", () => runCases(AUTH_CASES));

describe("subgraphs called with a valid signature but malformed requests", () => runCases(SUBGRAPH_CASES));

describe("after every refused request", () => {
  it("every table is exactly as it was", async () => {
    const tablesAfter = await tableChecksums(stack.database.url);
    expect(Object.keys(tablesAfter).length).toBeGreaterThan(10);
    expect(tablesAfter).toEqual(tablesBefore);
  });
});

describe("odd but legitimate text in every free-text field", () => {
  const writes = readBackCases(ROOTS, LEAVES);
  it.each(READ_BACK_TEXTS)(`$label: written by ${writes.length} mutations into every free-text field, read back unchanged, found by search`, async ({ text }) => {
    await runAll(writes, context, text);
    await runAll(searchCases(), context, text);
  });
  it("leaves the graph serving", expectStillServing);
});
