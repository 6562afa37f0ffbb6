import { afterAll, beforeAll, it } from "vitest";
import { startTestStack, type TestStack } from "./support/stack";
import { signedHeaders } from "./support/graphql";

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RATE_LIMIT_PER_MINUTE: "0" }); });
afterAll(async () => { await stack?.stop(); });
const j = (body: unknown, headers: Record<string, string> = {}) => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

it("probe", async () => {
  let current = "";
  process.on("unhandledRejection", (e) => console.log("UNHANDLED during", current, String(e)));
  const g = stack.gatewayUrl;
  const probes: [string, string, RequestInit][] = [
    ["ent text nul", g, j({ query: `query($t:String){ enterprises(filter:{text:$t}){ totalCount } }`, variables: { t: "a\u0000b" } })],
    ["ent text nul nodes", g, j({ query: `query($t:String){ enterprises(filter:{text:$t}){ nodes { id } } }`, variables: { t: "a\u0000b" } })],
    ["slug nul", g, j({ query: `query($t:String){ enterprise(slug:$t){ id } }`, variables: { t: "a\u0000b" } })],
    ["after nul", g, j({ query: `query($t:String){ enterprises(after:$t){ totalCount } }`, variables: { t: Buffer.from(JSON.stringify(["a\u0000", "x"])).toString("base64url") } })],
    ["sub entities nul", stack.subgraphUrls.enterprises, j({ query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Enterprise { id } } }`, variables: { r: [{ __typename: "Enterprise", id: "a\u0000" }] } }, signedHeaders(stack.internalSecret))],
    ["sub entities sql", stack.subgraphUrls.enterprises, j({ query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Enterprise { id } } }`, variables: { r: [{ __typename: "Enterprise", id: "'; DROP" }] } }, signedHeaders(stack.internalSecret))],
    ["sub entities nope", stack.subgraphUrls.enterprises, j({ query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Enterprise { id } } }`, variables: { r: [{ __typename: "Nope", id: "x" }] } }, signedHeaders(stack.internalSecret))],
    ["sub entities notype", stack.subgraphUrls.enterprises, j({ query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Enterprise { id } } }`, variables: { r: [{ id: "x" }] } }, signedHeaders(stack.internalSecret))],
    ["sub subscription", stack.subgraphUrls.enterprises, j({ query: `subscription { x }` }, signedHeaders(stack.internalSecret))],
    ["since yesterday", g, j({ query: `query($t:DateTime!){ programChanges(since:$t){ totalCount } }`, variables: { t: "yesterday" } })],
    ["since literal", g, j({ query: `{ programChanges(since:"yesterday"){ totalCount } }` })],
    ["date var", g, j({ query: `query($t:Date){ programs(filter:{signedFrom:$t}){ totalCount } }`, variables: { t: "2024-02-30" } })],
    ["date lit", g, j({ query: `{ programs(filter:{signedFrom:"2024-02-30"}){ totalCount } }` })],
    ["enum var", g, j({ query: `query($t:[ProgramKind!]){ programs(filter:{kinds:$t}){ totalCount } }`, variables: { t: ["NOPE"] } })],
    ["apq mismatch", g, j({ query: "{__typename}", extensions: { persistedQuery: { version: 1, sha256Hash: "abc" } } })],
    ["apq badver", g, j({ query: "{__typename}", extensions: { persistedQuery: { version: 2, sha256Hash: "abc" } } })],
  ];
  for (const [name, url, init] of probes) {
    current = name;
    const r = await fetch(url, init);
    console.log(name.padEnd(24), r.status, (await r.text()).slice(0, 400));
    await new Promise((res) => setTimeout(res, 200));
  }
}, 120_000);
