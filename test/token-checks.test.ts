/**
 * A well-signed token is still refused when what it says does not hold in
 * the graph or in time: an institution_type that is not what institution_id
 * is, an institution that does not exist or is archived, an `iat` in the
 * future, a lifetime beyond AUTH_MAX_TOKEN_AGE. Failed authentications from
 * one address end in 429 with Retry-After.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../shared/auth/tokens";
import { bearer, institutionOf, tokenFor } from "./support/auth";
import { graphql, graphqlData } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
const AMMC = institutionOf("ammc").id;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

/** A token with exactly these claims, signed with the stack's secret. */
function signed(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ iss: stack.auth.issuer, aud: stack.auth.audience, sub: "token-check", ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(stack.auth.jwtSecret!));
}

const now = () => Math.floor(Date.now() / 1000);
const PHONES = `{ enterprise(slug: "ammc") { contacts { phone } } }`;

describe("the institution a token names", () => {
  it("is read by its own reader token", async () => {
    const data = await graphqlData(stack.gatewayUrl, PHONES, undefined, bearer(await tokenFor(stack, "reader@ammc")));
    expect(data.enterprise.contacts.length).toBeGreaterThan(0);
  });

  it("must be of the type the token says: UNIVERSITY with an enterprise's id is refused", async () => {
    const reader = await mintToken(stack.auth.jwtSecret!, { subject: "mismatch", role: "reader", institution: { type: "UNIVERSITY", id: AMMC } }, stack.auth);
    const read = await graphql(stack.gatewayUrl, PHONES, undefined, bearer(reader));
    expect(read.status).toBe(401);
    expect(read.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(read.data).toBeUndefined();
    const editor = await mintToken(stack.auth.jwtSecret!, { subject: "mismatch", role: "editor", institution: { type: "UNIVERSITY", id: AMMC } }, stack.auth);
    const write = await graphql(stack.gatewayUrl, `mutation($id: ID!) { updateEnterprise(id: $id, version: 1, input: { shortName: "X" }) { id } }`, { id: AMMC }, bearer(editor));
    expect(write.status).toBe(401);
  });

  it("must exist", async () => {
    const token = await mintToken(stack.auth.jwtSecret!, { subject: "nobody", role: "editor", institution: { type: "ENTERPRISE", id: randomUUID() } }, stack.auth);
    const result = await graphql(stack.gatewayUrl, `{ __typename }`, undefined, bearer(token));
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("must not be archived", async () => {
    const admin = bearer(await tokenFor(stack, "admin"));
    const id = institutionOf("stupino-machine-production-plant").id;
    const { enterprise } = await graphqlData(stack.gatewayUrl, `query($id: ID!) { enterprise(id: $id) { version } }`, { id }, admin);
    await graphqlData(stack.gatewayUrl, `mutation($id: ID!, $version: Int!) { archiveEnterprise(id: $id, version: $version) { status } }`, { id, version: enterprise.version }, admin);
    const result = await graphql(stack.gatewayUrl, `{ __typename }`, undefined, bearer(await tokenFor(stack, "editor@stupino-machine-production-plant")));
    expect(result.status).toBe(403);
    expect(result.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a token's dates", () => {
  it("refuses an iat in the future", async () => {
    const token = await signed({ role: "admin", iat: now() + 3600, exp: now() + 7200 });
    const result = await graphql(stack.gatewayUrl, `{ __typename }`, undefined, bearer(token));
    expect(result.status).toBe(401);
    expect(result.errors?.[0].message).toMatch(/iat/);
  });

  it("refuses a token expiring in the year 5138, with or without iat", async () => {
    const far = Math.floor(Date.UTC(5138, 0, 1) / 1000);
    for (const token of [await signed({ role: "admin", iat: now(), exp: far }), await signed({ role: "admin", exp: far })]) {
      const result = await graphql(stack.gatewayUrl, `{ __typename }`, undefined, bearer(token));
      expect(result.status).toBe(401);
      expect(result.errors?.[0].message).toMatch(/AUTH_MAX_TOKEN_AGE/);
    }
  });

  it("refuses lifetimes beyond AUTH_MAX_TOKEN_AGE (24 h by default, here 1 h)", async () => {
    const dayLong = await signed({ role: "admin", iat: now(), exp: now() + 24 * 3600 });
    expect((await graphql(stack.gatewayUrl, `{ __typename }`, undefined, bearer(dayLong))).status).toBe(200);
    const gateway = await startExtraGateway(stack, { auth: { ...stack.auth, maxTokenAgeSeconds: 3600 } });
    try {
      expect((await graphql(gateway.url, `{ __typename }`, undefined, bearer(dayLong))).status).toBe(401);
      const halfHour = await signed({ role: "admin", iat: now(), exp: now() + 1800 });
      expect((await graphql(gateway.url, `{ __typename }`, undefined, bearer(halfHour))).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});

describe("failed authentications", () => {
  it("from one address end in 429 with Retry-After: 600 wrong-key tokens", async () => {
    const gateway = await startExtraGateway(stack);
    try {
      const wrongKey = await new SignJWT({ role: "admin", iss: stack.auth.issuer, aud: stack.auth.audience, sub: "guesser" })
        .setProtectedHeader({ alg: "HS256" })
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode("w".repeat(64)));
      const statuses: number[] = [];
      const retryAfter: (string | null)[] = [];
      for (let sent = 0; sent < 600; sent += 50) {
        const replies = await Promise.all(
          Array.from({ length: 50 }, () =>
            fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${wrongKey}` }, body: JSON.stringify({ query: "{ __typename }" }) }),
          ),
        );
        for (const reply of replies) {
          statuses.push(reply.status);
          if (reply.status === 429) retryAfter.push(reply.headers.get("retry-after"));
          await reply.body?.cancel();
        }
      }
      expect(statuses.filter((status) => status === 401).length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      expect(retryAfter.every((value) => Number(value) >= 1)).toBe(true);
    } finally {
      await gateway.stop();
    }
  });
});
