/**
 * How the gateway hears of writes: one PostgreSQL connection per database
 * the subgraphs write to, LISTENing on the channel their tables notify on
 * (shared/database/change-notifications.ts). Each notification names the
 * subgraph that committed; its cached answers go at once.
 *
 * The cache is on only while every connection listens. When one is lost
 * (the server restarted, the backend was terminated, the network went
 * quiet: a ping every few seconds finds out) writes may go unheard, so the
 * cache empties itself and stays off until all listen again. No server of
 * our own is needed: every gateway replica listens for itself.
 *
 * Before a hit is served, `confirm()` makes one round trip on every
 * connection (shared by all hits waiting at the time). A committing backend
 * signals the listening backends before it tells its own client the commit
 * is done, and a listening backend sends the notifications it was signalled
 * for before it answers the next statement it reads. So once the round trip
 * is back, every write committed before the request arrived has been heard
 * of, however busy the machine: no reader, on no replica, is ever answered
 * from before a write it could know of (the writer's next read included).
 */
import pg from "pg";
import { CHANGES_CHANNEL } from "../../shared/database/change-notifications";
import type { Logger } from "../../shared/logger";
import type { ResponseCache } from "./store";

export interface ListenOptions {
  /** How often an idle connection is asked `SELECT 1`, to notice a silent network; and how long it may take. */
  pingMs?: number;
  /** The first wait before reconnecting, doubled up to 5 s while it fails. */
  retryMs?: number;
}

export interface ChangeListener {
  /** Resolves once every notification committed before the call has been applied (or listening was lost). */
  confirm(): Promise<void>;
  stop(): Promise<void>;
}

export function listenForChanges(databaseUrls: readonly string[], cache: ResponseCache, logger: Logger, options: ListenOptions = {}): ChangeListener {
  const pingMs = options.pingMs ?? 5000;
  /** A connection that cannot answer a trivial statement within this long is given up (cache off, reconnect). */
  const answerMs = 2000;
  const firstRetryMs = options.retryMs ?? 100;
  const listening = new Set<number>();
  const clients = new Map<number, pg.Client>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const connect = (index: number, retryMs: number) => {
    if (stopped) return;
    const client = new pg.Client({
      connectionString: databaseUrls[index],
      application_name: "partnergraph-gateway-changes",
      keepAlive: true,
      connectionTimeoutMillis: answerMs,
      query_timeout: answerMs,
    });
    clients.set(index, client);
    let lost = false;
    let ping: NodeJS.Timeout | undefined;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (ping) clearInterval(ping);
      const wasListening = listening.delete(index);
      // Off before anything else can be served: from here on a write may go unheard.
      cache.disable();
      client.end().catch(() => undefined);
      if (stopped) return;
      if (wasListening) logger.warn({ database: index, reason: error?.message }, "response cache off: lost the connection that hears of writes; reconnecting");
      const timer = setTimeout(() => {
        timers.delete(timer);
        connect(index, wasListening ? firstRetryMs : Math.min(retryMs * 2, 5000));
      }, retryMs);
      timers.add(timer);
    };
    client.on("error", onLost);
    client.on("end", () => onLost(new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) cache.invalidate(message.payload);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANGES_CHANNEL}`))
      .then(() => {
        if (lost || stopped) return;
        listening.add(index);
        ping = setInterval(() => client.query("SELECT 1").catch(onLost), pingMs);
        ping.unref();
        if (listening.size === databaseUrls.length) {
          cache.enable();
          logger.info({ databases: databaseUrls.length }, "response cache on: listening for writes");
        }
      })
      .catch(onLost);
  };

  // Callers waiting for a round trip that starts after they asked; one round trip serves them all.
  let waiting: (() => void)[] = [];
  let confirming = false;
  const roundTrips = async () => {
    confirming = true;
    while (waiting.length) {
      const batch = waiting;
      waiting = [];
      const live = [...listening].map((index) => clients.get(index)!);
      // A failure is a lost connection: its handler has turned the cache off, so no hit follows.
      await Promise.all(live.map((client) => client.query(";").catch(() => undefined)));
      for (const resolve of batch) resolve();
    }
    confirming = false;
  };

  cache.disable();
  databaseUrls.forEach((_, index) => connect(index, firstRetryMs));
  return {
    confirm() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!confirming) void roundTrips();
      });
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all([...clients.values()].map((client) => client.end().catch(() => undefined)));
      cache.disable();
    },
  };
}
