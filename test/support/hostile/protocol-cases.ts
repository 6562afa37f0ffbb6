/**
 * Hostile HTTP: bodies that are not JSON or not a GraphQL request, content
 * types a browser may send cross-site without a preflight (CSRF), other
 * methods and encodings, oversized and compressed bodies, batches, odd headers
 * and requests only a raw socket can send. Each carries, where it can, a
 * mutation that would archive an enterprise if it got through.
 */
import { gzipSync } from "node:zlib";
import { answered, refused, postJson, send, sendRaw, type Expectation, type Reply } from "./reply";
import { ARCHIVE, archiveBody, archiveVariables, type HostileCase, type SuiteContext } from "./cases";

const TYPENAME = JSON.stringify({ query: "{ __typename }" });
const BAD_REQUEST = refused("BAD_REQUEST", { status: 400 });
/** A POST body a cross-site page could forge (gateway/limits/cross-site.ts). */
const NOT_JSON = refused("BAD_REQUEST", { status: 415 });

/** Raw bodies sent as application/json. */
const BODIES: [string, (context: SuiteContext) => string | Buffer, Expectation][] = [
  ["truncated JSON", () => TYPENAME.slice(0, -1), BAD_REQUEST],
  ["a trailing comma", () => `{"query": "{ __typename }",}`, BAD_REQUEST],
  ["single quotes", () => `{'query': '{ __typename }'}`, BAD_REQUEST],
  ["NaN", () => `{"query": NaN}`, BAD_REQUEST],
  ["garbage after the object", () => `${TYPENAME} trailing`, BAD_REQUEST],
  ["two objects", () => `${TYPENAME}${TYPENAME}`, BAD_REQUEST],
  ["an empty body", () => "", BAD_REQUEST],
  ["null", () => "null", BAD_REQUEST],
  ["a string", () => `"{ __typename }"`, BAD_REQUEST],
  ["a number", () => "42", BAD_REQUEST],
  ["true", () => "true", BAD_REQUEST],
  ["an empty object", () => "{}", BAD_REQUEST],
  ["query as an array", () => JSON.stringify({ query: ["{ __typename }"] }), BAD_REQUEST],
  ["query as an operator object", () => JSON.stringify({ query: { $ne: null } }), BAD_REQUEST],
  ["query null", () => JSON.stringify({ query: null }), BAD_REQUEST],
  ["query a number", () => JSON.stringify({ query: 5 }), BAD_REQUEST],
  ["variables a string", () => JSON.stringify({ query: "{ __typename }", variables: "{}" }), BAD_REQUEST],
  ["variables an array", () => JSON.stringify({ query: "{ __typename }", variables: [] }), BAD_REQUEST],
  ["variables a number", () => JSON.stringify({ query: "{ __typename }", variables: 1 }), BAD_REQUEST],
  ["operationName a number", () => JSON.stringify({ query: "{ __typename }", operationName: 5 }), BAD_REQUEST],
  ["operationName an object", () => JSON.stringify({ query: "{ __typename }", operationName: { a: 1 } }), BAD_REQUEST],
  ["extensions a string", () => JSON.stringify({ query: "{ __typename }", extensions: "{}" }), BAD_REQUEST],
  ["an unknown persisted query", () => JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }), refused("PERSISTED_QUERY_NOT_FOUND")],
  ["a persisted query hash that does not match", () => JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }), BAD_REQUEST],
  ["a persisted query of an unknown version", () => JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } } }), BAD_REQUEST],
  ["a lone surrogate as the document", () => JSON.stringify({ query: "\ud800" }), refused("GRAPHQL_PARSE_FAILED", { status: 400 })],
  ["a NUL byte in the document", () => JSON.stringify({ query: "{ __typename \u0000 }" }), refused("GRAPHQL_PARSE_FAILED", { status: 400 })],
  ["an empty document", () => JSON.stringify({ query: "" }), BAD_REQUEST],
  ["a document of only a comment", () => JSON.stringify({ query: "# nothing" }), refused("GRAPHQL_PARSE_FAILED", { status: 400 })],
  // Legitimate, if odd: these must still be answered.
  ["bytes that are not UTF-8 in an unused field", () => Buffer.concat([Buffer.from(`{"query": "{ __typename }", "x": "`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`"}`)]), answered],
  ["a __proto__ key", () => `{"__proto__": {"polluted": true}, "query": "{ __typename }"}`, answered],
  ["a constructor.prototype key", () => `{"constructor": {"prototype": {"polluted": true}}, "query": "{ __typename }"}`, answered],
  ["a byte-order mark", () => `\uFEFF${TYPENAME}`, answered],
  ["the query key twice", () => `{"query": "mutation { __typename }", "query": "{ __typename }"}`, answered],
  ["JSON nested 100 000 deep in an unused variable", () => `{"query": "{ __typename }", "variables": {"deep": ${"[".repeat(100_000)}${"]".repeat(100_000)}}}`, answered],
  ["30 000 unused variables", () => JSON.stringify({ query: "{ __typename }", variables: Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`v${i}`, i])) }), answered],
];

/** The archiving mutation, with an administrator's token, as a browser could send it cross-site without a preflight. */
const SIMPLE_REQUESTS: [string, (context: SuiteContext) => Promise<Reply>, Expectation][] = [
  ["POST text/plain", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "text/plain", ...c.admin }, body: archiveBody(c) }), NOT_JSON],
  ["POST text/plain; charset=utf-8", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "text/plain; charset=utf-8", ...c.admin }, body: archiveBody(c) }), NOT_JSON],
  ["POST form-urlencoded", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...c.admin }, body: new URLSearchParams({ query: ARCHIVE, variables: JSON.stringify(archiveVariables(c)) }).toString() }), NOT_JSON],
  ["POST multipart/form-data", (c) => {
    const form = new FormData();
    form.set("operations", archiveBody(c));
    return send(c.gatewayUrl, { method: "POST", headers: c.admin, body: form });
  }, NOT_JSON],
  ["POST without a content type", (c) => send(c.gatewayUrl, { method: "POST", headers: c.admin, body: new TextEncoder().encode(archiveBody(c)) }), NOT_JSON],
  // A GET runs queries only (they change nothing), with no special header, as the GraphQL-over-HTTP spec says.
  ["GET of a query without a preflight header", (c) => send(`${c.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`, { headers: c.admin }), answered],
  ["GET of the mutation without a preflight header", (c) => send(`${c.gatewayUrl}?query=${encodeURIComponent(ARCHIVE)}&variables=${encodeURIComponent(JSON.stringify(archiveVariables(c)))}`, { headers: c.admin }), refused("BAD_REQUEST", { status: 405 })],
  ["GET of the mutation with the preflight header", (c) => send(`${c.gatewayUrl}?query=${encodeURIComponent(ARCHIVE)}&variables=${encodeURIComponent(JSON.stringify(archiveVariables(c)))}`, { headers: { ...c.admin, "apollo-require-preflight": "true" } }), refused("BAD_REQUEST", { status: 405 })],
  ["GET with variables that are not JSON", (c) => send(`${c.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}&variables=%7B`, { headers: { "apollo-require-preflight": "true" } }), BAD_REQUEST],
  ["GET with the query twice", (c) => send(`${c.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}&query=${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "true" } }), BAD_REQUEST],
];

const withBody = (method: string, contentType: string) => (c: SuiteContext) =>
  send(c.gatewayUrl, { method, headers: { "content-type": contentType, ...c.admin }, body: archiveBody(c) });

const OTHER_REQUESTS: [string, (context: SuiteContext) => Promise<Reply>, Expectation][] = [
  ["PUT", withBody("PUT", "application/json"), refused("BAD_REQUEST", { status: 405 })],
  ["PATCH", withBody("PATCH", "application/json"), refused("BAD_REQUEST", { status: 405 })],
  ["DELETE", (c) => send(c.gatewayUrl, { method: "DELETE", headers: { "apollo-require-preflight": "true", ...c.admin } }), refused("BAD_REQUEST", { status: 405 })],
  ["OPTIONS", (c) => send(c.gatewayUrl, { method: "OPTIONS" }), refused("BAD_REQUEST", { status: 405 })],
  ["application/xml", withBody("POST", "application/xml"), NOT_JSON],
  ["application/graphql", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/graphql", ...c.admin }, body: "{ __typename }" }), NOT_JSON],
  ["application/json in Latin-1", withBody("POST", "application/json; charset=latin1"), refused("BAD_REQUEST", { status: 415 })],
  ["application/json in UTF-16", withBody("POST", "application/json; charset=utf-16"), BAD_REQUEST],
  ["gzip that is not gzip", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: archiveBody(c) }), BAD_REQUEST],
  ["deflate that is not deflate", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "deflate" }, body: archiveBody(c) }), BAD_REQUEST],
  ["brotli that is not brotli", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "br" }, body: archiveBody(c) }), BAD_REQUEST],
  ["an unknown content encoding", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "x-custom" }, body: archiveBody(c) }), refused("BAD_REQUEST", { status: 415 })],
  ["a gzip bomb (30 MB of zeros in 30 kB)", (c) => send(c.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body: gzipSync(Buffer.concat([Buffer.from(`{"query": "{ __typename }", "variables": {"x": "`), Buffer.alloc(30_000_000, 0x30), Buffer.from(`"}}`)])),
  }), refused("PAYLOAD_TOO_LARGE", { status: 413 })],
  ["a gzip body that is fine", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: gzipSync(TYPENAME) }), answered],
  ["a body over 1 MB", (c) => postJson(c.gatewayUrl, { query: "{ __typename }", variables: { padding: "x".repeat(1_100_000) } }), refused("PAYLOAD_TOO_LARGE", { status: 413 })],
  ["a 1 MB string literal in the document", (c) => postJson(c.gatewayUrl, { query: `{ programs(filter: { text: "${"x".repeat(1_100_000)}" }) { totalCount } }` }), refused("PAYLOAD_TOO_LARGE", { status: 413 })],
  ["a URL over the header limit", (c) => send(`${c.gatewayUrl}?query=${"%20".repeat(10_000)}${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "true" } }), { refusedByHttp: [431] }],
  ["a header over the header limit", (c) => send(c.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "x-padding": "x".repeat(20_000) }, body: TYPENAME }), { refusedByHttp: [431] }],
];

/** Several operations in one request: every other limit would apply to each alone. */
const BATCHES: [string, (context: SuiteContext) => unknown][] = [
  ["an empty batch", () => []],
  ["a batch of one", () => [{ query: "{ __typename }" }]],
  ["a batch of two", () => [{ query: "{ __typename }" }, { query: "{ __typename }" }]],
  ["a batch of 1 000", () => Array.from({ length: 1000 }, () => ({ query: "{ enterprises(first: 1000) { totalCount } }" }))],
  ["a batch of nulls", () => [null, null]],
  ["a nested batch", () => [[{ query: "{ __typename }" }]]],
  ["a batch of the mutation", (c) => [JSON.parse(archiveBody(c as SuiteContext)), JSON.parse(archiveBody(c as SuiteContext))]],
];

/** Headers that must not change what the gateway does: it answers as it would without them. */
const IGNORED_HEADERS: [string, Record<string, string>][] = [
  ["x-request-id with a path", { "x-request-id": "../../etc/passwd" }],
  ["x-request-id with markup", { "x-request-id": "<script>alert(1)</script>" }],
  ["x-request-id of 10 000 characters", { "x-request-id": "a".repeat(10_000) }],
  ["x-forwarded-for spoofing an internal address", { "x-forwarded-for": "10.0.0.1, 127.0.0.1" }],
  ["Forwarded spoofing", { forwarded: "for=10.0.0.1;proto=https;by=127.0.0.1" }],
  ["x-real-ip", { "x-real-ip": "10.0.0.1" }],
  ["a spoofed Origin", { origin: "https://evil.example" }],
  ["a cookie with a session", { cookie: "session=admin; token=admin" }],
  ["x-http-method-override", { "x-http-method-override": "DELETE" }],
  ["100 extra headers", Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-extra-${i}`, "v"]))],
];

/** Requests Node's HTTP parser refuses: request smuggling and broken framing. */
const RAW_REQUESTS: [string, (host: string, body: string) => string, number[]][] = [
  ["Content-Length and Transfer-Encoding together (smuggling)", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${body}`, [400]],
  ["two Content-Length headers that disagree", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nContent-Length: 5\r\n\r\n${body}`, [400]],
  ["a negative Content-Length", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n${body}`, [400]],
  ["a broken chunk size", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`, [400]],
  ["a broken request line", () => `POST /graphql HTTP/9.9 extra\r\n\r\n`, [400, 505]],
  ["a NUL in a header", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nX-Evil: a\u0000b\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`, [400]],
  ["a header split by a bare LF", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nX-Evil: a\nInjected: b\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`, [400]],
  ["a header line without a colon", (host, body) => `POST /graphql HTTP/1.1\r\nHost: ${host}\r\nnot a header\r\nContent-Length: ${body.length}\r\n\r\n${body}`, [400]],
];

export const PROTOCOL_CASES: HostileCase[] = [
  ...BODIES.map(([name, body, expect]) => ({ name: `body: ${name}`, send: (c: SuiteContext) => postJson(c.gatewayUrl, body(c), c.admin), expect })),
  ...SIMPLE_REQUESTS.map(([name, run, expect]) => ({ name: `simple request: ${name}`, send: run, expect })),
  ...OTHER_REQUESTS.map(([name, run, expect]) => ({ name: `method, type or size: ${name}`, send: run, expect })),
  ...BATCHES.map(([name, body]) => ({
    name: `batch: ${name}`,
    send: (c: SuiteContext) => postJson(c.gatewayUrl, body(c), c.admin),
    expect: refused("BATCHED_REQUESTS_NOT_SUPPORTED", { status: 400 }),
  })),
  ...IGNORED_HEADERS.map(([name, headers]) => ({
    name: `header: ${name}`,
    send: (c: SuiteContext) => postJson(c.gatewayUrl, { query: `{ enterprises(first: 1) { totalCount } }` }, headers),
    expect: answered,
  })),
  ...RAW_REQUESTS.map(([name, request, statuses]) => ({
    name: `raw HTTP: ${name}`,
    send: (c: SuiteContext) => sendRaw(c.gatewayUrl, request(new URL(c.gatewayUrl).host, archiveBody(c))),
    expect: { refusedByHttp: statuses },
  })),
];
