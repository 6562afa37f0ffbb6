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
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { freePort, startScratchPostgres } from "../shared/database/scratch-postgres";
import { createLogger } from "../shared/logger";
import { subgraphs } from "../subgraphs";
import { BENCH_QUERIES, type BenchQuery } from "../bench/queries";
import { startStack } from "./stack";
import { FULL_SIZE, generateEnterprises, generatePrograms, generateUniversities, type DatasetSize } from "./synthetic/generate";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: String(FULL_SIZE.programs) },
    connections: { type: "string", default: "8" },
  },
});
const scale = Number(values.programs) / FULL_SIZE.programs;
const size: DatasetSize = {
  programs: Number(values.programs),
  enterprises: Math.max(10, Math.round(FULL_SIZE.enterprises * scale)),
  universities: Math.max(10, Math.round(FULL_SIZE.universities * scale)),
};
const connections = Number(values.connections);
// The services' shared secret for this run (they refuse unsigned calls).
const INTERNAL_SECRET = randomBytes(32).toString("hex");

interface Measurement {
  query: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statements?: string;
}

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
function peakMemoryMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function prepareDatabase(url: string): Promise<void> {
  const started = Date.now();
  const generators = { enterprises: generateEnterprises, universities: generateUniversities, programs: generatePrograms };
  for (const name of SUBGRAPH_NAMES) {
    const definition = subgraphs[name];
    const dataSource = createSubgraphDataSource({ url, schema: name, entities: definition.entities, migrations: definition.migrations });
    await openSubgraphDatabase(dataSource);
    await definition.seed(dataSource, createLogger("bench", "silent"));
    await generators[name](dataSource, size);
    await dataSource.query("ANALYZE");
    await dataSource.destroy();
  }
  log(`dataset: ${size.enterprises} enterprises, ${size.universities} universities, ${size.programs} programs, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** SQL statements each subgraph runs for one request of each query (in process, exact counters). */
async function countStatements(url: string): Promise<Map<string, string>> {
  const config = readConfig({ DATABASE_URL: url, INTERNAL_SECRET, AUTH_JWT_SECRET: INTERNAL_SECRET, RATE_LIMIT_PER_MINUTE: "0", GATEWAY_PORT: "0", ENTERPRISES_PORT: "0", UNIVERSITIES_PORT: "0", PROGRAMS_PORT: "0", LOG_LEVEL: "silent", SEED: "never" });
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

async function post(url: string, query: BenchQuery): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: query.query, variables: query.variables }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`${query.name} failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
}

interface Topology {
  name: string;
  processes: { name: string; child: ChildProcess }[];
  gatewayUrl: string;
}

function spawnService(name: string, script: string, args: string[], env: Record<string, string>): { name: string; child: ChildProcess } {
  // node --import tsx: one process per service, so its pid is the service's own.
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", SEED: "never", RATE_LIMIT_PER_MINUTE: "0", INTERNAL_SECRET: INTERNAL_SECRET, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { name, child };
}

async function waitUntilReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(url.replace("/graphql", "/ready"));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become ready`);
}

async function startTopology(kind: "co-located" | "http", databaseUrl: string): Promise<Topology> {
  const ports = { gateway: await freePort(), enterprises: await freePort(), universities: await freePort(), programs: await freePort() };
  const env = {
    DATABASE_URL: databaseUrl,
    GATEWAY_PORT: String(ports.gateway),
    ENTERPRISES_PORT: String(ports.enterprises),
    UNIVERSITIES_PORT: String(ports.universities),
    PROGRAMS_PORT: String(ports.programs),
    ENTERPRISES_URL: `http://127.0.0.1:${ports.enterprises}/graphql`,
    UNIVERSITIES_URL: `http://127.0.0.1:${ports.universities}/graphql`,
    PROGRAMS_URL: `http://127.0.0.1:${ports.programs}/graphql`,
  };
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const processes =
    kind === "co-located"
      ? [spawnService("all-in-one", "scripts/start.ts", [], { ...env, SUBGRAPH_TRANSPORT: "local" })]
      : [
          ...SUBGRAPH_NAMES.map((name) => spawnService(name, "scripts/start-subgraph.ts", [name], env)),
          spawnService("gateway", "scripts/start-gateway.ts", [], env),
        ];
  if (kind === "http") for (const name of SUBGRAPH_NAMES) await waitUntilReady(env[`${name.toUpperCase()}_URL` as keyof typeof env]);
  await waitUntilReady(gatewayUrl);
  return { name: kind, processes, gatewayUrl };
}

async function measure(url: string, query: BenchQuery): Promise<Omit<Measurement, "statements">> {
  for (let i = 0; i < 20; i++) await post(url, query); // warm-up
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: query.query, variables: query.variables }),
    connections,
    amount: query.requests,
    timeout: 30,
  });
  return {
    query: query.name,
    requestsPerSecond: Math.round((result.requests.total / (result.duration || 1)) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

function table(rows: Measurement[]): string {
  const lines = ["| query | req/s | median ms | p99 ms | SQL statements/request (e,u,p) | errors |", "| --- | ---: | ---: | ---: | --- | ---: |"];
  for (const r of rows) lines.push(`| ${r.query} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.statements ?? "—"} | ${r.errors} |`);
  return lines.join("\n");
}

const postgres = await startScratchPostgres();
const report: string[] = [];
try {
  await prepareDatabase(postgres.url);
  const statements = await countStatements(postgres.url);
  for (const kind of ["co-located", "http"] as const) {
    const topology = await startTopology(kind, postgres.url);
    try {
      const rows: Measurement[] = [];
      for (const query of BENCH_QUERIES) rows.push({ ...(await measure(topology.gatewayUrl, query)), statements: statements.get(query.name) });
      const memory = topology.processes.map((p) => `${p.name} ${peakMemoryMiB(p.child.pid!).toFixed(0)} MiB`).join(", ");
      const section = `### ${kind === "co-located" ? "Co-located (one process, subgraphs called in process)" : "HTTP (four processes)"}\n\n${table(rows)}\n\nPeak memory: ${memory}; PostgreSQL postmaster ${peakMemoryMiB(postgresPid()).toFixed(0)} MiB.`;
      log(`\n${section}`);
      report.push(section);
    } finally {
      for (const { child } of topology.processes) child.kill("SIGTERM");
      await Promise.all(topology.processes.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))));
    }
  }
} finally {
  await postgres.stop();
}

function postgresPid(): number {
  return Number(fs.readFileSync(path.join(postgres.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

const header = `## Dashboard benchmark, ${new Date().toISOString().slice(0, 10)}\n\n${size.programs} programs, ${size.enterprises + size.universities} institutions; ${connections} connections; autocannon on 127.0.0.1; Node ${process.version}, ${(await import("node:os")).cpus().length} cores.`;
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/dashboard.md", `${header}\n\n${report.join("\n\n")}\n`);
log("\nwritten to bench/results/dashboard.md");
