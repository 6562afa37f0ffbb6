/**
 * Cancels, in PostgreSQL, the statements of a request its caller has given
 * up on (the gateway's SUBGRAPH_TIMEOUT_MS). Each request runs inside
 * `runCancellable` with its signal; every connection the pool hands out while
 * it runs is marked as that request's, so when the signal fires the
 * statement running on it is cancelled (PostgreSQL's cancel protocol, on a
 * connection of its own: it works when the pool is exhausted) and the
 * request's later statements are refused before they reach the server.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/** What is known of the request a statement runs for. */
interface CancellableRequest {
  signal: AbortSignal;
}

const requests = new AsyncLocalStorage<CancellableRequest>();

/** Runs `work` (a request's execution) so that its statements stop when `signal` fires. */
export function runCancellable<T>(signal: AbortSignal, work: () => T): T {
  return requests.run({ signal }, work);
}

/** The signal of the request running now, if any: a bulkhead drops queued work of an abandoned request. */
export function currentRequestSignal(): AbortSignal | undefined {
  return requests.getStore()?.signal;
}

export class RequestAbandonedError extends Error {
  override name = "RequestAbandonedError";
  constructor() {
    super("The caller gave up on this request; its statements are not run.");
  }
}

/** pg's Client with the (undocumented but stable) fields its own `cancel` reads. */
interface PgClient extends pg.Client {
  processID?: number;
  activeQuery?: unknown;
  host: string;
  port: number;
  /** The request whose statements this connection runs while the pool has lent it. */
  lentTo?: CancellableRequest;
}

type Release = (error?: Error | boolean) => void;
type ConnectCallback = (error: Error | undefined, client: PgClient | undefined, release: Release) => void;

/** Sends PostgreSQL's cancel request for the statement the client is running now (no-op when idle). */
function cancelStatement(client: PgClient): void {
  if (!client.activeQuery) return;
  const canceller = new pg.Client({ host: client.host, port: client.port }) as unknown as { cancel(client: unknown, query: unknown): void; connection: { on(event: string, listener: () => void): void } };
  // The server closes the cancel connection itself; an error on it only means there was nothing left to cancel.
  canceller.connection.on("error", () => undefined);
  canceller.cancel(client, client.activeQuery);
}

const guarded = new WeakSet<PgClient>();

/** Refuses statements on a connection lent to a request that has been given up on. */
function guardQueries(client: PgClient): void {
  if (guarded.has(client)) return;
  guarded.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    // ROLLBACK still goes through: a connection must not return to the pool inside a transaction.
    if (client.lentTo?.signal.aborted && !(typeof args[0] === "string" && /^\s*ROLLBACK/i.test(args[0]))) {
      const callback = args.find((arg) => typeof arg === "function") as ((error: Error) => void) | undefined;
      if (callback) return void process.nextTick(callback, new RequestAbandonedError());
      return Promise.reject(new RequestAbandonedError());
    }
    return query(...args);
  };
}

/**
 * Wraps the pool TypeORM draws its connections from (its driver's `master`),
 * once, after the DataSource is initialized.
 */
export function cancelAbandonedStatements(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
  (pool as unknown as { connect: (callback?: ConnectCallback) => unknown }).connect = (callback?: ConnectCallback) => {
    if (!callback) return new Promise((resolve, reject) => connect((error, client) => (error ? reject(error) : resolve(client))));
    // Read where the request asks for a connection: the pool may hand it over from another request's release.
    const request = requests.getStore();
    if (request?.signal.aborted) return void process.nextTick(callback, new RequestAbandonedError(), undefined, () => undefined);
    connect((error, client, release) => {
      if (error || !client) return callback(error, client, release);
      // Set on every loan, to nothing outside a request: a loan returned by `client.release()` is never left marked.
      client.lentTo = request;
      if (!request) return callback(undefined, client, release);
      guardQueries(client);
      const cancel = () => cancelStatement(client);
      request.signal.addEventListener("abort", cancel, { once: true });
      callback(undefined, client, (releaseError) => {
        request.signal.removeEventListener("abort", cancel);
        client.lentTo = undefined;
        release(releaseError);
      });
    });
  };
}
