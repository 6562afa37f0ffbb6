/**
 * The delivery loops of one process: a fan-out loop (audit log to
 * deliveries), a send loop keeping up to WEBHOOK_CONCURRENCY attempts in
 * flight, and the expiry scan at start-up
 * and every WEBHOOK_EXPIRY_SCAN_MS. They use a small pool of their own, so
 * deliveries waiting on slow receivers never take a connection from the
 * subgraph's requests; they lock only webhook rows (for milliseconds: a
 * delivery is leased, not locked, while the receiver answers), never records
 * or the audit log: writes are never blocked. A committed change wakes every
 * replica at once (NOTIFY from a trigger on the audit log); otherwise they
 * poll every WEBHOOK_POLL_MS.
 */
import pg from "pg";
import { Counter, Gauge, type Registry } from "prom-client";
import type { WebhookConfig } from "../config";
import type { Logger } from "../logger";
import { claimDue, fanOut, HORIZON, queueFigures, scheduleExpiryNotices, settle, type ClaimedDelivery, type FanOutSource } from "./outbox";
import { peerOutboxReader, readOutbox } from "./outbox-feed";
import { sendAttempt } from "./send";
import type { WebhookHub, WebhookSource } from "./source";
import { WEBHOOK_CHANNEL } from "./channel";
import type { PeerClient } from "../subgraph/peers";


/** How long past an attempt's deadline its lease lasts (time to store the outcome). */
const LEASE_MARGIN_MS = 5000;
/** Connections of the delivery pool: fan-out, claims and outcomes are short statements; no attempt holds one. */
const POOL_SIZE = 4;
/** How soon the fan-out looks again when committed entries wait for an older transaction to end. */
const HORIZON_RETRY_MS = 10;

export interface WebhookRunner {
  stop(): Promise<void>;
}

export interface RunnerOptions {
  databaseUrl: string;
  source: WebhookSource;
  /** The peers whose outboxes this process fans out too (the hub's), and how to call them; none: its own audit log only. */
  peers?: { hub: WebhookHub; client: PeerClient };
  config: WebhookConfig;
  logger: Logger;
  registry: Registry;
}

/** Metrics in the subgraph's /metrics: deliveries by outcome, the queue's depth and its oldest entry's age. */
function registerWebhookMetrics(registry: Registry, pool: pg.Pool) {
  const deliveries = new Counter({
    name: "partnergraph_webhook_deliveries_total",
    help: "Webhook delivery attempts by outcome: delivered, retry (failed, tried again later), failed (given up after WEBHOOK_RETRY_WINDOW_MS).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  let figures = Promise.resolve({ depth: 0, oldestSeconds: 0 });
  const refresh = () => (figures = queueFigures(pool).catch(() => ({ depth: Number.NaN, oldestSeconds: Number.NaN })));
  new Gauge({
    name: "partnergraph_webhook_queue_depth",
    help: "Webhook deliveries not yet delivered nor given up (all replicas together: it is read from the database).",
    registers: [registry],
    async collect() {
      this.set((await refresh()).depth);
    },
  });
  new Gauge({
    name: "partnergraph_webhook_oldest_undelivered_seconds",
    help: "Age of the oldest undelivered webhook delivery, from its change's commit; 0 when none waits.",
    registers: [registry],
    async collect() {
      this.set((await figures).oldestSeconds);
    },
  });
  return deliveries;
}

export async function startWebhookRunner({ databaseUrl, source, peers, config, logger, registry }: RunnerOptions): Promise<WebhookRunner> {
  const schemaOptions = `-c search_path=${source.name} -c statement_timeout=30000`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, options: schemaOptions });
  pool.on("error", (error) => logger.warn({ err: error }, "webhook pool connection lost"));
  const deliveries = registerWebhookMetrics(registry, pool);
  let stopping = false;
  // Sleeping loops by name ("send", "fan-out:<source>"), so a peer's notification wakes only its fan-out.
  const sleepers = new Map<string, Set<() => void>>();
  const wake = (...names: string[]) => {
    for (const name of names) for (const wakeUp of [...(sleepers.get(name) ?? [])]) wakeUp();
  };
  const wakeAll = () => wake(...sleepers.keys());
  const nap = (name: string, ms: number) =>
    new Promise<void>((resolve) => {
      const sleeping = sleepers.get(name) ?? sleepers.set(name, new Set()).get(name)!;
      const wakeUp = () => {
        clearTimeout(timer);
        sleeping.delete(wakeUp);
        resolve();
      };
      const timer = setTimeout(wakeUp, ms);
      sleeping.add(wakeUp);
    });

  if (!config.delivery) {
    return { stop: () => pool.end() };
  }

  let listener: pg.Client | undefined;
  const listen = async () => {
    try {
      listener = new pg.Client({ connectionString: databaseUrl, options: schemaOptions });
      // The audit logs' triggers name their schema; an empty payload (a resumed subscription, a redelivery) is the hub's own.
      listener.on("notification", (message) => {
        const from = message.payload || source.name;
        wake(`fan-out:${from}`, ...(from === source.name ? ["send"] : []));
      });
      listener.on("error", () => undefined);
      listener.on("end", () => {
        if (!stopping) setTimeout(listen, config.pollMs);
      });
      await listener.connect();
      await listener.query(`LISTEN ${WEBHOOK_CHANNEL}`);
    } catch (error) {
      logger.debug({ err: error }, "webhook listener not connected; polling");
    }
  };
  await listen();

  /** A step answers true (more to do at once), false (idle: wait for a NOTIFY or the poll) or a number of ms to wait. */
  const loop = async (name: string, step: () => Promise<boolean | number>) => {
    // A failure is a warning once; the same failure again at every poll (a peer down for a while) is debug.
    let lastFailure: string | null = null;
    while (!stopping) {
      let wait = config.pollMs;
      try {
        const more = await step();
        lastFailure = null;
        if (more === true) continue;
        if (typeof more === "number") wait = more;
      } catch (error) {
        const failure = error instanceof Error ? error.message : String(error);
        logger[failure === lastFailure ? "debug" : "warn"]({ err: error, loop: name }, "webhook loop failed; trying again");
        lastFailure = failure;
      }
      if (!stopping) await nap(name, wait);
    }
  };

  // Its own audit log by SQL; each peer's through a signed peer call (a peer that cannot be asked is asked again at the next poll).
  const hub = peers?.hub ?? { eventTypes: source.eventTypes, partnersSql: "SELECT NULL::uuid AS institution, NULL::uuid AS partner WHERE false" };
  const fanOutSources: FanOutSource[] = [
    { name: source.name, read: (after, limit) => readOutbox(async (sql, parameters) => (await pool.query(sql, parameters)).rows, source, after, limit) },
    ...(peers?.hub.peers ?? []).map((peer) => ({ name: peer, read: peerOutboxReader(peers!.client, peer) })),
  ];
  const fanOutStep = (from: FanOutSource) => async () => {
    const read = await fanOut(pool, from, hub);
    if (read > 0) wake("send");
    // Committed entries behind a running transaction: look again shortly rather than at the next poll.
    return read === HORIZON ? HORIZON_RETRY_MS : read > 0;
  };

  // One attempt's lease: its deadline and a margin for storing the outcome.
  const leaseMs = config.timeoutMs + LEASE_MARGIN_MS;
  // Sends run concurrently, holding no connection while the receiver answers; one claim statement fills the free slots.
  const inFlight = new Set<Promise<void>>();
  const attempt = async (delivery: ClaimedDelivery) => {
    const attemptedAt = new Date();
    const result = await sendAttempt({ url: delivery.url, secret: delivery.secret, messageId: delivery.messageId, payload: delivery.payload, timeoutMs: config.timeoutMs, allowLocal: config.localDestinations });
    const outcome = await settle(pool, delivery, result, config.retry, attemptedAt);
    if (outcome) deliveries.inc({ outcome });
    if (outcome !== "delivered") logger.info({ delivery: delivery.id, messageId: delivery.messageId, outcome, error: result.error }, "webhook attempt failed");
    // The record's next delivery may be due now.
    if (outcome === "delivered") wake("send");
  };
  const sendStep = async () => {
    if (inFlight.size >= config.concurrency) {
      await Promise.race(inFlight);
      return true;
    }
    const claimed = await claimDue(pool, leaseMs, config.concurrency - inFlight.size);
    for (const delivery of claimed) {
      const running: Promise<void> = attempt(delivery)
        .catch((error) => logger.warn({ err: error, delivery: delivery.id }, "webhook attempt not settled; due again when its lease ends"))
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    return claimed.length > 0;
  };

  const scanExpiry = async () => {
    try {
      const queued = await scheduleExpiryNotices(pool, source);
      if (queued > 0) {
        logger.info({ queued }, "expiry notices queued");
        wake("send");
      }
    } catch (error) {
      logger.warn({ err: error }, "expiry scan failed; next at the next scan");
    }
  };
  const expiryTimer = setInterval(scanExpiry, config.expiryScanMs);
  expiryTimer.unref();

  const loops = [...fanOutSources.map((from) => loop(`fan-out:${from.name}`, fanOutStep(from))), loop("send", sendStep), scanExpiry()];
  logger.info({ concurrency: config.concurrency }, "webhook delivery running");

  return {
    async stop() {
      stopping = true;
      clearInterval(expiryTimer);
      wakeAll();
      await Promise.allSettled(loops);
      await Promise.allSettled(inFlight);
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
