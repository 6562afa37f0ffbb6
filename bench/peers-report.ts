/**
 * The peers benchmark's figures as markdown: measurements (medians of the
 * rounds), CPU per request, and ratios. A ratio compares two servers measured
 * one right after the other in the same round, and is the median of those
 * per-round ratios: a burst of other work on the machine during one
 * measurement then moves a single round, not the result.
 */
import { createRequire } from "node:module";
import { WARMUP_REQUESTS, median, medianMeasurement, type Measurement } from "./load";

export type Contender = "ours" | "hive" | "lower";

/** A measurement with the CPU time spent per request by the server measured and by the three subgraphs. */
export interface PeerMeasurement extends Measurement {
  cpuMs: number;
  subgraphCpuMs: number;
  databaseCpuMs: number;
}

export interface PeerRow {
  query: string;
  requests: number;
  /** One measurement per round for each server, in round order. */
  runs: Record<Contender, PeerMeasurement[]>;
  /** Whether Hive and the lower bound answered with exactly our data. */
  sameData: boolean;
}

export interface RunDescription {
  title: string;
  date: string;
  /** The commit measured. */
  code: string;
  machine: string;
  dataset: string;
  connections: number;
  rounds: number;
  /** One-minute load average of the machine when measuring began and ended: other work disturbs the figures. */
  loadAverage: [number, number];
  /** Peak resident memory of each front process, MiB. */
  memory: Record<Contender, number>;
}

const require = createRequire(import.meta.url);
const version = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;


function medianOfRuns(runs: PeerMeasurement[]): PeerMeasurement {
  return {
    ...medianMeasurement(runs),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    subgraphCpuMs: median(runs.map((r) => r.subgraphCpuMs)),
    databaseCpuMs: median(runs.map((r) => r.databaseCpuMs)),
  };
}

type Figure = "requestsPerSecond" | "p50" | "cpuMs";

/** The median over the rounds of a/b, each round's two measurements taken one after the other. */
function pairedRatio(row: PeerRow, a: Contender, b: Contender, figure: Figure): number {
  return median(row.runs[a].map((run, i) => run[figure] / row.runs[b][i][figure]));
}

/** Geometric mean: the fair average of ratios. */
function geometricMean(values: number[]): number {
  const usable = values.filter((v) => v > 0 && Number.isFinite(v));
  return usable.length ? Math.exp(usable.reduce((sum, v) => sum + Math.log(v), 0) / usable.length) : 0;
}

export function comparePeers(rows: PeerRow[], run: RunDescription): string {
  const figures = [
    "| query | requests | ours req/s | ours median ms | ours p99 ms | Hive req/s | Hive median ms | Hive p99 ms | lower bound req/s | lower bound median ms | lower bound p99 ms | errors (ours/Hive/lower) | same data |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
  ];
  const cpu = [
    "| query | ours | Hive | lower bound | subgraphs, under ours | subgraphs, under Hive | PostgreSQL, under ours | PostgreSQL, under Hive | PostgreSQL, under lower bound | gateway ours/Hive |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const ratios = [
    "| query | req/s ours/Hive | req/s ours/lower bound | median ours/Hive | median ours/lower bound |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const { query, requests, sameData } = row;
    const f = { ours: medianOfRuns(row.runs.ours), hive: medianOfRuns(row.runs.hive), lower: medianOfRuns(row.runs.lower) };
    const paired = (a: Contender, b: Contender, figure: Figure) => pairedRatio(row, a, b, figure).toFixed(2);
    const cells = (["ours", "hive", "lower"] as const).flatMap((c) => [f[c].requestsPerSecond, f[c].p50, f[c].p99]);
    figures.push(`| ${query} | ${requests} | ${cells.join(" | ")} | ${f.ours.errors}/${f.hive.errors}/${f.lower.errors} | ${sameData ? "yes" : "**no**"} |`);
    const ms = (value: number) => value.toFixed(1);
    cpu.push(
      `| ${query} | ${ms(f.ours.cpuMs)} | ${ms(f.hive.cpuMs)} | ${ms(f.lower.cpuMs)} | ${ms(f.ours.subgraphCpuMs)} | ${ms(f.hive.subgraphCpuMs)} | ${ms(f.ours.databaseCpuMs)} | ${ms(f.hive.databaseCpuMs)} | ${ms(f.lower.databaseCpuMs)} | ${paired("ours", "hive", "cpuMs")} |`,
    );
    ratios.push(
      `| ${query} | ${paired("ours", "hive", "requestsPerSecond")} | ${paired("ours", "lower", "requestsPerSecond")} | ${paired("ours", "hive", "p50")} | ${paired("ours", "lower", "p50")} |`,
    );
  }
  const mean = (a: Contender, b: Contender, figure: Figure) => geometricMean(rows.map((row) => pairedRatio(row, a, b, figure))).toFixed(2);
  ratios.push(`| **geometric mean** | **${mean("ours", "hive", "requestsPerSecond")}** | **${mean("ours", "lower", "requestsPerSecond")}** | **${mean("ours", "hive", "p50")}** | **${mean("ours", "lower", "p50")}** |`);

  return `## ${run.title}

- Date: ${run.date}
- Code: ${run.code}
- Machine: ${run.machine}
- Dataset: ${run.dataset} (synthetic, bench/synthetic), on one scratch PostgreSQL
- Load: autocannon on 127.0.0.1, ${run.connections} connections, a fixed number of requests per query after ${WARMUP_REQUESTS} warm-up requests; the three servers take turns query by query, ${run.rounds === 1 ? "1 round" : `${run.rounds} rounds in rotating order, each figure the median of the rounds`}; machine load average ${run.loadAverage[0].toFixed(1)} when measuring began, ${run.loadAverage[1].toFixed(1)} when it ended
- ours: @apollo/gateway ${version("@apollo/gateway")} (scripts/start-gateway.ts), one Node process, rate limit off
- Hive: @graphql-hive/gateway ${version("@graphql-hive/gateway")} (bench/hive/gateway.ts), one Node process, inbound and outbound request deduplication off, no usage reporting
- Both gateways serve supergraph.graphql and call the same three subgraph processes over HTTP, every call signed with INTERNAL_SECRET
- lower bound: the same data read with direct SQL across the three schemas through one pg Pool and serialised to JSON by a node:http server (bench/lower-bound/)
- All processes (autocannon, the server measured, the three subgraphs, PostgreSQL) share the machine's cores, so requests per second and latency measure the whole system; the CPU table says what each part costs
- "same data": Hive's and the lower bound's \`data\` are deep-equal to ours for that query
- Peak memory of the front process: ours ${run.memory.ours.toFixed(0)} MiB, Hive ${run.memory.hive.toFixed(0)} MiB, lower bound ${run.memory.lower.toFixed(0)} MiB

### Figures

${figures.join("\n")}

### CPU per request

Milliseconds of CPU (user + system, from /proc) per request, warm-up included: the process measured (ours, Hive, lower bound), the three subgraph processes together, and PostgreSQL (postmaster and backends) while it was measured. Unlike throughput, this hardly depends on what else the machine is doing. Geometric mean of gateway CPU ours/Hive (per-round ratios, as below): **${mean("ours", "hive", "cpuMs")}**.

${cpu.join("\n")}

### Ratios

Each ratio is the median over the rounds of the two servers' figures measured back to back. Requests per second: above 1 means ours serves more. Median latency: below 1 means ours answers sooner.

${ratios.join("\n")}
`;
}
