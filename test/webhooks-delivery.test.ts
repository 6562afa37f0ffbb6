/**
 * Webhooks delivered for real: the subgraphs and the gateway as separate
 * processes, two replicas of the programs subgraph delivering from one
 * outbox, and a receiver on 127.0.0.1 that verifies every signature with the
 * `standardwebhooks` library. The receiver goes down and comes back, a
 * replica is killed (SIGKILL) while a delivery is in flight and restarted;
 * every event still arrives, in order per program, and the only repetition
 * is the same message sent again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../shared/database/scratch-postgres";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor } from "./support/auth";
import { graphqlData } from "./support/graphql";
import { startProcess, type ServiceProcess } from "./support/process";
import { startServices, until, type Services } from "./support/services";
import { startReceiver, type Receiver } from "./support/webhook-receiver";

const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");

let services: Services;
let replica: ServiceProcess;
let receiver: Receiver;
let admin: Record<string, string>;
const startedAt = new Date().toISOString();
/** The events the test caused: `<program id> <version>` for each change. */
const expected = new Set<string>();
const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(services.url("gateway"), query, variables, admin);

async function startReplica(): Promise<ServiceProcess> {
  const port = await freePort();
  const process = startProcess("scripts/start-subgraph.ts", ["programs"], { ...services.env, PROGRAMS_PORT: String(port), DATABASE_URL: services.postgres.url });
  await process.waitFor("subgraph listening");
  return process;
}

beforeAll(async () => {
  services = await startServices({
    env: { WEBHOOK_LOCAL_DESTINATIONS: "on", WEBHOOK_RETRY_BASE_MS: "50", WEBHOOK_RETRY_MAX_MS: "400", WEBHOOK_POLL_MS: "100", WEBHOOK_TIMEOUT_MS: "2500", WEBHOOK_CONCURRENCY: "3" },
  });
  replica = await startReplica();
  receiver = await startReceiver();
  admin = bearer(await tokenFor(services, "admin"));
}, 180_000);

afterAll(async () => {
  await replica?.stop("SIGKILL");
  await receiver?.close();
  await services?.stop();
});

/** Creates `count` programs and amends each `amendments` times; returns when every write is committed. */
async function makeEvents(label: string, count: number, amendments: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { createProgram } = await ask(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
        input: {
          slug: `webhook-${label}-${index}`,
          title: `Webhook test ${label} ${index}`,
          kind: "INTERNSHIP",
          parties: [
            { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
            { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
          ],
        },
      });
      expected.add(`${createProgram.id} 1`);
      for (let version = 1; version <= amendments; version++) {
        await ask(`mutation($id: ID!, $v: Int!, $d: String!) { updateProgram(id: $id, version: $v, input: { description: $d }) { version } }`, { id: createProgram.id, v: version, d: `amendment ${version}` });
        expected.add(`${createProgram.id} ${version + 1}`);
      }
    }),
  );
}

/** Every program change committed since the test began, from the programs change feed. */
async function committedChanges(): Promise<Set<string>> {
  const events = new Set<string>();
  let after: string | null = null;
  do {
    const { programChanges }: any = await ask(`query($after: String) { programChanges(since: "${startedAt}", first: 500, after: $after) { nodes { entityType entityId action after } pageInfo { hasNextPage endCursor } } }`, { after });
    for (const change of programChanges.nodes) if (change.entityType === "Program") events.add(`${change.entityId} ${change.after.version}`);
    after = programChanges.pageInfo.hasNextPage ? programChanges.pageInfo.endCursor : null;
  } while (after);
  return events;
}

const arrivedEvents = () => new Set(receiver.received.map((r) => `${r.payload.data.entityId} ${r.payload.data.after.version}`));
const allArrived = () => [...expected].every((event) => arrivedEvents().has(event));

async function deliveredBy(process: ServiceProcess | string): Promise<number> {
  const url = typeof process === "string" ? process : process.output().match(/listening on (http:\/\/[^/]+)\/graphql/)![1] + "/metrics";
  const text = await (await fetch(url)).text();
  return Number(/partnergraph_webhook_deliveries_total\{outcome="delivered"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe("webhook delivery", () => {
  let subscriptionId: string;

  it("subscribes and returns a Standard Webhooks secret", async () => {
    const { createWebhookSubscription } = await ask(
      `mutation($input: WebhookSubscriptionCreateInput!) { createWebhookSubscription(input: $input) { secret id status events } }`,
      { input: { url: receiver.url, events: ["program.created", "program.amended"] } },
    );
    expect(createWebhookSubscription.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(createWebhookSubscription).toMatchObject({ status: "ACTIVE", events: ["program.created", "program.amended"] });
    receiver.setSecret(createWebhookSubscription.secret);
    subscriptionId = createWebhookSubscription.id;
    // Listed, the secret is not shown again.
    const { webhookSubscriptions } = await ask(`{ webhookSubscriptions { id secret } }`);
    expect(webhookSubscriptions).toEqual([{ id: subscriptionId, secret: null }]);
  });

  it("keeps retrying while the receiver is down and delivers everything once it is back", async () => {
    await receiver.down();
    await makeEvents("down", 6, 3);
    // Attempts fail (connection refused) and are retried with backoff.
    await until(async () => {
      const { webhookSubscriptions } = await ask(`{ webhookSubscriptions { id recentDeliveries(first: 100) { status attempts lastError } } }`);
      const webhookDeliveries = webhookSubscriptions.find((s: { id: string }) => s.id === subscriptionId).recentDeliveries;
      return webhookDeliveries.length === 24 && webhookDeliveries.every((d: any) => d.status === "PENDING") && webhookDeliveries.some((d: any) => d.attempts >= 2 && /ECONNREFUSED/.test(d.lastError));
    }, 20_000);
    expect(receiver.received).toHaveLength(0);
    await receiver.up();
    await until(allArrived, 30_000);
  }, 60_000);

  it("survives a replica killed with SIGKILL mid-delivery: the other delivers, the restarted one resumes", async () => {
    receiver.setDelay(1500);
    const before = receiver.received.length;
    // Handled from the start: writes the kill cuts off reject while stop() is still awaited.
    const writes = makeEvents("kill", 6, 4).catch(() => undefined);
    // More deliveries in flight than one process sends at once (WEBHOOK_CONCURRENCY 3): both have some. Kill the first now.
    await until(() => receiver.inFlight > 3 && receiver.received.length > before, 20_000);
    const inFlightAtKill = new Set(receiver.received.slice(-receiver.inFlight).map((r) => r.id));
    await services.processes.programs.stop("SIGKILL");
    await writes;
    receiver.setDelay(0);
    await services.startSubgraph("programs");
    // Writes that reached the killed process failed before commit and are not expected; redo any that failed.
    await makeEvents("after-kill", 4, 2);
    await until(allArrived, 60_000);
    // What the killed process had in flight is sent again once its lease ends: the receiver sees it twice.
    const repeated = () => {
      const seen = receiver.received.map((r) => r.id);
      return [...inFlightAtKill].some((id) => seen.indexOf(id) !== seen.lastIndexOf(id));
    };
    await until(repeated, 30_000);
  }, 120_000);

  it("two replicas share the outbox: both delivered, none sent one message twice at once, order kept per program", async () => {
    await makeEvents("replicas", 10, 3);
    await until(allArrived, 60_000);
    expect(await deliveredBy(replica)).toBeGreaterThan(0);
    expect(await deliveredBy(services.url("programs", "/metrics"))).toBeGreaterThan(0);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.maxConcurrentSameId).toBe(1);

    // Nothing missing, nothing invented: every committed change (as the change feed lists them; a write whose answer
    // the SIGKILL lost may have committed) arrived, and nothing else did.
    const committed = await committedChanges();
    for (const event of expected) expect(committed).toContain(event);
    await until(() => [...committed].every((event) => arrivedEvents().has(event)), 30_000);
    expect(arrivedEvents()).toEqual(committed);
    // Duplicates are only the same message again, byte for byte.
    const bodies = new Map<string, string>();
    for (const r of receiver.received) {
      const first = bodies.get(r.id) ?? r.body;
      expect(JSON.parse(r.body).data).toEqual(JSON.parse(first).data);
      bodies.set(r.id, first);
    }
    expect(bodies.size).toBe(committed.size);
    // In order per program: first arrivals of each program's events have rising versions, created first.
    const versions = new Map<string, number[]>();
    for (const r of receiver.received.filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i)) {
      versions.set(r.payload.data.entityId, [...(versions.get(r.payload.data.entityId) ?? []), r.payload.data.after.version]);
    }
    for (const [program, list] of versions) {
      expect(list, program).toEqual([...list].sort((a, b) => a - b));
      expect(list[0]).toBe(1);
    }
  }, 120_000);
});
