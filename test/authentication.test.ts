/**
 * Bearer tokens at the gateway: what is accepted and every way a token can be
 * bad (forged, expired, alg none, another audience or issuer, wrong claims),
 * anonymous access as a setting, an identity provider's JWKS, and the token
 * command.
 */
import { execFile } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../shared/auth/tokens";
import { freePort } from "../shared/database/scratch-postgres";
import { bearer, tokenFor } from "./support/auth";
import { graphql } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
const ME = `{ enterprise(slug: "ammc") { name } }`;
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function refusal(authorization: string, url = stack.gatewayUrl) {
  const result = await graphql(url, ME, undefined, { authorization });
  return { status: result.status, code: result.errors?.[0].extensions?.code, message: result.errors?.[0].message };
}

describe("bearer tokens", () => {
  it("accepts a valid token", async () => {
    const result = await graphql(stack.gatewayUrl, ME, undefined, bearer(await tokenFor(stack, "analyst")));
    expect(result.data?.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
  });

  it.each([
    ["signed with another secret", () => mintToken("y".repeat(64), { subject: "mallory", role: "admin" }, { issuer: stack.auth.issuer, audience: stack.auth.audience })],
    ["expired", () => mintToken(stack.auth.jwtSecret!, { subject: "late", role: "admin" }, { issuer: stack.auth.issuer, audience: stack.auth.audience, expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ["for another audience", () => mintToken(stack.auth.jwtSecret!, { subject: "x", role: "admin" }, { issuer: stack.auth.issuer, audience: "another-api" })],
    ["from another issuer", () => mintToken(stack.auth.jwtSecret!, { subject: "x", role: "admin" }, { issuer: "https://evil.example", audience: stack.auth.audience })],
    ["with alg none", async () => `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: "mallory", role: "admin", iss: stack.auth.issuer, aud: stack.auth.audience, exp: Math.floor(Date.now() / 1000) + 600 })}.`],
    ["with an unknown role", () => new SignJWT({ role: "superuser" }).setProtectedHeader({ alg: "HS256" }).setSubject("x").setIssuer(stack.auth.issuer).setAudience(stack.auth.audience).setExpirationTime("1h").sign(new TextEncoder().encode(stack.auth.jwtSecret!))],
    ["for an editor of no institution", () => new SignJWT({ role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("x").setIssuer(stack.auth.issuer).setAudience(stack.auth.audience).setExpirationTime("1h").sign(new TextEncoder().encode(stack.auth.jwtSecret!))],
    ["without a subject", () => new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256" }).setIssuer(stack.auth.issuer).setAudience(stack.auth.audience).setExpirationTime("1h").sign(new TextEncoder().encode(stack.auth.jwtSecret!))],
    ["without an expiry", () => new SignJWT({ role: "admin" }).setProtectedHeader({ alg: "HS256" }).setSubject("x").setIssuer(stack.auth.issuer).setAudience(stack.auth.audience).sign(new TextEncoder().encode(stack.auth.jwtSecret!))],
  ])("refuses a token %s with 401 UNAUTHENTICATED", async (_name, make) => {
    const answer = await refusal(`Bearer ${await make()}`);
    expect(answer).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(answer.message).not.toMatch(/secret|stack|at /i);
  });

  it.each([
    ["Basic dXNlcjpwYXNz", "Basic dXNlcjpwYXNz"],
    ["Bearer", "Bearer"],
    ["Bearer not-a-jwt", "Bearer not-a-jwt"],
    ["Bearer and 5 kB of token", `Bearer ${"a".repeat(5000)}`],
  ])("refuses the header %j", async (_name, header) => {
    // Sent whole: the 5 kB one reaches the gateway as 5 kB.
    expect(await refusal(header)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("takes the scheme name in any case", async () => {
    const result = await graphql(stack.gatewayUrl, `{ enterpriseChanges(since: "2020-01-01T00:00:00Z") { totalCount } }`, undefined, { authorization: `bearer ${await tokenFor(stack, "analyst")}` });
    expect(result.errors).toBeUndefined();
  });

  it("a tampered payload breaks the signature", async () => {
    const [head, , signature] = (await tokenFor(stack, "reader@ammc"))!.split(".");
    const payload = encode({ sub: "reader@ammc-test", role: "admin", iss: stack.auth.issuer, aud: stack.auth.audience, exp: Math.floor(Date.now() / 1000) + 600 });
    expect(await refusal(`Bearer ${head}.${payload}.${signature}`)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });
});

describe("anonymous access is a setting", () => {
  it("AUTH_ANONYMOUS=off refuses requests without a token, and still takes valid ones", async () => {
    const gateway = await startExtraGateway(stack, { auth: { ...stack.auth, anonymous: "off" } });
    try {
      const anonymous = await graphql(gateway.url, ME);
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
      const signedIn = await graphql(gateway.url, ME, undefined, bearer(await tokenFor(stack, "reader@ammc")));
      expect(signedIn.data?.enterprise.name).toBeTruthy();
    } finally {
      await gateway.stop();
    }
  });
});

describe("an identity provider's keys (JWKS)", () => {
  let jwksServer: http.Server;
  let gateway: { url: string; stop(): Promise<void> };
  /** The algorithms README promises for an identity provider's keys, each with a key of its own in the JWKS. */
  const ALGORITHMS = ["RS256", "ES256", "PS256", "EdDSA"] as const;
  const privateKeys = new Map<string, PrivateKey>();
  const issuer = "https://keycloak.partner.example/realms/partnergraph";

  beforeAll(async () => {
    const jwks: object[] = [];
    for (const alg of ALGORITHMS) {
      const keys = await generateKeyPair(alg, { extractable: true });
      privateKeys.set(alg, keys.privateKey);
      jwks.push({ ...(await exportJWK(keys.publicKey)), kid: `test-${alg}`, alg, use: "sig" });
    }
    const port = await freePort();
    jwksServer = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: jwks })));
    await new Promise<void>((resolve) => jwksServer.listen(port, "127.0.0.1", resolve));
    gateway = await startExtraGateway(stack, {
      auth: { jwtSecret: undefined, jwksUrl: `http://127.0.0.1:${port}/certs`, issuer, audience: "partnergraph", anonymous: "off" },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    jwksServer?.close();
  });

  const providerToken = (claims: Record<string, unknown>, alg: (typeof ALGORITHMS)[number] = "RS256", key: PrivateKey = privateKeys.get(alg)!) =>
    new SignJWT(claims).setProtectedHeader({ alg, kid: `test-${alg}` }).setSubject("erp-client").setIssuer(issuer).setAudience("partnergraph").setExpirationTime("5m").sign(key);

  it.each(ALGORITHMS)("accepts its %s tokens with our claims", async (alg) => {
    const token = await providerToken({ role: "editor", institution_type: "ENTERPRISE", institution_id: "0f6cc031-d2c6-55f5-9a11-e88acfe2575a" }, alg);
    expect(JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).alg).toBe(alg);
    const result = await graphql(gateway.url, ME, undefined, bearer(token));
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
  });

  it("refuses tokens signed by another key, and local HS256 tokens", async () => {
    const other = (await generateKeyPair("RS256")).privateKey;
    expect(await refusal(`Bearer ${await providerToken({ role: "admin" }, "RS256", other)}`, gateway.url)).toMatchObject({ status: 401 });
    expect(await refusal(`Bearer ${await tokenFor(stack, "admin")}`, gateway.url)).toMatchObject({ status: 401 });
  });
});

describe("npm run token", () => {
  const run = (args: string[], env: Record<string, string>) =>
    promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/token.ts", ...args], { env: { ...process.env, ...env } });

  it("issues tokens the gateway accepts, looking the institution up by slug", async () => {
    const env = { AUTH_JWT_SECRET: stack.auth.jwtSecret!, INTERNAL_SECRET: "" };
    const { stdout } = await run(["--institution", "ammc", "--role", "editor", "--gateway", stack.gatewayUrl], env);
    const token = stdout.trim();
    const result = await graphql(stack.gatewayUrl, `mutation { createContact(enterpriseId: "0f6cc031-d2c6-55f5-9a11-e88acfe2575a", input: { name: "Token desk" }) { name } }`, undefined, bearer(token));
    expect(result.data?.createContact.name).toBe("Token desk");
  });

  it("says what is wrong with its arguments", async () => {
    await expect(run(["--role", "editor"], { AUTH_JWT_SECRET: stack.auth.jwtSecret! })).rejects.toMatchObject({ stderr: expect.stringContaining("belongs to an institution") });
    await expect(run(["--role", "owner"], { AUTH_JWT_SECRET: stack.auth.jwtSecret! })).rejects.toMatchObject({ stderr: expect.stringContaining("--role must be") });
  });
});
