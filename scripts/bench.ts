/**
 * `npm run bench`: the dashboard queries (bench/queries.ts) at full scale
 * (3,000 enterprises, 7,000 universities, 100,000 programs), on both
 * topologies: everything in one process with subgraphs called in process,
 * and four processes talking HTTP. Prints, per query, requests per second,
 * median and p99 latency and SQL statements per request, and the peak memory
 * of every process. Load goes to 127.0.0.1 only, with a fixed request budget.
 *
 * Those figures are of the work itself: our gateway's response cache is off
 * (bench/services.ts). A second part, "repeated requests", sends each query
 * again and again with the cache on, as a dashboard polling does: median and
 * p99 through the gateway, the gateway process's CPU per request and the
 * cache's hit rate (from its /metrics).
 *
 * Options: --programs N (smaller datasets for a quick look), --connections N,
 * --parts uncached,repeated (both by default), --output FILE.
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
import { benchEnvironment, cpuSeconds, peakMemoryMiB, postmasterPid, spawnService, startFrontService, startHttpSubgraphs, stopServices, waitUntilReady, type Env, type Service } from "../bench/services";
import { FULL_SIZE } from "../bench/synthetic/generate";
import { startStack } from "../shared/stack";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: String(FULL_SIZE.programs) },
    connections: { type: "string", default: "8" },
    parts: { type: "string", default: "uncached,repeated" },
    output: { type: "string", default: "bench/results/dashboard.md" },
  },
});
const parts = new Set(values.parts.split(","));
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

/** The response cache's hits and misses so far, from the gateway's /metrics. */
async function cacheLookups(gatewayUrl: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, "/metrics"))).text();
  const count = (result: string) => Number(new RegExp(`partnergraph_response_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { hits: count("hit"), misses: count("miss") };
}

/** Each query sent again and again, cache on: latency, the gateway process's CPU per request, hit rate. */
async function repeatedRequests(topology: Topology, kind: "co-located" | "http"): Promise<string> {
  // The process the gateway runs in: the only one co-located, the last one started over HTTP.
  const gateway = topology.services.at(-1)!;
  const lines = [
    `| query | req/s | median ms | p99 ms | gateway CPU ms/request${kind === "co-located" ? " (whole process)" : ""} | hit rate | errors |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const query of BENCH_QUERIES) {
    // Warmed by the same client as the run (the key includes the Accept header it sends), one connection at a time.
    await measure(topology.gatewayUrl, { ...query, requests: 5 }, { connections: 1, warmup: 0 });
    const lookupsBefore = await cacheLookups(topology.gatewayUrl);
    const cpuBefore = cpuSeconds(gateway.child.pid!);
    const m = await measure(topology.gatewayUrl, query, { connections, warmup: 0 });
    const cpuMs = ((cpuSeconds(gateway.child.pid!) - cpuBefore) * 1000) / query.requests;
    const lookups = await cacheLookups(topology.gatewayUrl);
    const hits = lookups.hits - lookupsBefore.hits;
    const misses = lookups.misses - lookupsBefore.misses;
    const rate = hits + misses ? `${((100 * hits) / (hits + misses)).toFixed(1)} %` : "—";
    lines.push(`| ${query.name} | ${m.requestsPerSecond} | ${m.p50} | ${m.p99} | ${cpuMs.toFixed(2)} | ${rate} | ${m.errors} |`);
  }
  return lines.join("\n");
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
  const statements = parts.has("uncached") ? await countStatements(env) : new Map<string, string>();
  for (const kind of parts.has("uncached") ? (["co-located", "http"] as const) : []) {
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
  // The same topologies with the response cache at its default size (the gateway listens on DATABASE_URL).
  const { RESPONSE_CACHE_MAX_BYTES: _off, ...cached } = env;
  for (const kind of parts.has("repeated") ? (["co-located", "http"] as const) : []) {
    const topology = await startTopology(kind, cached);
    try {
      const rows = await repeatedRequests(topology, kind);
      const memory = topology.services.map((p) => `${p.name} ${peakMemoryMiB(p.child.pid!).toFixed(0)} MiB`).join(", ");
      const section = `### Repeated requests, response cache on: ${kind === "co-located" ? "co-located" : "HTTP"}\n\nEach query's one request sent as many times as above, over and over (after 5 warm-up requests by the same client); a hit is answered from memory after one round trip to PostgreSQL that confirms no write is unheard of.\n\n${rows}\n\nPeak memory: ${memory}.`;
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
fs.writeFileSync(values.output, `${header}\n\n${report.join("\n\n")}\n`);
log(`\nwritten to ${values.output}`);
