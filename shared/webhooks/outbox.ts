/**
 * The outbox, in SQL. The audit log is written in the change's own
 * transaction, so it already is a transactional outbox: `fanOut` turns its
 * finished entries into one delivery row per interested subscription and
 * moves a cursor, in one transaction (under a row lock taken with SKIP
 * LOCKED, so one replica at a time does it and the others carry on
 * delivering). `claimDue` takes one due delivery FOR UPDATE SKIP LOCKED and
 * leases it for the length of one attempt: no two replicas send it at once,
 * and a killed sender's delivery is due again when its lease ends.
 */
import type pg from "pg";
import type { OutboxEntry, OutboxReader, Position } from "./outbox-feed";
import { changePayload, concerns, expiryPayload, type SubscriptionOwner } from "./payload";
import type { ExpiringRecord, WebhookEventType, WebhookHub, WebhookSource } from "./source";
import { finishedBelowSql, otherDatabasesRunning } from "../database/finished-below";

const FAN_OUT_BATCH = 500;

interface SubscriptionRow extends SubscriptionOwner {
  id: string;
  eventTypes: string[];
  expiryDays: number[];
  createdAt: Date;
}

interface NewDelivery {
  subscriptionId: string;
  messageId: string;
  eventType: string;
  recordKey: string;
  sequence: string;
  dedupeKey: string;
  payload: string;
  occurredAt: Date;
}

/** The place of an entry's n-th event in the audit log's order (the change feeds' order: transaction, entry). */
function sequenceOf(transactionId: string, entryId: string, index: number): string {
  return (BigInt(transactionId) * 10n ** 20n + BigInt(entryId) * 10n + BigInt(index)).toString();
}

async function subscriptions(client: pg.ClientBase): Promise<SubscriptionRow[]> {
  const { rows } = await client.query(
    `SELECT id, owner_subject AS "ownerSubject", owner_role AS "ownerRole", owner_institution_type AS "ownerInstitutionType",
            owner_institution_id AS "ownerInstitutionId", event_types AS "eventTypes", expiry_days AS "expiryDays", created_at AS "createdAt"
       FROM webhook_subscription`,
  );
  return rows;
}

async function insertDeliveries(client: pg.ClientBase, deliveries: NewDelivery[]): Promise<number> {
  if (deliveries.length === 0) return 0;
  const column = <K extends keyof NewDelivery>(key: K) => deliveries.map((d) => d[key]);
  const result = await client.query(
    `INSERT INTO webhook_delivery (subscription_id, message_id, event_type, record_key, sequence, dedupe_key, payload, occurred_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[])
     ON CONFLICT (subscription_id, dedupe_key) DO NOTHING`,
    [column("subscriptionId"), column("messageId"), column("eventType"), column("recordKey"), column("sequence"), column("dedupeKey"), column("payload"), column("occurredAt")],
  );
  return result.rowCount ?? 0;
}

/** fanOut's answer when entries wait behind a transaction still running. */
export const HORIZON = -2;

/** Partners of each institution: those party to one program with it (the hub's SQL), for events its partners hear. */
async function partnersOf(client: pg.ClientBase, sql: string, entries: OutboxEntry[], eventTypes: ReadonlyMap<string, WebhookEventType>): Promise<Map<string, string[]>> {
  const ids = [...new Set(entries.filter((e) => e.events.some((type) => eventTypes.get(type)?.partnersHear)).map((e) => e.entry.entityId))];
  const partners = new Map<string, string[]>();
  if (ids.length === 0) return partners;
  const { rows } = await client.query<{ institution: string; partner: string }>(sql, [ids]);
  for (const { institution, partner } of rows) partners.set(institution, [...(partners.get(institution) ?? []), partner]);
  return partners;
}

/** One outbox the hub fans out: its name (the cursor's, and in every webhook-id) and how to read it. */
export interface FanOutSource {
  name: string;
  read: OutboxReader;
}

/**
 * One batch of audit entries into deliveries. Returns how many entries it
 * read: 0 when there is nothing new, -1 when another replica holds (or has
 * just moved) the cursor, HORIZON when the next entries wait for an older
 * transaction to end. The page is read before any lock is taken (a peer's is
 * a network call): finished entries never change, so it stays right as long
 * as the cursor has not moved, which is checked under the lock.
 */
export async function fanOut(pool: pg.Pool, source: FanOutSource, hub: Pick<WebhookHub, "eventTypes" | "partnersSql">): Promise<number> {
  // No subscription, nothing to fan out: the log is not read (a peer's is not asked). The cursor stays, and a
  // subscription made later reads on from it, skipping what happened before it was made.
  const { rows: anySubscription } = await pool.query("SELECT 1 FROM webhook_subscription LIMIT 1");
  if (anySubscription.length === 0) return 0;
  // A look without locks first: an idle fan-out takes no transaction id (which would hold back the change feeds' horizon).
  const stored = await pool.query("SELECT transaction_id::text AS \"transactionId\", entry_id::text AS \"entryId\" FROM webhook_cursor WHERE source = $1", [source.name]);
  const from: Position = stored.rows[0] ?? { transactionId: "0", entryId: "0" };
  const page = await source.read(from, FAN_OUT_BATCH);
  if (!page.last) return page.waiting ? HORIZON : 0;
  const client = await pool.connect();
  try {
    await client.query("INSERT INTO webhook_cursor (source, transaction_id, entry_id) VALUES ($1, 0, 0) ON CONFLICT DO NOTHING", [source.name]);
    await client.query("BEGIN");
    const cursor = await client.query("SELECT transaction_id::text AS \"transactionId\", entry_id::text AS \"entryId\" FROM webhook_cursor WHERE source = $1 FOR UPDATE SKIP LOCKED", [source.name]);
    if (cursor.rowCount === 0 || cursor.rows[0].transactionId !== from.transactionId || cursor.rows[0].entryId !== from.entryId) {
      await client.query("ROLLBACK");
      return -1;
    }
    const eventTypes = new Map(hub.eventTypes.map((type) => [type.name, type]));
    const subscribers = await subscriptions(client);
    const partners = await partnersOf(client, hub.partnersSql, page.entries, eventTypes);
    const deliveries: NewDelivery[] = [];
    for (const { entry, events, confidentialFields } of page.entries) {
      events.forEach((type, index) => {
        // Who hears of it: the record's institutions; of an institution's own record, also itself and its partners.
        const audience = eventTypes.get(type)?.partnersHear ? [...entry.institutionIds, entry.entityId, ...(partners.get(entry.entityId) ?? [])] : entry.institutionIds;
        for (const subscription of subscribers) {
          if (!subscription.eventTypes.includes(type) || entry.occurredAt < subscription.createdAt || !concerns(subscription, audience)) continue;
          const messageId = `msg_${source.name}_${entry.id}_${index}`;
          deliveries.push({
            subscriptionId: subscription.id,
            messageId,
            eventType: type,
            recordKey: `${entry.entityType}:${entry.entityId}`,
            sequence: sequenceOf(entry.transactionId, entry.id, index),
            dedupeKey: messageId,
            payload: changePayload(type, entry, subscription, source.name, { [entry.entityType]: confidentialFields }),
            occurredAt: entry.occurredAt,
          });
        }
      });
    }
    await insertDeliveries(client, deliveries);
    await client.query("UPDATE webhook_cursor SET transaction_id = $2, entry_id = $3 WHERE source = $1", [source.name, page.last.transactionId, page.last.entryId]);
    await client.query("COMMIT");
    return Math.max(1, page.entries.length);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Expiry notices: for every subscription to the expiring event, each
 * threshold a record's end has come within, once (the dedupe key names the
 * record, its end date and the threshold: a program extended and expiring
 * again gets new notices). Run daily and at start-up, so what was due while
 * every replica was stopped is sent then.
 */
export async function scheduleExpiryNotices(pool: pg.Pool, source: WebhookSource, now = new Date()): Promise<number> {
  const client = await pool.connect();
  try {
    const subscribers = (await subscriptions(client)).filter((s) => s.eventTypes.includes(source.expiringEventType) && s.expiryDays.length > 0);
    if (subscribers.length === 0) return 0;
    const horizon = Math.max(...subscribers.flatMap((s) => s.expiryDays));
    const { rows } = await client.query<ExpiringRecord>(source.expiringSql, [horizon]);
    const otherDatabases = await otherDatabasesRunning(async (sql, parameters) => (await client.query(sql, parameters)).rows);
    const { rows: [{ position }] } = await client.query(`SELECT ${finishedBelowSql("$1")} AS position`, [otherDatabases]);
    const deliveries: NewDelivery[] = [];
    for (const record of rows) {
      for (const subscription of subscribers) {
        if (!concerns(subscription, record.institutionIds)) continue;
        for (const threshold of subscription.expiryDays.filter((days) => record.daysLeft <= days)) {
          const dedupeKey = `expiring:${record.entityId}:${record.endsOn}:${threshold}`;
          deliveries.push({
            subscriptionId: subscription.id,
            messageId: `msg_${source.name}_expiring_${record.entityId}_${record.endsOn}_${threshold}`,
            eventType: source.expiringEventType,
            recordKey: `${record.entityType}:${record.entityId}`,
            sequence: sequenceOf(position, "0", 0),
            dedupeKey,
            payload: expiryPayload(source.expiringEventType, record, threshold, now),
            occurredAt: now,
          });
        }
      }
    }
    return await insertDeliveries(client, deliveries);
  } finally {
    client.release();
  }
}

export interface ClaimedDelivery {
  id: string;
  messageId: string;
  payload: string;
  /** This attempt's number: settle stores its outcome only if no one has claimed the delivery since. */
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secret: string;
}

/** The deliveries claimDue may take now: due, of an active subscription, with no earlier one of their record still pending. */
const DUE_DELIVERIES = `FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.status = 'ACTIVE'
          AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                           WHERE e.subscription_id = d.subscription_id AND e.record_key = d.record_key
                             AND e.status = 'PENDING' AND e.sequence < d.sequence)`;

/**
 * Claims up to `limit` due deliveries of active subscriptions whose records
 * have no earlier delivery still pending (so at most one per record) (in order per record: a later change waits
 * while an earlier one is being sent or retried). One short statement (after a look without locks): the
 * rows are picked FOR UPDATE SKIP LOCKED (two replicas never pick the same),
 * its attempt counted and its next attempt moved `leaseMs` ahead, which is
 * the lease: no one else takes it meanwhile, and if this process dies (even
 * SIGKILL) it is simply due again when the lease ends. No transaction stays
 * open while the receiver answers, so slow receivers hold back neither
 * writes nor the change feeds' horizon.
 */
export async function claimDue(pool: pg.Pool, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  // A look without locks first: an UPDATE of no rows still fires the tables' change notification
  // (shared/database/change-notifications.ts), and an idle poll would empty the gateways' response caches twice a second.
  const { rowCount } = await pool.query(`SELECT 1 ${DUE_DELIVERIES} LIMIT 1`);
  if (!rowCount) return [];
  const { rows } = await pool.query(
    `WITH due AS (
       SELECT d.id ${DUE_DELIVERIES}
        ORDER BY d.next_attempt_at, d.sequence
        LIMIT $2
        FOR UPDATE OF d SKIP LOCKED)
     UPDATE webhook_delivery d
        SET attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, now()), last_attempt_at = now(),
            next_attempt_at = now() + make_interval(secs => $1::float8 / 1000)
       FROM due, webhook_subscription s
      WHERE d.id = due.id AND s.id = d.subscription_id
     RETURNING d.id, d.message_id AS "messageId", d.payload, d.attempts, d.first_attempt_at AS "firstAttemptAt", s.url, s.secret`,
    [leaseMs, limit],
  );
  return rows;
}

export type Outcome = "delivered" | "retry" | "failed";

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

/** Delay before attempt n+1 after n failed: base·2^(n−1), capped, with ±20 % jitter so a recovered receiver is not hit by a wall. */
export function backoffMs(failedAttempts: number, policy: RetryPolicy, random = Math.random()): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failedAttempts - 1, 40));
  return Math.round(exponential * (0.8 + 0.4 * random));
}

/**
 * Stores an attempt's outcome, unless the delivery was claimed again since
 * (this process outlived its lease): then the later attempt's outcome counts.
 * Returns null in that case.
 */
export async function settle(
  pool: pg.Pool,
  delivery: ClaimedDelivery,
  result: { ok: boolean; status: number | null; error: string | null },
  policy: RetryPolicy,
  attemptedAt: Date,
): Promise<Outcome | null> {
  let outcome: Outcome = "delivered";
  let next = attemptedAt;
  if (!result.ok) {
    next = new Date(attemptedAt.getTime() + backoffMs(delivery.attempts, policy));
    outcome = attemptedAt.getTime() - new Date(delivery.firstAttemptAt).getTime() >= policy.windowMs ? "failed" : "retry";
  }
  const status = outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING";
  const stored = await pool.query(
    `UPDATE webhook_delivery SET status = $3, next_attempt_at = $4, delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() ELSE NULL END,
            last_response_status = $5, last_error = $6
      WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
    [delivery.id, delivery.attempts, status, next, result.status, result.error],
  );
  return stored.rowCount ? outcome : null;
}

/** Undelivered deliveries and how long the oldest has waited since its change: the queue's figures for /metrics. */
export async function queueFigures(pool: pg.Pool): Promise<{ depth: number; oldestSeconds: number }> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS depth, coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8 AS oldest FROM webhook_delivery WHERE status = 'PENDING'`,
  );
  return { depth: rows[0].depth, oldestSeconds: rows[0].oldest };
}
