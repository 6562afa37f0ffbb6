/**
 * `npm run bench:peers`: the dashboard queries (bench/queries.ts) against
 * four servers in front of the same data, side by side:
 *
 * - ours co-located: our gateway with the three subgraphs in its process,
 *   called in process (scripts/start.ts, as `npm start` runs it);
 * - ours HTTP: our gateway (scripts/start-gateway.ts), one Node process;
 * - Hive: Hive Gateway (bench/hive/gateway.ts) on the same supergraph.graphql,
 *   one Node process, request deduplication off;
 * - lower bound: the same answers read with direct SQL and serialised to JSON
 *   (bench/lower-bound/), one Node process with one pg Pool.
 *
 * Ours HTTP and Hive call the same three subgraph processes over HTTP, on one
 * scratch PostgreSQL holding the synthetic dataset, so that comparison
 * isolates the gateway; the co-located one uses the same database. Before measuring, every server's answer to every
 * query is checked against ours. Load: autocannon on 127.0.0.1, a fixed
 * number of requests per query, the same connections for all, warm-up first;
 * the servers take turns query by query, in a different order each
 * round; each figure is the median of the rounds and each ratio the median of
 * the per-round ratios (other processes on the machine disturb single runs).
 * Writes bench/results/peers.md.
 *
 * Options: --programs N (dataset size, default 5000; full scale is 100000),
 * --connections N (default 8), --rounds N (default 3), --output FILE.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { datasetSize, describeDataset, prepareDatabase } from "../bench/dataset";
import { WARMUP_REQUESTS, measure, post } from "../bench/load";
import { codeVersion, machineDescription, runDate } from "../bench/machine";
import { CONTENDERS, comparePeers, type Contender, type PeerMeasurement, type PeerRow } from "../bench/peers-report";
import { BENCH_QUERIES, type BenchQuery } from "../bench/queries";
import { benchEnvironment, cpuSeconds, peakMemoryMiB, postmasterPid, processTreeCpuSeconds, startCoLocated, startFrontService, startHttpSubgraphs, stopServices, type Service } from "../bench/services";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: "5000" },
    connections: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
    output: { type: "string", default: "bench/results/peers.md" },
  },
});
const size = datasetSize(Number(values.programs));
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const OUTPUT = values.output;

/** The servers in front of the HTTP subgraphs; the co-located one starts on its own (startCoLocated). */
const SERVERS: { contender: Exclude<Contender, "colocated">; script: string }[] = [
  { contender: "ours", script: "scripts/start-gateway.ts" },
  { contender: "hive", script: "bench/hive/gateway.ts" },
  { contender: "lower", script: "bench/lower-bound/server.ts" },
];

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Differences between two answers, briefly: which list lengths or values differ first. */
function difference(expected: unknown, actual: unknown): string {
  const a = JSON.stringify(expected);
  const b = JSON.stringify(actual);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `differs at character ${i}: ours …${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

const postgres = await startScratchPostgres();
const services: Service[] = [];
try {
  await prepareDatabase(postgres.url, size, log);
  const env = benchEnvironment(postgres.url);
  const subgraphs = await startHttpSubgraphs(env);
  services.push(...subgraphs.services);
  const urls = {} as Record<Contender, string>;
  const fronts = {} as Record<Contender, Service>;
  for (const { contender, script } of SERVERS) {
    const started = await startFrontService(contender, script, subgraphs.env);
    services.push(started.service);
    urls[contender] = started.url;
    fronts[contender] = started.service;
  }
  const colocated = await startCoLocated(env);
  services.push(colocated.service);
  urls.colocated = colocated.url;
  fronts.colocated = colocated.service;

  // Same data from all three, or the comparison means nothing.
  const sameData = new Map<string, boolean>();
  for (const query of BENCH_QUERIES) {
    const reference = await post(urls.ours, query);
    let same = true;
    for (const contender of ["colocated", "hive", "lower"] as const) {
      const answer = await post(urls[contender], query);
      if (!isDeepStrictEqual(answer, reference)) {
        same = false;
        log(`WARNING ${query.name}: ${contender} answers differently, ${difference(reference, answer)}`);
      }
    }
    sameData.set(query.name, same);
    log(`${query.name}: ${JSON.stringify(reference).length} bytes of data${same ? ", same from all four" : ""}`);
  }

  /** A measurement, with the CPU the front process, the three subgraphs and PostgreSQL spent per request (warm-up included). */
  const postmaster = postmasterPid(postgres.dataDir);
  const measureWithCpu = async (contender: Contender, query: BenchQuery): Promise<PeerMeasurement> => {
    const cpu = () => [
      cpuSeconds(fronts[contender].child.pid!),
      // The co-located server calls no subgraph process: its subgraphs' work is in its own CPU.
      contender === "colocated" ? 0 : subgraphs.services.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0),
      processTreeCpuSeconds(postmaster),
    ];
    const before = cpu();
    const measurement = await measure(urls[contender], query, { connections });
    const after = cpu();
    const [front, subgraph, database] = after.map((value, i) => ((value - before[i]) * 1000) / (query.requests + WARMUP_REQUESTS));
    return { ...measurement, cpuMs: front, subgraphCpuMs: subgraph, databaseCpuMs: database };
  };

  const loadBefore = os.loadavg()[0];
  const measured = new Map(BENCH_QUERIES.map((q) => [q.name, Object.fromEntries(CONTENDERS.map((c) => [c, []])) as unknown as Record<Contender, PeerMeasurement[]>]));
  for (let round = 0; round < rounds; round++) {
    for (const query of BENCH_QUERIES) {
      // Rotate who goes first, so no server always meets the subgraphs' caches in the same state.
      const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
      for (const contender of order) {
        const m = await measureWithCpu(contender, query);
        measured.get(query.name)![contender].push(m);
        log(`round ${round + 1}/${rounds} ${query.name} / ${contender}: ${m.requestsPerSecond} req/s, median ${m.p50} ms, p99 ${m.p99} ms, CPU ms/request ${m.cpuMs.toFixed(1)} (subgraphs ${m.subgraphCpuMs.toFixed(1)}, PostgreSQL ${m.databaseCpuMs.toFixed(1)})`);
      }
    }
  }
  const rows: PeerRow[] = BENCH_QUERIES.map((query) => ({
    query: query.name,
    requests: query.requests,
    runs: measured.get(query.name)!,
    sameData: sameData.get(query.name)!,
  }));
  const memory = Object.fromEntries(CONTENDERS.map((c) => [c, peakMemoryMiB(fronts[c].child.pid!)])) as Record<Contender, number>;

  const report = comparePeers(rows, {
    title: `Side-by-side benchmark, ${new Date().toISOString().slice(0, 10)}`,
    date: runDate(),
    code: codeVersion(),
    machine: machineDescription(),
    dataset: describeDataset(size),
    connections,
    rounds,
    loadAverage: [loadBefore, os.loadavg()[0]],
    memory,
  });
  log(`\n${report}`);
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, report);
  log(`written to ${OUTPUT}`);
} finally {
  await stopServices(services);
  await postgres.stop();
}
