/**
 * Hostile documents against the gateway's default limits: too deep, too many
 * aliases or tokens, fragment bombs and cycles, directive floods, documents
 * that do not parse or name no runnable operation, and the oddities that
 * must still be answered.
 */
import { answered, refused, postJson, type Expectation } from "./reply";
import type { HostileCase, SuiteContext } from "./cases";

const VALIDATION = refused("GRAPHQL_VALIDATION_FAILED", { status: 400 });
const PARSE = refused("GRAPHQL_PARSE_FAILED", { status: 400 });
const repeat = (count: number, make: (i: number) => string, separator = " ") => Array.from({ length: count }, (_, i) => make(i)).join(separator);

/** `{ enterprise(slug: "ammc") { divisions { enterprise { divisions { ... } } } } }`, `levels` pairs deep. */
const deepWalk = (levels: number) => `{ enterprise(slug: "ammc") { ${"divisions { enterprise { ".repeat(levels)}name${" } }".repeat(levels)} } }`;

/** Fragments each spreading the next twice: 2^levels copies of the innermost field. */
function fragmentBomb(levels: number, innermost = "__typename"): string {
  return `query Bomb { ...F0 } ${repeat(levels, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F${levels} on Query { ${innermost} }`;
}

const DOCUMENTS: [string, string, Expectation, Record<string, unknown>?][] = [
  // Depth (QUERY_MAX_DEPTH 15).
  ["16 levels of fields", deepWalk(8), refused("QUERY_TOO_DEEP", { status: 400 })],
  ["50 levels of fields", deepWalk(25), refused("QUERY_TOO_DEEP", { status: 400 })],
  ["depth hidden in nested fragments", `query { enterprise(slug: "ammc") { ...A } } fragment A on Enterprise { divisions { enterprise { ...B } } } fragment B on Enterprise { divisions { enterprise { ...C } } } fragment C on Enterprise { divisions { enterprise { divisions { enterprise { divisions { enterprise { divisions { enterprise { divisions { enterprise { name } } } } } } } } } } }`, refused("QUERY_TOO_DEEP", { status: 400 })],
  ["depth hidden in inline fragments", `{ enterprise(slug: "ammc") { ${"... on Enterprise { divisions { enterprise { ".repeat(8)}name${" } } }".repeat(8)} } }`, refused("QUERY_TOO_DEEP", { status: 400 })],
  ["1 500 nested selection sets of unknown fields", `{ ${"a { ".repeat(1500)}b${" }".repeat(1500)} }`, VALIDATION],
  ["1 500 nested list literals", `{ programs(filter: { kinds: ${"[".repeat(1500)}${"]".repeat(1500)} }) { totalCount } }`, VALIDATION],
  ["1 000 nested input objects", `{ programs(filter: ${"{ text: ".repeat(1000)}"x"${" }".repeat(1000)}) { totalCount } }`, VALIDATION],
  // Aliases (QUERY_MAX_ALIASES 30).
  ["31 aliases", `{ ${repeat(31, (i) => `a${i}: __typename`)} }`, refused("TOO_MANY_ALIASES", { status: 400 })],
  ["300 aliases of a costly field", `{ ${repeat(300, (i) => `a${i}: programs(first: 1000) { totalCount }`)} }`, refused("TOO_MANY_ALIASES", { status: 400 })],
  ["aliases multiplied by spreading a fragment", `query { ${repeat(20, () => "...A")} } fragment A on Query { x: __typename y: __typename }`, refused("TOO_MANY_ALIASES", { status: 400 })],
  // Fragment bombs: must be refused quickly, before anyone expands them.
  ["a fragment bomb of 2^30 fields", fragmentBomb(30), refused("QUERY_TOO_COSTLY", { status: 400 })],
  ["a fragment bomb of 2^60 lists", fragmentBomb(60, "programs(first: 1000) { totalCount }"), refused("QUERY_TOO_COSTLY", { status: 400 })],
  ["a fragment bomb of aliases", fragmentBomb(40, "a: __typename"), refused(["TOO_MANY_ALIASES", "QUERY_TOO_COSTLY"], { status: 400 })],
  ["a wide fragment spread 500 times", `query { ${repeat(500, () => "...W")} } fragment W on Query { ${repeat(200, () => "enterprises(first: 1000) { totalCount }")} }`, refused("QUERY_TOO_COSTLY", { status: 400 })],
  // Fragment cycles and misuse: validation refuses them.
  ["a fragment spreading itself", `query { ...A } fragment A on Query { ...A }`, VALIDATION],
  ["two fragments spreading each other", `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, VALIDATION],
  ["a cycle of 100 fragments", `query { ...F0 } ${repeat(100, (i) => `fragment F${i} on Query { ...F${(i + 1) % 100} }`)}`, VALIDATION],
  ["a cycle through nested fields", `query { enterprise(slug: "ammc") { ...A } } fragment A on Enterprise { divisions { enterprise { ...A } } }`, VALIDATION],
  ["an unknown fragment", `query { ...Missing }`, VALIDATION],
  ["an unused fragment", `query { __typename } fragment A on Query { __typename }`, VALIDATION],
  ["a fragment on an unknown type", `query { ...A } fragment A on Nothing { __typename }`, VALIDATION],
  ["200 fragments of the same name", `query { ...A } ${repeat(200, () => "fragment A on Query { __typename }")}`, VALIDATION],
  // Directive floods.
  ["600 @skip on one field", `{ __typename ${repeat(600, () => "@skip(if: false)")} }`, VALIDATION],
  ["600 unknown directives", `{ __typename ${repeat(600, (i) => `@d${i}`)} }`, VALIDATION],
  ["@include with a variable never given", `query($x: Boolean!) { __typename @include(if: $x) }`, refused("BAD_USER_INPUT", { status: 400 })],
  ["a schema directive in a query", `{ __typename @deprecated }`, VALIDATION],
  ["a directive on the operation", `query @skip(if: true) { __typename }`, VALIDATION],
  // Tokens (QUERY_MAX_TOKENS 5000), counted before parsing.
  ["5 001 tokens", `{ ${repeat(5001, () => "__typename")} }`, refused("TOO_MANY_TOKENS", { status: 400 })],
  ["100 000 tokens", `{ ${repeat(100_000, () => "a")} }`, refused("TOO_MANY_TOKENS", { status: 400 })],
  ["100 000 commas (ignored tokens) and a field", `{ ${",".repeat(100_000)} __typename }`, answered],
  ["a 500 kB comment and a field", `# ${"x".repeat(500_000)}\n{ __typename }`, answered],
  // graphql-js gives up comparing a field with itself n² times (its validation budget).
  ["the same field 1 600 times", `{ ${repeat(1600, () => "__typename")} }`, VALIDATION],
  ["the same field 100 times", `{ ${repeat(100, () => "__typename")} }`, answered],
  // Syntax.
  ["an opening brace only", `{`, PARSE],
  ["closing braces only", `}}}}`, PARSE],
  ["an unterminated string", `{ enterprise(slug: "ammc) { name } }`, PARSE],
  ["an unterminated block string", `{ enterprise(slug: """ammc) { name } }`, PARSE],
  ["a bad escape", `{ enterprise(slug: "\\x41") { name } }`, PARSE],
  ["a surrogate pair escape split in two", `{ enterprise(slug: "\\ud800") { name } }`, PARSE],
  ["a number with letters", `{ programs(first: 12abc) { totalCount } }`, PARSE],
  ["SQL instead of GraphQL", `SELECT * FROM program; DROP TABLE program; --`, PARSE],
  ["a schema definition", `type Query { hacked: String }`, VALIDATION],
  ["a schema extension", `extend type Query { hacked: String }`, VALIDATION],
  // Operations.
  ["a subscription", `subscription { programChanges(since: "2020-01-01T00:00:00Z") { totalCount } }`, VALIDATION],
  ["two anonymous operations", `{ __typename } { __typename }`, VALIDATION],
  ["500 named operations without operationName", repeat(500, (i) => `query Q${i} { __typename }`), refused("INVALID_GRAPHQL", { status: 400 })],
  ["two operations of the same name", `query Q { __typename } query Q { __typename }`, VALIDATION],
  ["an unknown field", `{ secrets }`, VALIDATION],
  ["an unknown argument", `{ programs(where: "1=1") { totalCount } }`, VALIDATION],
  ["an argument twice", `{ programs(first: 1, first: 1000) { totalCount } }`, VALIDATION],
  ["conflicting fields under one name", `{ a: enterprise(slug: "ammc") { name } a: enterprise(slug: "cmk") { name } }`, VALIDATION],
  ["a selection on a scalar", `{ __typename { name } }`, VALIDATION],
  ["an object without a selection", `{ enterprises }`, VALIDATION],
  ["an undeclared variable", `{ programs(first: $n) { totalCount } }`, VALIDATION],
  ["a variable of the wrong type", `query($n: String) { programs(first: $n) { totalCount } }`, VALIDATION, { n: "5" }],
  ["a variable of an input type that does not exist", `query($n: Secret) { __typename }`, VALIDATION],
  ["a variable declared twice", `query($n: Int, $n: Int) { programs(first: $n) { totalCount } }`, VALIDATION],
  ["a required variable not given", `query($n: Int!) { programs(first: $n) { totalCount } }`, refused("BAD_USER_INPUT", { status: 400 })],
  ["a required variable given null", `query($n: Int!) { programs(first: $n) { totalCount } }`, refused("BAD_USER_INPUT", { status: 400 }), { n: null }],
  ["a variable default of the wrong type", `query($n: Int = "many") { programs(first: $n) { totalCount } }`, VALIDATION],
  ["a list variable for a scalar", `query($n: Int) { programs(first: $n) { totalCount } }`, refused("BAD_USER_INPUT", { status: 400 }), { n: [1, 2] }],
  ["a __proto__ variable", `query($filter: ProgramFilter) { programs(filter: $filter) { totalCount } }`, refused("BAD_USER_INPUT", { status: 400 }), JSON.parse(`{"filter": {"__proto__": {"text": "x"}}}`)],
  ["an unknown field in an input object", `query($filter: ProgramFilter) { programs(filter: $filter) { totalCount } }`, refused("BAD_USER_INPUT", { status: 400 }), { filter: { sql: "1=1" } }],
  // Introspection is served (GraphiQL needs it) and not counted in the gateway's depth; graphql-js bounds it.
  ["introspection 30 levels deep", `{ __schema { types { ${"fields { type { ".repeat(15)}name${" } }".repeat(15)} } } }`, VALIDATION],
  ["31 aliased introspections", `{ ${repeat(31, (i) => `s${i}: __schema { queryType { name } }`)} }`, refused("TOO_MANY_ALIASES", { status: 400 })],
  ["__type of a type that does not exist", `{ __type(name: "'; DROP TABLE program; --") { name } }`, answered],
  ["a mutation asking only for __typename", `mutation { __typename }`, answered],
];

/** Page sizes beyond the largest (QUERY_MAX_LIST_SIZE 1000), on a root list and inside one. */
const PAGES: [string, string, Expectation][] = [
  ["first: 1001", `{ programs(first: 1001) { totalCount } }`, refused("LIST_TOO_LARGE", { status: 400 })],
  ["first: 2^31-1", `{ programs(first: 2147483647) { totalCount } }`, refused("LIST_TOO_LARGE", { status: 400 })],
  ["first: 2^31", `{ programs(first: 2147483648) { totalCount } }`, VALIDATION],
  ["first: 10^30", `{ programs(first: 1000000000000000000000000000000) { totalCount } }`, VALIDATION],
  ["first: -1", `{ programs(first: -1) { totalCount } }`, refused("BAD_USER_INPUT", { field: "first" })],
  ["first: 1.5", `{ programs(first: 1.5) { totalCount } }`, VALIDATION],
  ["first as a string", `{ programs(first: "1000") { totalCount } }`, VALIDATION],
  ["first: 1001 on a nested list", `{ enterprises(first: 1) { nodes { programs(first: 1001) { totalCount } } } }`, refused("LIST_TOO_LARGE", { status: 400 })],
  ["lists of 1000 inside lists of 1000", `{ enterprises(first: 1000) { nodes { programs(first: 1000) { nodes { parties { role } } } } } }`, refused("QUERY_TOO_COSTLY", { status: 400 })],
  ["maxEdges: 10^9", `{ cooperationNetwork(maxEdges: 1000000000) { programCount } }`, refused("BAD_USER_INPUT", { field: "maxEdges" })],
];

export const DOCUMENT_CASES: HostileCase[] = [
  ...[...DOCUMENTS, ...PAGES.map(([name, query, expect]) => [name, query, expect] as const)].map(([name, query, expect, variables]) => ({
    name,
    send: (c: SuiteContext) => postJson(c.gatewayUrl, { query, variables }, c.admin),
    expect,
  })),
  {
    name: "an operationName the document does not hold",
    send: (c: SuiteContext) => postJson(c.gatewayUrl, { query: "query A { __typename }", operationName: "B" }, c.admin),
    expect: refused("INVALID_GRAPHQL", { status: 400 }),
  },
];
