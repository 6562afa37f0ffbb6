/**
 * README, Limits: "an authenticated caller [counts] by its credential's
 * subject, an anonymous one by its address" (TRUST_PROXY set, so the address
 * comes from X-Forwarded-For and each request can come from anywhere).
 * Buckets of 3 that refill by one a minute: a fourth request is refused at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../shared/auth/tokens";
import { startTestStack, type TestStack } from "../support/stack";

const BURST = 3;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "1", RATE_LIMIT_BURST: String(BURST), TRUST_PROXY: "loopback" });
});
afterAll(() => stack?.stop());

const tokenOf = (subject: string) =>
  mintToken(stack.auth.jwtSecret!, { subject, role: "analyst" }, { issuer: stack.auth.issuer, audience: stack.auth.audience });

async function status(from: string, token?: string): Promise<number> {
  const response = await fetch(stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  await response.text();
  return response.status;
}

describe("the rate limit keys an authenticated caller by its subject", () => {
  it("two subjects from one address get a bucket each", async () => {
    const [first, second] = await Promise.all([tokenOf("erp-one"), tokenOf("erp-two")]);
    const firstAnswers = [];
    for (let i = 0; i <= BURST; i++) firstAnswers.push(await status("10.1.0.1", first));
    expect(firstAnswers).toEqual([200, 200, 200, 429]);
    // Same address, other subject: a full bucket of its own.
    const secondAnswers = [];
    for (let i = 0; i < BURST; i++) secondAnswers.push(await status("10.1.0.1", second));
    expect(secondAnswers).toEqual([200, 200, 200]);
  });

  it("one subject from two addresses shares one bucket", async () => {
    const token = await tokenOf("erp-roaming");
    const answers = [await status("10.2.0.1", token), await status("10.2.0.2", token), await status("10.2.0.1", token), await status("10.2.0.2", token)];
    expect(answers).toEqual([200, 200, 200, 429]);
  });

  it("anonymous callers count by address (the control: the proxy's header is read)", async () => {
    const answers = [];
    for (let i = 0; i <= BURST; i++) answers.push(await status("10.3.0.1"));
    expect(answers).toEqual([200, 200, 200, 429]);
    expect(await status("10.3.0.2")).toBe(200);
  });
});
