/**
 * `npm run bench`: how the cost of each dashboard query (bench/queries.ts)
 * grows with the data. For each dataset size (by default 10,000, 100,000, ...
 * up to --programs; full scale is 100,000), on the dataset kept on disk for
 * that size (bench/datasets-on-disk.ts: generated once, reused after), it
 * starts the server, times start-up to /ready, and measures every query one
 * request at a time and under --connections connections: median and p99
 * latency, SQL statements per request, CPU per request of our processes and
 * of PostgreSQL; then disk per 100,000 programs and the peak memory of every
 * process. Load goes to 127.0.0.1 only. Writes bench/results/cost-growth.md.
 *
 * Options: --programs N (largest size, default 100000), --sizes A,B,C (instead
 * of the decades up to --programs), --connections N (default 8),
 * --budget-seconds S (longest measurement of one query in one mode, default
 * 15: heavy queries at 1,000,000 programs get fewer requests than their
 * budget), --topology co-located|http|both (default co-located: the gateway
 * calls the subgraphs in process), --data-dir DIR (default .data/bench),
 * --output FILE.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { costGrowthReport, type ModeFigures, type QueryAtSize, type SizeResult } from "../bench/cost-growth";
import { describeDataset } from "../bench/dataset";
import { DEFAULT_BENCH_DATA_DIR, openDataset } from "../bench/datasets-on-disk";
import { measure, measureSequential, post, warmUp, type Measurement } from "../bench/load";
import { codeVersion, machineDescription, runDate } from "../bench/machine";
import { BENCH_QUERIES, type BenchQuery } from "../bench/queries";
import { benchEnvironment, cpuSeconds, peakMemoryMiB, postgresMemory, postmasterPid, processTreeCpuSeconds, startCoLocated, startFrontService, startHttpSubgraphs, stopServices, type Env, type Service } from "../bench/services";
import { startStack } from "../shared/stack";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: "100000" },
    sizes: { type: "string" },
    connections: { type: "string", default: "8" },
    "budget-seconds": { type: "string", default: "15" },
    topology: { type: "string", default: "co-located" },
    "data-dir": { type: "string", default: DEFAULT_BENCH_DATA_DIR },
    output: { type: "string", default: "bench/results/cost-growth.md" },
  },
});
const largest = Number(values.programs);
/** 10,000, 100,000, ... below the largest size, then the largest. */
function decadesUpTo(programs: number): number[] {
  const sizes: number[] = [];
  for (let n = 10_000; n < programs; n *= 10) sizes.push(n);
  return [...sizes, programs];
}
const sizes = values.sizes ? values.sizes.split(",").map(Number) : decadesUpTo(largest);
const connections = Number(values.connections);
const budgetSeconds = Number(values["budget-seconds"]);
const topologies = values.topology === "both" ? (["co-located", "http"] as const) : [values.topology as "co-located" | "http"];
if (!sizes.every((n) => Number.isInteger(n) && n > 0) || !(connections > 0) || !(budgetSeconds > 0) || !topologies.every((t) => t === "co-located" || t === "http")) {
  console.error("usage: npm run bench -- [--programs N | --sizes A,B,C] [--connections N] [--budget-seconds S] [--topology co-located|http|both]");
  process.exit(2);
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** SQL statements each subgraph runs for one request of each query (in process, exact counters). */
async function countStatements(env: Env): Promise<Map<string, string>> {
  const config = readConfig({ ...env, GATEWAY_PORT: "0", ENTERPRISES_PORT: "0", UNIVERSITIES_PORT: "0", PROGRAMS_PORT: "0", LOG_LEVEL: "silent" });
  const stack = await startStack(config);
  const counts = new Map<string, string>();
  try {
    for (const query of BENCH_QUERIES) {
      await post(stack.gatewayUrl, query); // warm caches and query plans
      const before = SUBGRAPH_NAMES.map((n) => stack.subgraphs[n].dataSource.statements.count);
      await post(stack.gatewayUrl, query);
      const used = SUBGRAPH_NAMES.map((n, i) => stack.subgraphs[n].dataSource.statements.count - before[i]);
      counts.set(query.name, `${used.reduce((a, b) => a + b, 0)} (${SUBGRAPH_NAMES.map((n, i) => `${n[0]}${used[i]}`).join(" ")})`);
    }
  } finally {
    await stack.stop();
  }
  return counts;
}

interface Topology {
  name: string;
  services: Service[];
  gatewayUrl: string;
  /** From spawning the processes to /ready answering 200. */
  readyInSeconds: number;
}

async function startTopology(kind: "co-located" | "http", env: Env): Promise<Topology> {
  const started = Date.now();
  if (kind === "http") {
    const subgraphs = await startHttpSubgraphs(env);
    const gateway = await startFrontService("gateway", "scripts/start-gateway.ts", subgraphs.env).catch(async (error) => {
      await stopServices(subgraphs.services);
      throw error;
    });
    return { name: "HTTP (four processes)", services: [...subgraphs.services, gateway.service], gatewayUrl: gateway.url, readyInSeconds: (Date.now() - started) / 1000 };
  }
  const allInOne = await startCoLocated(env);
  return { name: "co-located (one process, subgraphs called in process)", services: [allInOne.service], gatewayUrl: allInOne.url, readyInSeconds: (Date.now() - started) / 1000 };
}

/** A measurement with the CPU our processes and PostgreSQL spent per request. */
async function withCpu(topology: Topology, postmaster: number, requests: number, run: () => Promise<Measurement>): Promise<ModeFigures> {
  const cpu = () => [topology.services.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0), processTreeCpuSeconds(postmaster)];
  const before = cpu();
  const measurement = await run();
  const after = cpu();
  const [appCpuMs, databaseCpuMs] = after.map((value, i) => ((value - before[i]) * 1000) / requests);
  return { ...measurement, requests, appCpuMs, databaseCpuMs };
}

async function measureQuery(topology: Topology, postmaster: number, query: BenchQuery, statements: string): Promise<QueryAtSize> {
  const latencyMs = await warmUp(topology.gatewayUrl, query, 5, true);
  const fitting = (parallelism: number, least: number) => Math.max(least, Math.min(query.requests, Math.floor((budgetSeconds * 1000 * parallelism) / Math.max(latencyMs, 0.1))));
  const sequentialRequests = fitting(1, 10);
  const sequential = await withCpu(topology, postmaster, sequentialRequests, () => measureSequential(topology.gatewayUrl, query, sequentialRequests, true));
  // Two cores: more connections than that do not make the work go faster, so budget about twice the sequential rate.
  const concurrentRequests = fitting(2, connections * 3);
  const concurrent = await withCpu(topology, postmaster, concurrentRequests, () => measure(topology.gatewayUrl, query, { connections, warmup: 0, requests: concurrentRequests, varied: true }));
  log(
    `  ${query.name}: 1 conn p50 ${sequential.p50} ms p99 ${sequential.p99} ms (${sequentialRequests} requests), ${connections} conn p50 ${concurrent.p50} ms p99 ${concurrent.p99} ms ${concurrent.requestsPerSecond} req/s (${concurrentRequests}); CPU ms/request ours ${sequential.appCpuMs.toFixed(1)} PostgreSQL ${sequential.databaseCpuMs.toFixed(1)}; SQL ${statements}`,
  );
  return { query: query.name, statements, sequential, concurrent };
}

const loadBefore = os.loadavg()[0];
const results: SizeResult[] = [];
const benchStarted = Date.now();
for (const programs of sizes) {
  const dataset = await openDataset(values["data-dir"], programs, log);
  try {
    log(`\n${describeDataset(dataset.size)}: ${(dataset.databaseBytes / 1024 ** 2).toFixed(0)} MiB on disk, prepared in ${dataset.preparedInSeconds.toFixed(1)} s`);
    const env = benchEnvironment(dataset.postgres.url);
    const statements = await countStatements(env);
    const postmaster = postmasterPid(dataset.postgres.dataDir);
    for (const kind of topologies) {
      const topology = await startTopology(kind, env);
      try {
        log(`${topology.name}: ready in ${topology.readyInSeconds.toFixed(1)} s`);
        const queries: QueryAtSize[] = [];
        for (const query of BENCH_QUERIES) queries.push(await measureQuery(topology, postmaster, query, statements.get(query.name) ?? "—"));
        const database = postgresMemory(postmaster);
        results.push({
          programs,
          institutions: dataset.size.enterprises + dataset.size.universities,
          topology: topology.name,
          databaseBytes: dataset.databaseBytes,
          preparedInSeconds: dataset.preparedInSeconds,
          readyInSeconds: topology.readyInSeconds,
          queries,
          memory: [
            ...topology.services.map((s) => ({ process: s.name, mib: peakMemoryMiB(s.child.pid!) })),
            { process: "PostgreSQL postmaster", mib: database.postmaster },
            { process: `largest of ${database.backends} PostgreSQL backends (shared buffers it touched included)`, mib: database.largestBackend },
            { process: "benchmark driver (autocannon, and the in-process stack that counts statements)", mib: process.resourceUsage().maxRSS / 1024 },
          ],
        });
      } finally {
        await stopServices(topology.services);
      }
    }
  } finally {
    await dataset.postgres.stop();
  }
}

const report = costGrowthReport(results, {
  date: runDate(),
  code: codeVersion(),
  machine: machineDescription(),
  connections,
  budgetSeconds,
  loadAverage: [loadBefore, os.loadavg()[0]],
});
log(`\n${report}`);
fs.mkdirSync(path.dirname(values.output), { recursive: true });
fs.writeFileSync(values.output, report);
log(`written to ${values.output} (${((Date.now() - benchStarted) / 60_000).toFixed(1)} minutes in all)`);
