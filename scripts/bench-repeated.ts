/**
 * `npm run bench:repeated`: the dashboard queries (bench/queries.ts) sent
 * again and again with the gateway's response cache on, as a polling
 * dashboard does: median and p99 through the gateway, the gateway process's
 * CPU per request and the cache's hit rate (from its /metrics). `npm run
 * bench` measures the same queries with the cache off (the work itself).
 *
 * Options: --programs N (default 100,000: full scale; datasets kept in
 * --data-dir and reused, as npm run bench does), --connections N (default 8),
 * --topology co-located|http|both (default both), --output FILE.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { describeDataset } from "../bench/dataset";
import { DEFAULT_BENCH_DATA_DIR, openDataset } from "../bench/datasets-on-disk";
import { measure } from "../bench/load";
import { codeVersion, machineDescription, runDate } from "../bench/machine";
import { BENCH_QUERIES } from "../bench/queries";
import { benchEnvironment, cpuSeconds, peakMemoryMiB, startCoLocated, startFrontService, startHttpSubgraphs, stopServices, type Env, type Service } from "../bench/services";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: "100000" },
    connections: { type: "string", default: "8" },
    topology: { type: "string", default: "both" },
    "data-dir": { type: "string", default: DEFAULT_BENCH_DATA_DIR },
    output: { type: "string", default: "bench/results/response-cache.md" },
  },
});
const programs = Number(values.programs);
const connections = Number(values.connections);
const kinds = values.topology === "both" ? (["co-located", "http"] as const) : [values.topology as "co-located" | "http"];
if (!(programs > 0) || !(connections > 0) || !kinds.every((k) => k === "co-located" || k === "http")) {
  console.error("usage: npm run bench:repeated -- [--programs N] [--connections N] [--topology co-located|http|both]");
  process.exit(2);
}
/** Requests sent before each measured run, so it measures a warmed gateway rather than the JIT's first minutes. */
const WARM_UP_HITS = 2000;
const log = (line: string) => process.stdout.write(`${line}\n`);

/** The gateway's process last: the only one co-located, the last one started over HTTP. */
async function startTopology(kind: "co-located" | "http", env: Env): Promise<{ services: Service[]; gatewayUrl: string }> {
  if (kind === "co-located") {
    const allInOne = await startCoLocated(env);
    return { services: [allInOne.service], gatewayUrl: allInOne.url };
  }
  const subgraphs = await startHttpSubgraphs(env);
  const gateway = await startFrontService("gateway", "scripts/start-gateway.ts", subgraphs.env).catch(async (error) => {
    await stopServices(subgraphs.services);
    throw error;
  });
  return { services: [...subgraphs.services, gateway.service], gatewayUrl: gateway.url };
}

/** The response cache's hits and misses so far, from the gateway's /metrics. */
async function cacheLookups(gatewayUrl: string): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, "/metrics"))).text();
  const count = (result: string) => Number(new RegExp(`partnergraph_response_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
  return { hits: count("hit"), misses: count("miss") };
}

async function repeatedRequests(topology: { services: Service[]; gatewayUrl: string }, kind: string): Promise<string> {
  const gateway = topology.services.at(-1)!;
  const lines = [
    `| query | requests | req/s | median ms | p99 ms | gateway CPU ms/request${kind === "co-located" ? " (whole process)" : ""} | hit rate | errors |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const query of BENCH_QUERIES) {
    // Warmed by the same client as the run (the key includes the Accept header it sends): the answer is kept
    // by the first request, and the hit path is compiled by the JIT as in a gateway that has been serving a while.
    await measure(topology.gatewayUrl, { ...query, requests: 5 }, { connections: 1, warmup: 0 });
    await measure(topology.gatewayUrl, { ...query, requests: WARM_UP_HITS }, { connections, warmup: 0 });
    const requests = Math.max(query.requests, 3000);
    const lookupsBefore = await cacheLookups(topology.gatewayUrl);
    const cpuBefore = cpuSeconds(gateway.child.pid!);
    const m = await measure(topology.gatewayUrl, query, { connections, warmup: 0, requests });
    const cpuMs = ((cpuSeconds(gateway.child.pid!) - cpuBefore) * 1000) / requests;
    const lookups = await cacheLookups(topology.gatewayUrl);
    const hits = lookups.hits - lookupsBefore.hits;
    const misses = lookups.misses - lookupsBefore.misses;
    const rate = hits + misses ? `${((100 * hits) / (hits + misses)).toFixed(1)} %` : "—";
    lines.push(`| ${query.name} | ${requests} | ${m.requestsPerSecond} | ${m.p50} | ${m.p99} | ${cpuMs.toFixed(2)} | ${rate} | ${m.errors} |`);
    log(lines.at(-1)!);
  }
  return lines.join("\n");
}

const loadBefore = os.loadavg()[0];
const dataset = await openDataset(values["data-dir"], programs, log);
const sections: string[] = [];
try {
  // The benchmarks' environment with the response cache at its default size (the gateway listens on DATABASE_URL).
  const { RESPONSE_CACHE_MAX_BYTES: _off, ...env } = benchEnvironment(dataset.postgres.url);
  for (const kind of kinds) {
    const topology = await startTopology(kind, env);
    try {
      log(`\n${kind}`);
      const rows = await repeatedRequests(topology, kind);
      const memory = topology.services.map((p) => `${p.name} ${peakMemoryMiB(p.child.pid!).toFixed(0)} MiB`).join(", ");
      sections.push(`### ${kind === "co-located" ? "Co-located (one process)" : "HTTP (four processes)"}\n\n${rows}\n\nPeak memory: ${memory}.`);
    } finally {
      await stopServices(topology.services);
    }
  }
} finally {
  await dataset.postgres.stop();
}

const report = [
  `## Repeated requests with the response cache on, ${runDate()}`,
  "",
  `- Code: ${codeVersion()}; machine: ${machineDescription()}; load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after`,
  `- Dataset: ${describeDataset(dataset.size)}; ${connections} connections, autocannon on 127.0.0.1, each query's one request sent over and over by the same client after 5 warm-up requests one at a time and ${WARM_UP_HITS} under the run's connections (a gateway that has been serving a while)`,
  "- A hit is answered from memory after one round trip to PostgreSQL on the gateway's LISTEN connection (shared by the hits waiting at that moment), which confirms no committed write is unheard of",
  "",
  ...sections.flatMap((s) => [s, ""]),
].join("\n");
fs.writeFileSync(values.output, report);
log(`\n${report}\nwritten to ${values.output}`);
