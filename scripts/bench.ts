/**
 * `npm run bench`: the dashboard queries (bench/queries.ts) at full scale
 * (3,000 enterprises, 7,000 universities, 100,000 programs), on both
 * topologies: everything in one process with subgraphs called in process,
 * and four processes talking HTTP. Prints, per query, requests per second,
 * median and p99 latency and SQL statements per request, and the peak memory
 * of every process. Load goes to 127.0.0.1 only, with a fixed request budget.
 *
 * Options: --programs N (smaller datasets for a quick look), --connections N.
 */
import "reflect-metadata";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { freePort, startScratchPostgres } from "../shared/database/scratch-postgres";
import { datasetSize, prepareDatabase } from "../bench/dataset";
import { measure, post, type Measurement } from "../bench/load";
import { machineDescription } from "../bench/machine";
import { BENCH_QUERIES } from "../bench/queries";
import { benchEnvironment, peakMemoryMiB, postmasterPid, spawnService, startFrontService, startHttpSubgraphs, stopServices, waitUntilReady, type Env, type Service } from "../bench/services";
import { FULL_SIZE } from "../bench/synthetic/generate";
import { startStack } from "../shared/stack";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: String(FULL_SIZE.programs) },
    connections: { type: "string", default: "8" },
  },
});
const size = datasetSize(Number(values.programs));
const connections = Number(values.connections);

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
  services: Service[];
  gatewayUrl: string;
}

async function startTopology(kind: "co-located" | "http", env: Env): Promise<Topology> {
  if (kind === "http") {
    const subgraphs = await startHttpSubgraphs(env);
    const gateway = await startFrontService("gateway", "scripts/start-gateway.ts", subgraphs.env).catch(async (error) => {
      await stopServices(subgraphs.services);
      throw error;
    });
    return { services: [...subgraphs.services, gateway.service], gatewayUrl: gateway.url };
  }
  const ports = { GATEWAY_PORT: await freePort(), ENTERPRISES_PORT: await freePort(), UNIVERSITIES_PORT: await freePort(), PROGRAMS_PORT: await freePort() };
  const gatewayUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  const allInOne = spawnService("all-in-one", "scripts/start.ts", [], { ...env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), SUBGRAPH_TRANSPORT: "local" });
  await waitUntilReady(allInOne, gatewayUrl).catch(async (error) => {
    await stopServices([allInOne]);
    throw error;
  });
  return { services: [allInOne], gatewayUrl };
}

function table(rows: (Measurement & { query: string; statements?: string })[]): string {
  const lines = ["| query | req/s | median ms | p99 ms | SQL statements/request (e,u,p) | errors |", "| --- | ---: | ---: | ---: | --- | ---: |"];
  for (const r of rows) lines.push(`| ${r.query} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.statements ?? "—"} | ${r.errors} |`);
  return lines.join("\n");
}

const postgres = await startScratchPostgres();
const report: string[] = [];
try {
  await prepareDatabase(postgres.url, size, log);
  const env = benchEnvironment(postgres.url);
  const statements = await countStatements(env);
  for (const kind of ["co-located", "http"] as const) {
    const topology = await startTopology(kind, env);
    try {
      const rows = [];
      for (const query of BENCH_QUERIES) {
        rows.push({ query: query.name, ...(await measure(topology.gatewayUrl, query, { connections })), statements: statements.get(query.name) });
      }
      const memory = topology.services.map((p) => `${p.name} ${peakMemoryMiB(p.child.pid!).toFixed(0)} MiB`).join(", ");
      const section = `### ${kind === "co-located" ? "Co-located (one process, subgraphs called in process)" : "HTTP (four processes)"}\n\n${table(rows)}\n\nPeak memory: ${memory}; PostgreSQL postmaster ${peakMemoryMiB(postmasterPid(postgres.dataDir)).toFixed(0)} MiB.`;
      log(`\n${section}`);
      report.push(section);
    } finally {
      await stopServices(topology.services);
    }
  }
} finally {
  await postgres.stop();
}

const header = `## Dashboard benchmark, ${new Date().toISOString().slice(0, 10)}\n\n${size.programs} programs, ${size.enterprises + size.universities} institutions; ${connections} connections; autocannon on 127.0.0.1; ${machineDescription()}.`;
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/dashboard.md", `${header}\n\n${report.join("\n\n")}\n`);
log("\nwritten to bench/results/dashboard.md");
