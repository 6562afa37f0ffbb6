/**
 * `npm run bench:peers`: the dashboard queries (bench/queries.ts) against
 * three servers in front of the same data, side by side:
 *
 * - ours: our gateway (scripts/start-gateway.ts), one Node process;
 * - Hive: Hive Gateway (bench/hive-gateway.ts) on the same supergraph.graphql,
 *   one Node process, request deduplication off;
 * - lower bound: the same answers read with direct SQL and serialised to JSON
 *   (bench/lower-bound/), one Node process with one pg Pool.
 *
 * Both gateways call the same three subgraph processes over HTTP, on one
 * scratch PostgreSQL holding the synthetic dataset, so the comparison
 * isolates the gateway. Before measuring, every server's answer to every
 * query is checked against ours. Load: autocannon on 127.0.0.1, a fixed
 * number of requests per query, the same connections for all, warm-up first;
 * the three servers take turns query by query. Writes bench/results/peers.md.
 *
 * Options: --programs N (dataset size; full scale is 100000), --connections N.
 */
import "reflect-metadata";
import fs from "node:fs";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { datasetSize, describeDataset, prepareDatabase } from "../bench/dataset";
import { measure, post, type Measurement } from "../bench/load";
import { machineDescription, runDate } from "../bench/machine";
import { comparePeers, type Contender, type PeerRow } from "../bench/peers-report";
import { BENCH_QUERIES } from "../bench/queries";
import { benchEnvironment, peakMemoryMiB, startFrontService, startHttpSubgraphs, stopServices, type Service } from "../bench/services";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: "10000" },
    connections: { type: "string", default: "8" },
  },
});
const size = datasetSize(Number(values.programs));
const connections = Number(values.connections);
const OUTPUT = "bench/results/peers.md";

const SERVERS: { contender: Contender; script: string }[] = [
  { contender: "ours", script: "scripts/start-gateway.ts" },
  { contender: "hive", script: "bench/hive-gateway.ts" },
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

  // Same data from all three, or the comparison means nothing.
  const sameData = new Map<string, boolean>();
  for (const query of BENCH_QUERIES) {
    const reference = await post(urls.ours, query);
    let same = true;
    for (const contender of ["hive", "lower"] as const) {
      const answer = await post(urls[contender], query);
      if (!isDeepStrictEqual(answer, reference)) {
        same = false;
        log(`WARNING ${query.name}: ${contender} answers differently, ${difference(reference, answer)}`);
      }
    }
    sameData.set(query.name, same);
    log(`${query.name}: ${JSON.stringify(reference).length} bytes of data${same ? ", same from all three" : ""}`);
  }

  const rows: PeerRow[] = [];
  for (const query of BENCH_QUERIES) {
    const figures = {} as Record<Contender, Measurement>;
    for (const { contender } of SERVERS) {
      figures[contender] = await measure(urls[contender], query, { connections });
      log(`${query.name} / ${contender}: ${figures[contender].requestsPerSecond} req/s, median ${figures[contender].p50} ms, p99 ${figures[contender].p99} ms`);
    }
    rows.push({ query: query.name, requests: query.requests, figures, sameData: sameData.get(query.name)! });
  }
  const memory = SERVERS.map(({ contender }) => peakMemoryMiB(fronts[contender].child.pid!));

  const report = comparePeers(rows, {
    title: `Side-by-side benchmark, ${new Date().toISOString().slice(0, 10)}`,
    date: runDate(),
    machine: machineDescription(),
    dataset: describeDataset(size),
    connections,
    memory: { ours: memory[0], hive: memory[1], lower: memory[2] },
  });
  log(`\n${report}`);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(OUTPUT, report);
  log(`written to ${OUTPUT}`);
} finally {
  await stopServices(services);
  await postgres.stop();
}
