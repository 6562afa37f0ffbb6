/**
 * Load for the benchmarks: autocannon against 127.0.0.1 with a fixed number
 * of requests per query (not a fixed duration), after a warm-up, so every
 * server is measured on the same work.
 */
import autocannon from "autocannon";
import type { BenchQuery } from "./queries";

export interface Measurement {
  requestsPerSecond: number;
  /** Latency in milliseconds. */
  p50: number;
  p99: number;
  /** Transport errors, timeouts and non-2xx answers. */
  errors: number;
}

/** The request body; the n-th request's own variables when `n` is given and the query varies them. */
export function requestBody(query: BenchQuery, n?: number): string {
  return JSON.stringify({ query: query.query, variables: n !== undefined && query.vary ? query.vary(n) : query.variables });
}

/** The query as its n-th varied request sends it. */
function nthRequest(query: BenchQuery, n: number | undefined): BenchQuery {
  return n !== undefined && query.vary ? { ...query, variables: query.vary(n) } : query;
}

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(hostname)) throw new Error(`benchmark load goes to 127.0.0.1 only, not ${hostname}`);
}

/** One request; returns the answer's `data`, throws on GraphQL errors. */
export async function post(url: string, query: BenchQuery): Promise<unknown> {
  assertLoopback(url);
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: requestBody(query) });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${query.name}: HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (body.errors || !response.ok) throw new Error(`${query.name} failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

export interface LoadOptions {
  connections: number;
  /** Sequential requests before measuring (JIT, caches, query plans, connection pools). */
  warmup?: number;
  /** Requests measured (default: the query's own budget). */
  requests?: number;
  /** Vary each request's variables (BenchQuery.vary), so no two requests in a row are the same. */
  varied?: boolean;
}

export const WARMUP_REQUESTS = 20;

export async function measure(url: string, query: BenchQuery, { connections, warmup = WARMUP_REQUESTS, requests = query.requests, varied = false }: LoadOptions): Promise<Measurement> {
  assertLoopback(url);
  for (let i = 0; i < warmup; i++) await post(url, nthRequest(query, varied ? i : undefined));
  let sent = 0;
  const variedRequests: autocannon.Request[] | undefined =
    varied && query.vary ? [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: requestBody(query, sent++) }) }] : undefined;
  // autocannon reports its duration only to the next whole second (it stops on a 1 s tick), which
  // would round short runs badly: time the run from its start to the last response instead.
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      { url, method: "POST", headers: { "content-type": "application/json" }, body: requestBody(query), requests: variedRequests, connections, amount: requests, timeout: 30 },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    run.on("response", () => (lastResponse = performance.now()));
  });
  const seconds = (lastResponse - started) / 1000;
  return {
    requestsPerSecond: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Several runs of one measurement as one: the median of each figure, and every error. */
export function medianMeasurement(runs: Measurement[]): Measurement {
  return {
    requestsPerSecond: Math.round(median(runs.map((r) => r.requestsPerSecond)) * 10) / 10,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** Requests one at a time, each timed from sending to the end of its answer: latency with no queueing at all. */
export async function measureSequential(url: string, query: BenchQuery, requests: number, varied = false): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let n = 0; n < requests; n++) {
    const sent = performance.now();
    try {
      await post(url, nthRequest(query, varied ? n : undefined));
    } catch {
      errors++;
    }
    latencies.push(performance.now() - sent);
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { requestsPerSecond: Math.round((requests / seconds) * 10) / 10, p50: Math.round(median(sorted) * 10) / 10, p99: Math.round(percentile(99) * 10) / 10, errors };
}

/**
 * Warms a query up (JIT, plans, pools) with up to `WARMUP_REQUESTS` requests or
 * about `seconds` of them, whichever comes first (at least 2), and returns the
 * median latency of the warm ones in ms: what a request costs, to size a
 * measurement to a time budget.
 */
export async function warmUp(url: string, query: BenchQuery, seconds = 5, varied = false): Promise<number> {
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < 2 || (latencies.length < WARMUP_REQUESTS && performance.now() - started < seconds * 1000)) {
    const sent = performance.now();
    await post(url, nthRequest(query, varied ? latencies.length : undefined));
    latencies.push(performance.now() - sent);
  }
  return median(latencies.slice(1));
}
