/**
 * Webhook subscriptions through the gateway, on the in-process stack: who may
 * subscribe and manage what, confidential values as the credential may read
 * them, pause and resume, secret rotation, a delivery failed after its retry
 * window and redelivered, expiry notices once per threshold, destination
 * checks, and the metrics. (Delivery under failures and replicas:
 * webhooks-delivery.test.ts.)
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { destinationProblem, isNonPublicAddress } from "../shared/webhooks/destination";
import { backoffMs, scheduleExpiryNotices } from "../shared/webhooks/outbox";
import { sendAttempt } from "../shared/webhooks/send";
import { programWebhooks } from "../subgraphs/programs/webhook-events";
import { Registry } from "prom-client";
import { readWebhookConfig } from "../shared/config";
import { createLogger } from "../shared/logger";
import { startWebhookRunner } from "../shared/webhooks/runner";
import { bearer, tokenFor, type TestRole } from "./support/auth";
import { graphql, graphqlData } from "./support/graphql";
import { until } from "./support/services";
import { startTestStack, type TestStack } from "./support/stack";
import { startReceiver, type Receiver } from "./support/webhook-receiver";

const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
let stack: TestStack;
let receiver: Receiver;
const tokens = new Map<TestRole, Record<string, string>>();
const as = async (role: TestRole) => tokens.get(role) ?? tokens.set(role, bearer(await tokenFor(stack, role))).get(role)!;
const ask = async <T = any>(role: TestRole, query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, await as(role));
const attempt = async (role: TestRole, query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, variables, await as(role));

const CREATE = `mutation($input: WebhookSubscriptionCreateInput!) { createWebhookSubscription(input: $input) { id version status secret } }`;
const DELIVERIES = `query($status: WebhookDeliveryStatus) { webhookSubscriptions { id recentDeliveries(status: $status) { id messageId eventType status attempts lastError } } }`;
/** The recent deliveries of one of the caller's subscriptions. */
async function deliveriesOf(role: TestRole, id: string, status?: string): Promise<any[]> {
  const { webhookSubscriptions } = await ask(role, DELIVERIES, { status });
  return webhookSubscriptions.find((s: { id: string }) => s.id === id).recentDeliveries;
}

async function subscribe(role: TestRole, input: Record<string, unknown>) {
  const { createWebhookSubscription } = await ask(role, CREATE, { input: { url: receiver.url, ...input } });
  receiver.addSecret(createWebhookSubscription.secret);
  return { secret: createWebhookSubscription.secret as string, subscription: createWebhookSubscription as { id: string; version: number } };
}

async function createProgram(slug: string, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const { createProgram } = await ask("admin", `mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
    input: {
      slug,
      title: `Webhooks ${slug}`,
      kind: "INTERNSHIP",
      parties: [
        { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
        { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
      ],
      ...extra,
    },
  });
  return createProgram;
}

const forSubscription = (secret: string) => receiver.received.filter((r) => r.secret === secret);

beforeAll(async () => {
  stack = await startTestStack({ WEBHOOK_LOCAL_DESTINATIONS: "on", WEBHOOK_RETRY_BASE_MS: "20", WEBHOOK_RETRY_MAX_MS: "100", WEBHOOK_RETRY_WINDOW_MS: "600", WEBHOOK_POLL_MS: "50" });
  receiver = await startReceiver();
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

describe("webhook subscriptions", () => {
  it("need a partner system's credential and valid input, with codes naming the field", async () => {
    const input = { url: "https://hooks.example.org/in", events: ["program.created"] };
    expect((await attempt("anonymous", CREATE, { input })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await attempt("dashboard", CREATE, { input })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const cases: [Record<string, unknown>, string][] = [
      [{ events: ["program.deleted"] }, "input.events[0]"],
      [{ events: [] }, "input.events"],
      [{ url: "ftp://hooks.example.org/in" }, "input.url"],
      [{ url: `https://hooks.example.org/${"x".repeat(2000)}` }, "input.url"],
      [{ events: ["program.expiring"] }, "input.expiryDays"],
      [{ events: ["program.expiring"], expiryDays: [0] }, "input.expiryDays[0]"],
    ];
    for (const [change, field] of cases) {
      const result = await attempt("editor@ammc", CREATE, { input: { ...input, ...change } });
      expect(result.errors?.[0].extensions, JSON.stringify(change)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });

  it("belong to the credential that made them: others neither list, change, nor delete them", async () => {
    const { subscription } = await subscribe("editor@ammc", { events: ["program.created"] });
    const listed = await ask("editor@ammc", `{ webhookSubscriptions { id } }`);
    expect(listed.webhookSubscriptions.map((s: any) => s.id)).toContain(subscription.id);
    expect((await ask("editor@tashstu-almalyk", `{ webhookSubscriptions { id } }`)).webhookSubscriptions).toEqual([]);
    for (const mutation of [
      `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`,
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      `mutation($id: ID!) { pauseWebhookSubscription(id: $id, version: 1) { id } }`,
    ]) {
      expect((await attempt("editor@tashstu-almalyk", mutation, { id: subscription.id })).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    }
    expect((await attempt("editor@ammc", `mutation($id: ID!) { pauseWebhookSubscription(id: $id, version: 7) { id } }`, { id: subscription.id })).errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await ask("editor@ammc", `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: subscription.id })).toEqual({ deleteWebhookSubscription: subscription.id });
  });

  it("send confidential values only to credentials that may read them, as the change feed does", async () => {
    const party = await subscribe("editor@ammc", { events: ["program.created"] });
    const analyst = await subscribe("analyst", { events: ["program.created"] });
    const outsider = await subscribe("editor@stupino-metallurgical-company", { events: ["program.created"] });
    const program = await createProgram("webhooks-confidential", { budget: { amount: "125000.00", currency: "USD" }, internalNotes: "Negotiated rate" });
    await until(() => forSubscription(party.secret).length === 1 && forSubscription(analyst.secret).length === 1, 10_000);
    const [toParty] = forSubscription(party.secret);
    const [toAnalyst] = forSubscription(analyst.secret);
    expect(toParty.payload).toMatchObject({ type: "program.created", data: { entityId: program.id, action: "CREATE", redactedFields: [], after: { internalNotes: "Negotiated rate", budgetCurrency: "USD" } } });
    expect(toAnalyst.payload.data.after).toMatchObject({ internalNotes: null, budgetAmount: null, budgetCurrency: null, title: "Webhooks webhooks-confidential" });
    expect(toAnalyst.payload.data.redactedFields).toEqual(["budgetAmount", "budgetCurrency", "internalNotes"]);
    // No party: no event about it.
    expect(forSubscription(outsider.secret)).toEqual([]);
    expect(toParty.headers["webhook-id"]).toMatch(/^msg_programs_\d+_0$/);
  });

  it("keep events while paused and deliver them on resumption; a rotated secret signs from then on", async () => {
    const { subscription, secret } = await subscribe("editor@ammc", { events: ["program.amended"] });
    const { pauseWebhookSubscription } = await ask("editor@ammc", `mutation($id: ID!, $v: Int!) { pauseWebhookSubscription(id: $id, version: $v) { status version } }`, { id: subscription.id, v: 1 });
    expect(pauseWebhookSubscription).toEqual({ status: "PAUSED", version: 2 });
    const program = await createProgram("webhooks-paused");
    await ask("admin", `mutation($id: ID!) { updateProgram(id: $id, version: 1, input: { description: "while paused" }) { version } }`, { id: program.id });
    await until(async () => (await deliveriesOf("editor@ammc", subscription.id)).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forSubscription(secret)).toEqual([]);

    const { rotateWebhookSecret } = await ask("editor@ammc", `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret version } }`, { id: subscription.id });
    expect(rotateWebhookSecret.secret).not.toBe(secret);
    receiver.addSecret(rotateWebhookSecret.secret);
    await ask("editor@ammc", `mutation($id: ID!) { resumeWebhookSubscription(id: $id, version: 3) { status } }`, { id: subscription.id });
    await until(() => forSubscription(rotateWebhookSecret.secret).length === 1);
    expect(forSubscription(rotateWebhookSecret.secret)[0].payload).toMatchObject({ type: "program.amended", data: { entityId: program.id, changedFields: ["description"] } });
    expect(forSubscription(secret)).toEqual([]);
  });

  it("mark a delivery FAILED after its retry window and send it again, same webhook-id, on redeliverWebhook", async () => {
    const dead = await startReceiver();
    await dead.down();
    const subscription = await ask("editor@ammc", CREATE, { input: { url: dead.url, events: ["program.created"] } }).then((d) => d.createWebhookSubscription);
    const secret = subscription.secret;
    dead.setSecret(secret);
    await createProgram("webhooks-failed");
    let failed: any;
    await until(async () => {
      [failed] = await deliveriesOf("editor@ammc", subscription.id, "FAILED");
      return Boolean(failed);
    }, 15_000);
    expect(failed.attempts).toBeGreaterThan(2);
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    await dead.up();
    const { redeliverWebhook } = await ask("editor@ammc", `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status messageId } }`, { id: failed.id });
    expect(redeliverWebhook).toEqual({ status: "PENDING", messageId: failed.messageId });
    await until(() => dead.received.length === 1);
    expect(dead.received[0].id).toBe(failed.messageId);
    expect(dead.received[0].secret).toBe(secret);
    // A DELIVERED one can be sent again too (the receiver lost it): same webhook-id, so the receiver sees a repetition.
    await ask("editor@ammc", `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: failed.id });
    await until(() => dead.received.length === 2);
    expect(dead.received[1].body).toBe(dead.received[0].body);
    expect((await attempt("editor@tashstu-almalyk", `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }`, { id: failed.id })).errors?.[0].extensions?.code).toBe("NOT_FOUND");
    await dead.close();
  }, 30_000);

  it("send an expiry notice once per subscription and threshold, caught up at start-up, however often the scan runs", async () => {
    const endsOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const program = await createProgram("webhooks-expiring", { startsOn: "2025-01-01", startsOnPrecision: "DAY", endsOn, endsOnPrecision: "DAY" });
    for (const institutionId of [AMMC, BRANCH]) {
      const { program: read } = await ask("admin", `query($id: ID!) { program(id: $id) { pendingVersion { termsHash } } }`, { id: program.id });
      await ask("admin", `mutation($id: ID!, $hash: String!, $who: ID!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2025-01-01", signatoryName: "Director", institutionId: $who }) { status } }`, {
        id: program.id,
        hash: read.pendingVersion.termsHash,
        who: institutionId,
      });
    }
    const { secret } = await subscribe("reader@tashstu-almalyk", { events: ["program.expiring"], expiryDays: [30, 7] });
    // The running replica scans daily: nothing yet. A replica starting now scans at start-up and catches up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(forSubscription(secret)).toEqual([]);
    const restarted = await startWebhookRunner({ databaseUrl: stack.database.url, source: programWebhooks, config: readWebhookConfig({ WEBHOOK_LOCAL_DESTINATIONS: "on" }), logger: createLogger("test", "silent"), registry: new Registry() });
    const pool = new pg.Pool({ connectionString: stack.database.url, options: "-c search_path=programs", max: 2 });
    try {
      await until(() => forSubscription(secret).length > 0, 10_000);
      // Scans after that find nothing new to send.
      expect(await scheduleExpiryNotices(pool, programWebhooks)).toBe(0);
    } finally {
      await pool.end();
      await restarted.stop();
    }
    await until(() => forSubscription(secret).some((r) => r.payload.data.entityId === program.id));
    const notices = forSubscription(secret).filter((r) => r.payload.data.entityId === program.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].payload).toMatchObject({ type: "program.expiring", data: { entityType: "Program", endsOn, daysLeft: 10, thresholdDays: 30, record: { slug: "webhooks-expiring", status: "ACTIVE" } } });
  }, 30_000);

  it("show deliveries by outcome, queue depth and the oldest undelivered age in /metrics", async () => {
    const text = await (await fetch(stack.subgraphUrls.programs.replace("/graphql", "/metrics"))).text();
    expect(text).toMatch(/partnergraph_webhook_deliveries_total\{outcome="delivered",service="programs"\} [1-9]/);
    expect(text).toMatch(/partnergraph_webhook_deliveries_total\{outcome="failed",service="programs"\} [1-9]/);
    expect(text).toMatch(/partnergraph_webhook_queue_depth\{service="programs"\} \d+/);
    expect(text).toMatch(/partnergraph_webhook_oldest_undelivered_seconds\{service="programs"\} [\d.]+/);
  });
});

describe("webhook destinations", () => {
  it("are https to public addresses unless WEBHOOK_LOCAL_DESTINATIONS allows more", () => {
    expect(destinationProblem("https://hooks.example.org/in", false)).toBeNull();
    for (const url of ["http://hooks.example.org/in", "https://127.0.0.1/", "https://10.1.2.3/", "https://169.254.169.254/latest", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://localhost/", "https://192.168.0.10/", "https://[fe80::1]/", "https://user:pw@hooks.example.org/"]) {
      expect(destinationProblem(url, false), url).not.toBeNull();
    }
    expect(destinationProblem("http://127.0.0.1:8080/in", true)).toBeNull();
    expect(isNonPublicAddress("8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("172.20.0.1")).toBe(true);
  });

  it("are checked again on the addresses a name resolves to, redirects are not followed, and an attempt has a deadline", async () => {
    const refused = await sendAttempt({ url: "http://localhost:9/", secret: "whsec_" + Buffer.alloc(24).toString("base64"), messageId: "msg_test", payload: "{}", timeoutMs: 1000, allowLocal: false });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.error).toMatch(/non-public/);
    const server = (await import("node:http")).createServer((request, response) => {
      if (request.url === "/redirect") response.writeHead(307, { location: "http://127.0.0.1:9/elsewhere" }).end();
      // /slow never answers
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as any).port}`;
    try {
      const secret = "whsec_" + Buffer.alloc(24).toString("base64");
      expect(await sendAttempt({ url: `${base}/redirect`, secret, messageId: "m", payload: "{}", timeoutMs: 1000, allowLocal: true })).toMatchObject({ ok: false, status: 307, error: expect.stringMatching(/not followed/) });
      const started = Date.now();
      expect(await sendAttempt({ url: `${base}/slow`, secret, messageId: "m", payload: "{}", timeoutMs: 300, allowLocal: true })).toMatchObject({ ok: false, error: expect.stringMatching(/no answer within 300 ms/) });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("back off exponentially with jitter, up to the longest delay", () => {
    const policy = { baseMs: 1000, maxMs: 60_000, windowMs: 86_400_000 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30, policy, 0.5)).toBe(60_000);
    expect(backoffMs(1, policy, 0)).toBe(800);
    expect(backoffMs(1, policy, 1)).toBe(1200);
  });
});
