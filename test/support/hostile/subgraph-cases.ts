/**
 * Requests straight to a subgraph that carry a valid signed identity, as only
 * the gateway (or a peer subgraph) can send them, but malformed: bodies that
 * are not GraphQL requests, and `_entities` lookups with representations the
 * gateway would never send.
 */
import { signIdentity } from "../../../shared/auth/internal-identity";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../../shared/config";
import { subgraphEntry } from "../../../shared/subgraph/registry";
import type { HostileCase, SuiteContext } from "./cases";
import { answered, postJson, refused, send, type Expectation } from "./reply";

/** A valid identity for this body to this subgraph, as the gateway would sign it (a body that is no JSON object binds to an empty request). */
function signed(c: SuiteContext, subgraph: SubgraphName, body: unknown): Record<string, string> {
  let request: unknown = body;
  if (typeof body === "string") {
    try {
      request = JSON.parse(body);
    } catch {
      request = {};
    }
  }
  const fields = typeof request === "object" && request !== null && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
  return signIdentity({ role: "admin", subject: "hostile-suite" }, c.internalSecret, { audience: subgraph, method: "POST", ...fields });
}

const BODIES: [string, string, Expectation][] = [
  ["a body that is not JSON", `{"query": "{ __typename }"`, refused("BAD_REQUEST", { status: 400 })],
  ["a batch", JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]), refused("BAD_REQUEST", { status: 400 })],
  ["a subscription", JSON.stringify({ query: "subscription { __typename }" }), refused("GRAPHQL_VALIDATION_FAILED", { status: 400 })],
  ["two operations without operationName", JSON.stringify({ query: "query A { __typename } query B { __typename }" }), refused("OPERATION_RESOLUTION_FAILURE", { status: 400 })],
];

/** The first entity type each subgraph owns (the registry's), and a field to ask of it. */
const ENTITY_TYPE = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphEntry(name).entityTypes[0]])) as Record<SubgraphName, string>;
const ENTITIES = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `... on ${ENTITY_TYPE[name]} { id }`])) as Record<SubgraphName, string>;
const NIL = "00000000-0000-0000-0000-000000000000";

const REPRESENTATIONS: [string, (type: string) => unknown[], Expectation][] = [
  ["an id that is not a UUID", (type) => [{ __typename: type, id: "' OR '1'='1" }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["an id with a NUL", (type) => [{ __typename: type, id: `${NIL}\u0000` }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["an id that is an object", (type) => [{ __typename: type, id: { $ne: null } }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["no id", (type) => [{ __typename: type }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["an unknown type", () => [{ __typename: "Secret", id: NIL }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["no type", () => [{ id: NIL }], refused("BAD_USER_INPUT", { field: "representations[0]" })],
  ["null", () => [null], refused("BAD_USER_INPUT")],
  // Lookups already started for the first would have failed unobserved once the second threw: an unhandled rejection ends a Node process.
  ["a bad id, then an unknown type", (type) => [{ __typename: type, id: `${NIL}\u0000` }, { __typename: "Secret", id: NIL }], refused("BAD_USER_INPUT")],
  ["2 000 ids of nothing", (type) => Array.from({ length: 2_000 }, (_, i) => ({ __typename: type, id: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}` })), answered],
];

export const SUBGRAPH_CASES: HostileCase[] = SUBGRAPH_NAMES.flatMap((subgraph) => [
  ...BODIES.map(([name, body, expect]) => ({
    name: `${subgraph}, signed: ${name}`,
    send: (c: SuiteContext) => postJson(c.subgraphUrls[subgraph], body, signed(c, subgraph, body)),
    expect,
  })),
  {
    name: `${subgraph}, signed: a text/plain request (CSRF)`,
    send: (c: SuiteContext) => send(c.subgraphUrls[subgraph], { method: "POST", headers: { "content-type": "text/plain", ...signed(c, subgraph, { query: "{ __typename }" }) }, body: JSON.stringify({ query: "{ __typename }" }) }),
    expect: refused("BAD_REQUEST", { status: 400 }),
  },
  ...REPRESENTATIONS.map(([name, representations, expect]) => ({
    name: `${subgraph}, signed: _entities with ${name}`,
    send: (c: SuiteContext) => {
      const body = { query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ${ENTITIES[subgraph]} } }`, variables: { representations: representations(ENTITY_TYPE[subgraph]) } };
      return postJson(c.subgraphUrls[subgraph], body, signed(c, subgraph, body));
    },
    expect,
  })),
]);
