/**
 * `npm run bench:freshness`: is a cached answer ever stale? One writer and
 * a few readers in a loop, through two gateway processes, each in front of
 * its own replica of the programs subgraph (enterprises and universities
 * shared), all on one scratch PostgreSQL:
 *
 * - the writer creates a program between AMMC and the TashSTU branch,
 *   through the two gateways in turn, and right after each write reads
 *   through both: every such read must show its write (a stale read for
 *   the writer otherwise);
 * - the readers (anonymous) read the same figures through both gateways in
 *   turn: AMMC's programs (a list's count), their statistics by kind (an
 *   aggregate) and AMMC's partners (list membership: the branch's program
 *   count). A read that started after a write was acknowledged and does
 *   not show it is stale, by at least the time between the two.
 *
 * First with our gateways (response cache on), then with Hive Gateway and
 * its `responseCaching` on the same topology. Writes
 * bench/results/freshness.md.
 *
 * Options: --seconds N per gateway kind (default 60), --readers N (default 4),
 * --programs N (dataset size, default 2000), --output FILE.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mintToken } from "../shared/auth/tokens";
import { subgraphVariable } from "../shared/config";
import { freePort, startScratchPostgres } from "../shared/database/scratch-postgres";
import { deterministicId } from "../shared/records/ids";
import { datasetSize, describeDataset, prepareDatabase } from "../bench/dataset";
import { codeVersion, machineDescription, runDate } from "../bench/machine";
import { benchEnvironment, spawnService, startFrontService, stopServices, waitUntilReady, type Env, type Service } from "../bench/services";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "4" },
    programs: { type: "string", default: "2000" },
    output: { type: "string", default: "bench/results/freshness.md" },
  },
});
const seconds = Number(values.seconds);
const readerCount = Number(values.readers);
const size = datasetSize(Number(values.programs));

const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const FIGURES = `query Figures($ammc: ID!) {
  programs(filter: { partyId: $ammc }) { totalCount }
  programStats(groupBy: KIND, filter: { partyId: $ammc }) { key programCount }
  enterprise(id: $ammc) { partners { programCount partner { ... on University { id } } } }
}`;
const CREATE = `mutation Create($input: ProgramInput!) { createProgram(input: $input) { id } }`;

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

interface Figures {
  programs: number;
  stats: number;
  branch: number;
}

async function ask(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

async function readFigures(url: string, token?: string): Promise<Figures> {
  const data = await ask(url, FIGURES, { ammc: AMMC }, token);
  return {
    programs: data.programs.totalCount,
    stats: data.programStats.reduce((sum: number, bucket: { programCount: number }) => sum + bucket.programCount, 0),
    branch: data.enterprise.partners.find((p: { partner: { id?: string } }) => p.partner.id === BRANCH)?.programCount ?? 0,
  };
}

/** How many of the run's writes an answer shows: the least any of its three figures shows. */
const writesShown = (figures: Figures, start: Figures) => Math.min(figures.programs - start.programs, figures.stats - start.stats, figures.branch - start.branch);

interface Result {
  writes: number;
  writerReads: number;
  writerStale: number;
  reads: number;
  stale: number;
  /** Largest time from a write's acknowledgement to the start of a read that still did not show it, ms. */
  largestStalenessMs: number;
}

async function loop(urls: [string, string], token: string): Promise<Result> {
  const start = await readFigures(urls[0]);
  const acknowledged: number[] = []; // acknowledged[n - 1]: when the n-th write's answer came back
  const result: Result = { writes: 0, writerReads: 0, writerStale: 0, reads: 0, stale: 0, largestStalenessMs: 0 };
  const ends = performance.now() + seconds * 1000;

  const writer = async () => {
    for (let n = 1; performance.now() < ends; n++) {
      const through = urls[n % 2];
      await ask(through, CREATE, {
        input: {
          slug: `freshness-${Date.now().toString(36)}-${n}`,
          title: "Freshness probe",
          kind: "INTERNSHIP",
          parties: [
            { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
            { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
          ],
        },
      }, token);
      acknowledged.push(performance.now());
      result.writes = n;
      // The writer's next reads: through the other gateway first, then through the one it wrote through.
      for (const url of [urls[(n + 1) % 2], through]) {
        result.writerReads++;
        if (writesShown(await readFigures(url, token), start) < n) result.writerStale++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const reader = async (index: number) => {
    for (let i = index; performance.now() < ends; i++) {
      const started = performance.now();
      const shown = writesShown(await readFigures(urls[i % 2]), start);
      result.reads++;
      // The first write it does not show was acknowledged before the read started: stale by at least that long.
      const missed = acknowledged[shown];
      if (missed !== undefined && missed < started) {
        result.stale++;
        result.largestStalenessMs = Math.max(result.largestStalenessMs, started - missed);
      }
    }
  };

  await Promise.all([writer(), ...Array.from({ length: readerCount }, (_, i) => reader(i))]);
  return result;
}

/** Two programs replicas and one of every other subgraph; a pair of gateway environments, one per replica. */
async function startSubgraphs(env: Env): Promise<{ services: Service[]; gatewayEnvs: [Env, Env] }> {
  const services: Service[] = [];
  const urlOf = async () => {
    const port = await freePort();
    return { port: String(port), url: `http://127.0.0.1:${port}/graphql` };
  };
  const shared: Env = { ...env };
  for (const name of ["enterprises", "universities"] as const) {
    const { port, url } = await urlOf();
    Object.assign(shared, { [subgraphVariable(name, "PORT")]: port, [subgraphVariable(name, "URL")]: url });
  }
  const replicas = [await urlOf(), await urlOf()];
  try {
    for (const name of ["enterprises", "universities"] as const) services.push(spawnService(name, "scripts/start-subgraph.ts", [name], shared));
    await Promise.all(services.map((service, i) => waitUntilReady(service, shared[subgraphVariable(i === 0 ? "enterprises" : "universities", "URL")])));
    for (const [i, replica] of replicas.entries()) {
      const service = spawnService(`programs-${i + 1}`, "scripts/start-subgraph.ts", ["programs"], { ...shared, PROGRAMS_PORT: replica.port, PROGRAMS_URL: replica.url });
      services.push(service);
      await waitUntilReady(service, replica.url);
    }
  } catch (error) {
    await stopServices(services);
    throw error;
  }
  return { services, gatewayEnvs: [{ ...shared, PROGRAMS_URL: replicas[0].url }, { ...shared, PROGRAMS_URL: replicas[1].url }] };
}

/** Our gateways' hits and misses, from their /metrics. */
async function hitRate(urls: string[]): Promise<string> {
  let hits = 0;
  let misses = 0;
  for (const url of urls) {
    const text = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
    const count = (result: string) => Number(new RegExp(`partnergraph_response_cache_lookups_total\\{[^}]*result="${result}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
    hits += count("hit");
    misses += count("miss");
  }
  return hits + misses ? `${((100 * hits) / (hits + misses)).toFixed(1)} % (${hits} hits, ${misses} misses)` : "—";
}

const postgres = await startScratchPostgres();
const services: Service[] = [];
const rows: string[] = [];
try {
  await prepareDatabase(postgres.url, size, log);
  const env = benchEnvironment(postgres.url);
  // Our gateways listen on the database for writes (DATABASE_URL is set): the cache at its default size.
  delete env.RESPONSE_CACHE_MAX_BYTES;
  const subgraphs = await startSubgraphs(env);
  services.push(...subgraphs.services);
  const token = await mintToken(env.AUTH_JWT_SECRET, { subject: "freshness-writer", role: "admin" }, { issuer: "partnergraph", audience: "partnergraph", expiresIn: "2h" });
  const contenders = [
    { name: "ours (response cache on)", script: "scripts/start-gateway.ts", args: [] as string[] },
    { name: "Hive Gateway (responseCaching on)", script: "bench/hive/gateway.ts", args: ["--response-cache"] },
  ];
  for (const contender of contenders) {
    const fronts = await Promise.all(subgraphs.gatewayEnvs.map((gatewayEnv, i) => startFrontService(`${contender.name} ${i + 1}`, contender.script, gatewayEnv, contender.args)));
    services.push(...fronts.map((front) => front.service));
    const urls = fronts.map((front) => front.url) as [string, string];
    log(`${contender.name}: ${seconds} s, 1 writer, ${readerCount} readers, two gateways over two programs replicas`);
    const result = await loop(urls, token);
    const hits = contender.script === "scripts/start-gateway.ts" ? await hitRate(urls) : "not reported";
    const row = `| ${contender.name} | ${result.writes} | ${result.writerReads} | ${result.writerStale} | ${result.reads} | ${result.stale} | ${result.stale ? result.largestStalenessMs.toFixed(0) : "0"} | ${hits} |`;
    log(row);
    rows.push(row);
    await stopServices(fronts.map((front) => front.service));
  }
} finally {
  await stopServices(services);
  await postgres.stop();
}

const report = `## Freshness benchmark, ${new Date().toISOString().slice(0, 10)}

${runDate()}; code ${codeVersion()}; ${machineDescription()}; load average ${os.loadavg()[0].toFixed(1)} at the end.
${describeDataset(size)}. Per gateway kind: ${seconds} s, one writer (a new program every 50 ms or so, through the two gateways in turn, each followed by a read through both) and ${readerCount} anonymous readers, through two gateway processes, each in front of its own replica of the programs subgraph. A read is stale when it does not show a write acknowledged before it started; its staleness is at least the time between the two.

| gateway | writes | writer's reads | stale for the writer | readers' reads | stale for readers | largest staleness ms | hit rate |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join("\n")}
`;
log(`\n${report}`);
fs.mkdirSync(path.dirname(values.output), { recursive: true });
fs.writeFileSync(values.output, report);
log(`written to ${values.output}`);
