/**
 * The cost-growth report of `npm run bench`: every query of bench/queries.ts
 * at several dataset sizes, one request at a time and under concurrent load,
 * with SQL statements and CPU per request, disk per 100,000 programs and the
 * peak memory of every process, as markdown.
 */
export interface ModeFigures {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  /** CPU ms per request of our processes (the all-in-one, or gateway + subgraphs) and of PostgreSQL. */
  appCpuMs: number;
  databaseCpuMs: number;
}

export interface QueryAtSize {
  query: string;
  statements: string;
  sequential: ModeFigures;
  concurrent: ModeFigures;
}

export interface SizeResult {
  programs: number;
  institutions: number;
  topology: string;
  databaseBytes: number;
  preparedInSeconds: number;
  /** Time from starting the server process to its /ready answering 200, seconds (migrations and start-up included). */
  readyInSeconds: number;
  queries: QueryAtSize[];
  /** Peak resident memory (VmHWM) per process, MiB. */
  memory: { process: string; mib: number }[];
}

export interface GrowthRun {
  date: string;
  code: string;
  machine: string;
  connections: number;
  budgetSeconds: number;
  loadAverage: [number, number];
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const count = (value: number) => value.toLocaleString("en");
const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);

function growth(results: SizeResult[], query: string, pick: (q: QueryAtSize) => number): string {
  const values = results.map((r) => r.queries.find((q) => q.query === query)).map((q) => (q ? pick(q) : NaN));
  if (values.length < 2) return "—";
  const [before, last] = values.slice(-2);
  return before > 0 ? `${(last / before).toFixed(1)}×` : "—";
}

export function costGrowthReport(results: SizeResult[], run: GrowthRun): string {
  const sizes = results.map((r) => count(r.programs));
  const queries = results[0]?.queries.map((q) => q.query) ?? [];
  const byQuery = (mode: "sequential" | "concurrent", figure: "p50" | "p99") =>
    queries.map((query) => {
      const cells = results.map((r) => {
        const q = r.queries.find((x) => x.query === query);
        return q ? ms(q[mode][figure]) : "—";
      });
      return `| ${query} | ${cells.join(" | ")} | ${growth(results, query, (q) => q[mode][figure])} |`;
    });
  const head = (what: string) => [`| query | ${sizes.map((s) => `${s} ${what}`).join(" | ")} | growth, last size / the one before |`, `| --- | ${sizes.map(() => "---:").join(" | ")} | ---: |`];

  const detail = results.flatMap((r) => [
    `#### ${count(r.programs)} programs (${count(r.institutions)} institutions), ${r.topology}`,
    "",
    `| query | 1 conn p50 ms | 1 conn p99 ms | ${run.connections} conn p50 ms | ${run.connections} conn p99 ms | ${run.connections} conn req/s | SQL statements/request (e,u,p) | CPU ms/request, 1 conn: ours / PostgreSQL | CPU ms/request, ${run.connections} conn: ours / PostgreSQL | requests (1 conn / ${run.connections} conn) | errors |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ...r.queries.map(
      (q) =>
        `| ${q.query} | ${ms(q.sequential.p50)} | ${ms(q.sequential.p99)} | ${ms(q.concurrent.p50)} | ${ms(q.concurrent.p99)} | ${q.concurrent.requestsPerSecond} | ${q.statements} | ${ms(q.sequential.appCpuMs)} / ${ms(q.sequential.databaseCpuMs)} | ${ms(q.concurrent.appCpuMs)} / ${ms(q.concurrent.databaseCpuMs)} | ${q.sequential.requests} / ${q.concurrent.requests} | ${q.sequential.errors + q.concurrent.errors} |`,
    ),
    "",
  ]);

  return `## Cost growth, ${run.date}

- Code: ${run.code}
- Machine: ${run.machine}; load average ${run.loadAverage[0].toFixed(1)} when measuring began, ${run.loadAverage[1].toFixed(1)} when it ended (above ~0.5 on 2 cores, other work shared the machine and the figures are high)
- Datasets: the synthetic dataset (bench/synthetic) at each size, institutions in the full-scale proportion, on an embedded PostgreSQL per size (kept in .data/bench and reused)
- Load: autocannon on 127.0.0.1. "1 conn": one request at a time; "${run.connections} conn": ${run.connections} connections. Requests per measurement: the query's budget in bench/queries.ts, fewer when that would take over ${run.budgetSeconds} s (the count is in the detail tables)
- Uncached: the gateway's response cache is off (RESPONSE_CACHE_MAX_BYTES=0; \`npm run bench:repeated\` measures it on), and each request varies what it asks where the query has a natural parameter (bench/queries.ts \`vary\`: the enterprise, the search text, the page size, the expiry window, maxEdges); the two statistics queries have none and are computed anew every time
- CPU per request: user + system time from /proc of our processes and of PostgreSQL (postmaster and backends), divided by the requests

### Median latency, one request at a time (ms)

${[...head("p50"), ...byQuery("sequential", "p50")].join("\n")}

### Median latency, ${run.connections} connections (ms)

${[...head("p50"), ...byQuery("concurrent", "p50")].join("\n")}

### p99, one request at a time (ms)

${[...head("p99"), ...byQuery("sequential", "p99")].join("\n")}

### Disk, start-up and memory

| programs | database on disk | per 100,000 programs | dataset prepared in | start to /ready | peak memory (VmHWM) |
| ---: | ---: | ---: | ---: | ---: | --- |
${results.map((r) => `| ${count(r.programs)} | ${mib(r.databaseBytes)} MiB | ${mib((r.databaseBytes * 100_000) / r.programs)} MiB | ${r.preparedInSeconds.toFixed(0)} s | ${r.readyInSeconds.toFixed(1)} s | ${r.memory.map((m) => `${m.process} ${m.mib.toFixed(0)} MiB`).join(", ")} |`).join("\n")}

### Details

${detail.join("\n")}`;
}
