/**
 * The peers benchmark's figures as markdown: measurements (medians of the
 * rounds), CPU per request, and ratios. A ratio compares two servers measured
 * one right after the other in the same round, and is the median of those
 * per-round ratios: a burst of other work on the machine during one
 * measurement then moves a single round, not the result.
 */
import { createRequire } from "node:module";
import { WARMUP_REQUESTS, median, medianMeasurement, type Measurement } from "./load";

/** ours: our gateway over HTTP to the subgraph processes; colocated: our gateway with the subgraphs in its process (`npm start`). */
export type Contender = "ours" | "colocated" | "hive" | "lower";

export const CONTENDERS: Contender[] = ["colocated", "ours", "hive", "lower"];
const LABEL: Record<Contender, string> = { colocated: "ours co-located", ours: "ours HTTP", hive: "Hive", lower: "lower bound" };

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
    `| query | requests | ${CONTENDERS.map((c) => `${LABEL[c]} req/s | ${LABEL[c]} median ms | ${LABEL[c]} p99 ms`).join(" | ")} | errors (${CONTENDERS.map((c) => LABEL[c]).join("/")}) | same data |`,
    `| --- | ---: | ${CONTENDERS.map(() => "---: | ---: | ---:").join(" | ")} | ---: | :---: |`,
  ];
  const cpu = [
    `| query | ${CONTENDERS.map((c) => LABEL[c]).join(" | ")} | subgraphs, under ours HTTP | subgraphs, under Hive | ${CONTENDERS.map((c) => `PostgreSQL, under ${LABEL[c]}`).join(" | ")} | gateway ours HTTP/Hive |`,
    `| --- | ${CONTENDERS.map(() => "---:").join(" | ")} | ---: | ---: | ${CONTENDERS.map(() => "---:").join(" | ")} | ---: |`,
  ];
  const ratios = [
    "| query | req/s co-located/Hive | req/s HTTP/Hive | req/s co-located/lower bound | req/s HTTP/lower bound | median co-located/Hive | median HTTP/Hive | median co-located/lower bound | median HTTP/lower bound |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const RATIOS: [Contender, Contender, Figure][] = [
    ["colocated", "hive", "requestsPerSecond"],
    ["ours", "hive", "requestsPerSecond"],
    ["colocated", "lower", "requestsPerSecond"],
    ["ours", "lower", "requestsPerSecond"],
    ["colocated", "hive", "p50"],
    ["ours", "hive", "p50"],
    ["colocated", "lower", "p50"],
    ["ours", "lower", "p50"],
  ];
  for (const row of rows) {
    const { query, requests, sameData } = row;
    const f = Object.fromEntries(CONTENDERS.map((c) => [c, medianOfRuns(row.runs[c])])) as Record<Contender, PeerMeasurement>;
    const paired = (a: Contender, b: Contender, figure: Figure) => pairedRatio(row, a, b, figure).toFixed(2);
    const cells = CONTENDERS.flatMap((c) => [f[c].requestsPerSecond, f[c].p50, f[c].p99]);
    figures.push(`| ${query} | ${requests} | ${cells.join(" | ")} | ${CONTENDERS.map((c) => f[c].errors).join("/")} | ${sameData ? "yes" : "**no**"} |`);
    const ms = (value: number) => value.toFixed(1);
    cpu.push(
      `| ${query} | ${CONTENDERS.map((c) => ms(f[c].cpuMs)).join(" | ")} | ${ms(f.ours.subgraphCpuMs)} | ${ms(f.hive.subgraphCpuMs)} | ${CONTENDERS.map((c) => ms(f[c].databaseCpuMs)).join(" | ")} | ${paired("ours", "hive", "cpuMs")} |`,
    );
    ratios.push(`| ${query} | ${RATIOS.map(([a, b, figure]) => paired(a, b, figure)).join(" | ")} |`);
  }
  const mean = (a: Contender, b: Contender, figure: Figure) => geometricMean(rows.map((row) => pairedRatio(row, a, b, figure))).toFixed(2);
  ratios.push(`| **geometric mean** | ${RATIOS.map(([a, b, figure]) => `**${mean(a, b, figure)}**`).join(" | ")} |`);
  const headline = [
    `- req/s, ours co-located / Hive: **${mean("colocated", "hive", "requestsPerSecond")}**`,
    `- req/s, ours HTTP / Hive: **${mean("ours", "hive", "requestsPerSecond")}**`,
    `- median latency, ours co-located / lower bound: **${mean("colocated", "lower", "p50")}**; ours HTTP / lower bound: **${mean("ours", "lower", "p50")}**`,
  ].join("\n");

  return `## ${run.title}

- Date: ${run.date}
- Code: ${run.code}
- Machine: ${run.machine}
- Dataset: ${run.dataset} (synthetic, bench/synthetic), on one scratch PostgreSQL
- Load: autocannon on 127.0.0.1, ${run.connections} connections, a fixed number of requests per query after ${WARMUP_REQUESTS} warm-up requests; the four servers take turns query by query, ${run.rounds === 1 ? "1 round" : `${run.rounds} rounds in rotating order, each figure the median of the rounds`}; machine load average ${run.loadAverage[0].toFixed(1)} when measuring began, ${run.loadAverage[1].toFixed(1)} when it ended
- ours HTTP: @apollo/gateway ${version("@apollo/gateway")} (scripts/start-gateway.ts), one Node process, rate limit off, calling the subgraph processes over HTTP
- ours co-located: the same gateway with the three subgraphs in its own process, called in process (scripts/start.ts, SUBGRAPH_TRANSPORT=local, as \`npm start\`): one Node process with pools of its own on the same database; its CPU includes the subgraphs' work
- Hive: @graphql-hive/gateway ${version("@graphql-hive/gateway")} (bench/hive/gateway.ts), one Node process, inbound and outbound request deduplication off, no usage reporting
- ours HTTP and Hive serve supergraph.graphql and call the same three subgraph processes over HTTP, every call signed with INTERNAL_SECRET
- lower bound: the same data read with direct SQL across the three schemas through one pg Pool and serialised to JSON by a node:http server (bench/lower-bound/)
- All processes (autocannon, the server measured, the three subgraphs, PostgreSQL) share the machine's cores, so requests per second and latency measure the whole system; the CPU table says what each part costs
- "same data": the co-located one's, Hive's and the lower bound's \`data\` are deep-equal to ours for that query
- Peak memory of the front process: ${CONTENDERS.map((c) => `${LABEL[c]} ${run.memory[c].toFixed(0)} MiB`).join(", ")} (co-located: subgraphs included)

### Geometric means

${headline}

### Figures

${figures.join("\n")}

### CPU per request

Milliseconds of CPU (user + system, from /proc) per request, warm-up included: the process measured (ours co-located, subgraphs included; ours HTTP; Hive; lower bound), the three subgraph processes together, and PostgreSQL (postmaster and backends) while it was measured. Unlike throughput, this hardly depends on what else the machine is doing. Geometric mean of gateway CPU ours/Hive (per-round ratios, as below): **${mean("ours", "hive", "cpuMs")}**.

${cpu.join("\n")}

### Ratios

Each ratio is the median over the rounds of the two servers' figures measured back to back. Requests per second: above 1 means ours serves more. Median latency: below 1 means ours answers sooner.

${ratios.join("\n")}
`;
}
