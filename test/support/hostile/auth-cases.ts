/**
 * Forged credentials: bearer tokens that must not be believed, identity
 * headers a client sends the gateway hoping it passes them on, and subgraphs
 * called directly without (or with a forged) signed identity. Each tries the
 * archiving mutation; each must be refused and write nothing.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import { SignJWT } from "jose";
import { IDENTITY_HEADER, SIGNATURE_HEADER, signIdentity } from "../../../shared/auth/internal-identity";
import type { Principal } from "../../../shared/auth/principal";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../../shared/config";
import { ARCHIVE, archiveBody, archiveVariables, type HostileCase, type SuiteContext } from "./cases";
import { postJson, refused, type Reply } from "./reply";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const ADMIN: Principal = { role: "admin", subject: "mallory" };
const ATTACKER_SECRET = "attacker".repeat(8);

/** A signed token with these claims and header, by default a valid administrator's. */
function token(c: SuiteContext, claims: Record<string, unknown> = {}, options: { secret?: string; alg?: string; header?: Record<string, unknown> } = {}) {
  const payload = { role: "admin", sub: "mallory", iss: c.auth.issuer, aud: c.auth.audience, exp: inAnHour(), ...claims };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete (payload as Record<string, unknown>)[key];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT", ...options.header })
    .sign(new TextEncoder().encode(options.secret ?? c.auth.jwtSecret!));
}

/** An unsigned token (`alg: none`) or one with a payload swapped under a valid signature. */
const unsigned = (c: SuiteContext, header: Record<string, unknown>) =>
  `${encode(header)}.${encode({ role: "admin", sub: "mallory", iss: c.auth.issuer, aud: c.auth.audience, exp: inAnHour() })}.`;

const AUTHORIZATIONS: [string, (c: SuiteContext) => Promise<string> | string][] = [
  ["Basic credentials", () => `Basic ${Buffer.from("admin:admin").toString("base64")}`],
  ["Bearer and nothing", () => "Bearer"],
  ["Bearer and spaces", () => "Bearer    "],
  ["a token of two parts", () => "Bearer aaaa.bbbb"],
  ["a token of four parts", () => "Bearer aaaa.bbbb.cccc.dddd"],
  ["SQL as a token", () => "Bearer ' OR '1'='1"],
  ["a 6 000-character token", () => `Bearer ${"a".repeat(3000)}.${"b".repeat(3000)}.c`],
  ["lower-case bearer and a token of another secret", async (c) => `bearer ${await token(c, {}, { secret: ATTACKER_SECRET })}`],
  ["signed with another secret", async (c) => `Bearer ${await token(c, {}, { secret: ATTACKER_SECRET })}`],
  ["alg none", (c) => `Bearer ${unsigned(c, { alg: "none", typ: "JWT" })}`],
  ["alg NONE", (c) => `Bearer ${unsigned(c, { alg: "NONE", typ: "JWT" })}`],
  ["HS512 with the right secret", async (c) => `Bearer ${await token(c, {}, { alg: "HS512" })}`],
  ["a payload swapped under a valid signature", async (c) => {
    const [head, , signature] = (await token(c, { role: "reader", institution_type: "ENTERPRISE", institution_id: c.fixture.enterpriseId })).split(".");
    return `Bearer ${head}.${encode({ role: "admin", sub: "mallory", iss: c.auth.issuer, aud: c.auth.audience, exp: inAnHour() })}.${signature}`;
  }],
  ["expired", async (c) => `Bearer ${await token(c, { exp: Math.floor(Date.now() / 1000) - 60 })}`],
  ["not valid yet", async (c) => `Bearer ${await token(c, { nbf: inAnHour() })}`],
  ["of another issuer", async (c) => `Bearer ${await token(c, { iss: "https://evil.example" })}`],
  ["of another audience", async (c) => `Bearer ${await token(c, { aud: "another-api" })}`],
  ["without a subject", async (c) => `Bearer ${await token(c, { sub: undefined })}`],
  ["without an expiry", async (c) => `Bearer ${await token(c, { exp: undefined })}`],
  ["with the internal service role", async (c) => `Bearer ${await token(c, { role: "service" })}`],
  ["with an unknown role", async (c) => `Bearer ${await token(c, { role: "root" })}`],
  ["with the role as a list", async (c) => `Bearer ${await token(c, { role: ["admin"] })}`],
  ["an editor of no institution", async (c) => `Bearer ${await token(c, { role: "editor" })}`],
  ["an editor of an institution that is not a UUID", async (c) => `Bearer ${await token(c, { role: "editor", institution_type: "ENTERPRISE", institution_id: "' OR '1'='1" })}`],
  ["an editor of an unknown institution type", async (c) => `Bearer ${await token(c, { role: "editor", institution_type: "GOVERNMENT", institution_id: c.fixture.enterpriseId })}`],
  ["an administrator bound to an institution", async (c) => `Bearer ${await token(c, { institution_type: "ENTERPRISE", institution_id: c.fixture.enterpriseId })}`],
  ["a subject of 10 000 characters", async (c) => `Bearer ${await token(c, { sub: "s".repeat(10_000) })}`],
  // Signed with the attacker's own key, which the header points at or carries.
  ["a key id pointing at a file", async (c) => `Bearer ${await token(c, {}, { secret: "\n".repeat(32), header: { kid: "../../../../dev/null" } })}`],
  ["a header carrying its own key", async (c) => `Bearer ${await token(c, {}, { secret: ATTACKER_SECRET, header: { jwk: { kty: "oct", k: Buffer.from(ATTACKER_SECRET).toString("base64url") } } })}`],
  ["a header pointing at the attacker's key set", async (c) => `Bearer ${await token(c, {}, { secret: ATTACKER_SECRET, header: { jku: "https://evil.example/jwks.json" } })}`],
];

/** The archiving request, as a signer would bind an identity to it for one subgraph. */
const archiveRequest = (c: SuiteContext, audience: string) => ({ audience, method: "POST", ...(JSON.parse(archiveBody(c)) as { query: string; variables: unknown }) });

/** Identity headers a client adds, hoping the gateway forwards them to the subgraphs. */
const FORGED_AT_GATEWAY: [string, (c: SuiteContext) => Record<string, string>][] = [
  ["an administrator's identity signed with a guessed secret", (c) => signIdentity(ADMIN, "guessed".repeat(8), archiveRequest(c, "enterprises"))],
  ["an identity without a signature", () => ({ [IDENTITY_HEADER]: encode({ principal: ADMIN, issuedAt: Date.now() }) })],
  ["garbage identity headers", () => ({ [IDENTITY_HEADER]: "garbage", [SIGNATURE_HEADER]: "garbage" })],
];

type SubgraphHeaders = (c: SuiteContext, subgraph: SubgraphName) => Record<string, string>;

/** Identity headers sent straight to a subgraph. */
const FORGED_AT_SUBGRAPH: [string, SubgraphHeaders][] = [
  ["no identity", () => ({})],
  ["an identity without a signature", () => ({ [IDENTITY_HEADER]: encode({ principal: ADMIN, issuedAt: Date.now() }) })],
  ["a signature without an identity", (c, s) => ({ [SIGNATURE_HEADER]: signIdentity(ADMIN, c.internalSecret, archiveRequest(c, s))[SIGNATURE_HEADER] })],
  ["garbage in both", () => ({ [IDENTITY_HEADER]: "garbage", [SIGNATURE_HEADER]: "garbage" })],
  ["signed with a guessed secret", (c, s) => signIdentity(ADMIN, "guessed".repeat(8), archiveRequest(c, s))],
  ["a signature of another identity", (c, s) => ({ ...signIdentity(ADMIN, c.internalSecret, archiveRequest(c, s)), [IDENTITY_HEADER]: encode({ principal: { ...ADMIN, subject: "eve" }, issuedAt: Date.now() }) })],
  ["a replayed identity 10 minutes old", (c, s) => signIdentity(ADMIN, c.internalSecret, archiveRequest(c, s), Date.now() - 10 * 60_000)],
  ["an identity dated 10 minutes ahead", (c, s) => signIdentity(ADMIN, c.internalSecret, archiveRequest(c, s), Date.now() + 10 * 60_000)],
  ["an identity signed for another subgraph", (c, s) => signIdentity(ADMIN, c.internalSecret, archiveRequest(c, s === "programs" ? "enterprises" : "programs"))],
  ["an identity signed for another document", (c, s) => signIdentity(ADMIN, c.internalSecret, { ...archiveRequest(c, s), query: "{ __typename }" })],
  ["a signed identity with an unknown role", (c, s) => signIdentity({ role: "root" } as unknown as Principal, c.internalSecret, archiveRequest(c, s))],
  ["a signed identity that is not JSON", (c) => signedPayload(c, Buffer.from("not json").toString("base64url"))],
  ["a signed identity that is a list", (c) => signedPayload(c, encode([ADMIN]))],
  ["a signed identity without a date", (c) => signedPayload(c, encode({ principal: ADMIN }))],
  ["a signed identity of a reader without an institution", (c, s) => signIdentity({ role: "reader", subject: "x" } as Principal, c.internalSecret, archiveRequest(c, s))],
  ["a signature of 10 000 characters", () => ({ [IDENTITY_HEADER]: "a", [SIGNATURE_HEADER]: "s".repeat(10_000) })],
];

function signedPayload(c: SuiteContext, payload: string): Record<string, string> {
  // Sign an arbitrary payload the way internal-identity does, to reach the checks behind the signature.
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: createHmac("sha256", c.internalSecret).update(payload).digest("base64url") };
}

/** The identity header sent twice: Node joins repeated headers, which must not verify. */
function duplicateIdentity(c: SuiteContext, subgraph: SubgraphName): Promise<Reply> {
  const signed = signIdentity(ADMIN, c.internalSecret, archiveRequest(c, subgraph));
  return new Promise((resolve, reject) => {
    const request = http.request(c.subgraphUrls[subgraph], {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: [signed[IDENTITY_HEADER], signed[IDENTITY_HEADER]], [SIGNATURE_HEADER]: signed[SIGNATURE_HEADER] },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, contentType: String(response.headers["content-type"]), text, body: JSON.parse(text) }));
    });
    request.on("error", reject);
    request.end(archiveBody(c));
  });
}

const UNAUTHENTICATED = refused("UNAUTHENTICATED", { status: 401 });

export const AUTH_CASES: HostileCase[] = [
  ...AUTHORIZATIONS.map(([name, authorization]) => ({
    name: `bearer token: ${name}`,
    send: async (c: SuiteContext) => postJson(c.gatewayUrl, { query: ARCHIVE, variables: archiveVariables(c) }, { authorization: await authorization(c) }),
    expect: UNAUTHENTICATED,
  })),
  ...FORGED_AT_GATEWAY.map(([name, headers]) => ({
    name: `identity headers to the gateway: ${name}`,
    // Anonymous: the forged headers must not make it an administrator.
    send: (c: SuiteContext) => postJson(c.gatewayUrl, archiveBody(c), headers(c)),
    expect: refused(["UNAUTHENTICATED", "FORBIDDEN"]),
  })),
  ...SUBGRAPH_NAMES.flatMap((subgraph) => [
    ...FORGED_AT_SUBGRAPH.map(([name, headers]) => ({
      name: `${subgraph} called directly: ${name}`,
      send: (c: SuiteContext) => postJson(c.subgraphUrls[subgraph], archiveBody(c), headers(c, subgraph)),
      expect: UNAUTHENTICATED,
    })),
    { name: `${subgraph} called directly: the identity header twice`, send: (c: SuiteContext) => duplicateIdentity(c, subgraph), expect: UNAUTHENTICATED },
  ]),
];
