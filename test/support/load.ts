/**
 * Bounded traffic for the fault suite: a few workers send GraphQL requests to
 * 127.0.0.1 one after another until stopped (or a cap is reached), and every
 * answer is sorted: fully answered, partly answered (data and errors),
 * failed, or hung (no answer within the client's own deadline). An answer
 * counts in the phase during which it arrived, so requests caught in flight
 * by a fault count with the fault.
 */

export interface LoadRequest {
  /** Groups the figures and lets a test wait for one kind of request, e.g. "walk". */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface Outcome {
  request: LoadRequest;
  phase: string;
  startedAt: number;
  ms: number;
  /** HTTP status, or "hung" when the client gave up waiting, or "network" when the connection failed. */
  status: number | "hung" | "network";
  data?: any;
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** No errors and data: the whole answer arrived. */
  full: boolean;
  /** The raw answer mentions a stack trace, a source file or an internal address. */
  leaks: boolean;
}

export interface Tally {
  requests: number;
  full: number;
  partial: number;
  failed: number;
  hung: number;
  /** HTTP statuses and error codes (`serviceName` appended), each counted once per answer. */
  statuses: Record<string, number>;
  codes: Record<string, number>;
  leaks: number;
  p50Ms: number;
  maxMs: number;
}

export interface LoadOptions {
  url: string;
  workers: number;
  /** What worker `worker` sends next (it may read state its earlier answers left). */
  next(worker: number): LoadRequest;
  /** Told about every answer before the worker sends again. */
  onOutcome?(worker: number, outcome: Outcome): void;
  /** A request unanswered for this long counts as hung. */
  requestTimeoutMs: number;
  /** Each worker's pause between requests, so fast failures do not turn into a busy loop. */
  pauseMs?: number;
  /** Safety caps: the load stops by itself after this many requests or this long. */
  maxRequests?: number;
  maxMs?: number;
  /** Name of the first phase. */
  phase?: string;
}

export interface Load {
  outcomes: Outcome[];
  /** Answers arriving from now on count under this name. */
  phase(name: string): void;
  /** Resolves with the ms from now until a request of this name, started from now on, is answered in full. */
  firstFullAnswer(name: string, timeoutMs?: number): Promise<number>;
  /** Stops sending, waits for the answers in flight, returns the figures per phase. */
  stop(): Promise<Record<string, Tally>>;
}

// A stack frame, a source path or a loopback address: none of it may reach a client.
const LEAK = /\bat .+:\d+:\d+|\.ts\b|node_modules|stacktrace|127\.0\.0\.1|localhost|ECONN/;

async function send(url: string, request: LoadRequest, timeoutMs: number): Promise<Omit<Outcome, "phase" | "startedAt" | "ms" | "request">> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...request.headers },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: { data?: any; errors?: Outcome["errors"] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: "not JSON", extensions: { code: "NOT_JSON" } }] };
    }
    const errors = body.errors ?? [];
    return { status: response.status, data: body.data, errors, full: response.status === 200 && errors.length === 0 && body.data != null, leaks: LEAK.test(text) };
  } catch (error) {
    const hung = error instanceof Error && error.name === "TimeoutError";
    return { status: hung ? "hung" : "network", errors: [], full: false, leaks: false };
  }
}

export function startLoad(options: LoadOptions): Load {
  const { pauseMs = 10, maxRequests = 20_000, maxMs = 60_000 } = options;
  const outcomes: Outcome[] = [];
  const started = Date.now();
  let phase = options.phase ?? "start";
  let stopped = false;
  const waiters = new Set<(outcome: Outcome) => void>();

  const worker = async (index: number) => {
    while (!stopped && outcomes.length < maxRequests && Date.now() - started < maxMs) {
      const request = options.next(index);
      const outcome = { request, startedAt: Date.now() } as Outcome;
      Object.assign(outcome, await send(options.url, request, options.requestTimeoutMs));
      outcome.ms = Date.now() - outcome.startedAt;
      outcome.phase = phase;
      outcomes.push(outcome);
      options.onOutcome?.(index, outcome);
      for (const waiter of waiters) waiter(outcome);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const running = Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)));

  return {
    outcomes,
    phase(name) {
      phase = name;
    },
    firstFullAnswer(name, timeoutMs = 30_000) {
      const from = Date.now();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no full answer to ${name} within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (outcome: Outcome) => {
          if (outcome.request.name !== name || outcome.startedAt < from || !outcome.full) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(Date.now() - from);
        };
        waiters.add(waiter);
      });
    },
    async stop() {
      stopped = true;
      await running;
      return tallies(outcomes);
    },
  };
}

/** The error codes of one answer, each once, with the service they name: `SUBGRAPH_TIMEOUT(programs)`. */
export function codesOf(outcome: Pick<Outcome, "errors">): string[] {
  const codes = outcome.errors.map((error) => {
    const { code, serviceName } = error.extensions ?? {};
    return serviceName ? `${code}(${serviceName})` : String(code);
  });
  return [...new Set(codes)];
}

function tallies(outcomes: Outcome[]): Record<string, Tally> {
  const byPhase: Record<string, Outcome[]> = {};
  for (const outcome of outcomes) (byPhase[outcome.phase] ??= []).push(outcome);
  return Object.fromEntries(Object.entries(byPhase).map(([phase, list]) => [phase, tally(list)]));
}

export function tally(outcomes: Outcome[]): Tally {
  const result: Tally = { requests: outcomes.length, full: 0, partial: 0, failed: 0, hung: 0, statuses: {}, codes: {}, leaks: 0, p50Ms: 0, maxMs: 0 };
  for (const outcome of outcomes) {
    if (outcome.full) result.full++;
    else if (outcome.status === "hung") result.hung++;
    else if (outcome.data && Object.values(outcome.data).some((value) => value != null)) result.partial++;
    else result.failed++;
    result.statuses[outcome.status] = (result.statuses[outcome.status] ?? 0) + 1;
    for (const code of codesOf(outcome)) result.codes[code] = (result.codes[code] ?? 0) + 1;
    if (outcome.leaks) result.leaks++;
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  result.p50Ms = times[Math.floor(times.length / 2)] ?? 0;
  result.maxMs = times.at(-1) ?? 0;
  return result;
}

/** One line per phase, for the test output. */
export function formatTallies(tallies: Record<string, Tally>): string {
  return formatRows(
    Object.entries(tallies).map(([phase, t]) => ({
      phase,
      requests: t.requests,
      full: t.full,
      partial: t.partial,
      failed: t.failed,
      hung: t.hung,
      "p50 ms": t.p50Ms,
      "max ms": t.maxMs,
      statuses: Object.entries(t.statuses).map(([s, n]) => `${s}:${n}`).join(" "),
      "error codes": Object.entries(t.codes).map(([c, n]) => `${c}:${n}`).join(" ") || "-",
    })),
  );
}

/** A plain text table, columns from the rows' keys. */
export function formatRows(rows: Record<string, string | number>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: Record<string, string | number>, column: string) => String(row[column] ?? "");
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row, column).length)));
  const line = (cells: string[]) => cells.map((text, i) => text.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(columns), ...rows.map((row) => line(columns.map((column) => cell(row, column))))].join("\n");
}
