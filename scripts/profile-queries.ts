/**
 * `npm run profile -- [--programs N] [--query NAME] [--requests N]`: where the
 * CPU of a dashboard query goes. Starts everything in one process (npm
 * start's topology) on the benchmark dataset of that size with Node's
 * `--cpu-prof`, sends the query's varied requests under 8 connections, stops
 * the process and prints the self time by package and by function, the
 * figures to read before optimising anything. The profile stays in
 * .data/profiles for Chrome DevTools.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BENCH_DATA_DIR, openDataset } from "../bench/datasets-on-disk";
import { measure } from "../bench/load";
import { BENCH_QUERIES } from "../bench/queries";
import { benchEnvironment, startCoLocated, stopServices } from "../bench/services";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: "10000" },
    query: { type: "string", default: BENCH_QUERIES[0].name },
    requests: { type: "string", default: "2000" },
    connections: { type: "string", default: "8" },
    top: { type: "string", default: "40" },
  },
});
const query = BENCH_QUERIES.find((q) => q.name.startsWith(values.query!));
if (!query) {
  console.error(`unknown query; one of: ${BENCH_QUERIES.map((q) => q.name).join(", ")}`);
  process.exit(2);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, our own folder, Node's core, or V8 (GC, idle, program). */
function place(url: string, functionName: string): string {
  if (!url) return `(${functionName || "native"})`;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith("node:")) return "node core";
  const own = /\/(gateway|shared|subgraphs\/\w+|scripts)\//.exec(url);
  return own ? `ours: ${own[1]}` : url;
}

function printTop(title: string, totals: Map<string, number>, all: number, top: number) {
  console.log(`\n${title}`);
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / all).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}

const dataset = await openDataset(DEFAULT_BENCH_DATA_DIR, Number(values.programs), (line) => console.log(line));
const profileDir = path.resolve(".data/profiles");
fs.mkdirSync(profileDir, { recursive: true });
const before = new Set(fs.readdirSync(profileDir));
const service = await startCoLocated(benchEnvironment(dataset.postgres.url), ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
try {
  await measure(service.url, query, { connections: 8, requests: 200, varied: true }); // warm-up
  const figures = await measure(service.url, query, { connections: Number(values.connections), requests: Number(values.requests), varied: true });
  console.log(`${query.name}: ${JSON.stringify(figures)}`);
} finally {
  await stopServices([service.service]);
  await dataset.postgres.stop();
}
const written = fs.readdirSync(profileDir).filter((f) => !before.has(f) && f.endsWith(".cpuprofile"));
for (const file of written) {
  const profile: CpuProfile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === "(idle)") continue;
    all += micros;
    const where = place(callFrame.url, callFrame.functionName);
    byPlace.set(where, (byPlace.get(where) ?? 0) + micros);
    const fn = `${callFrame.functionName || "(anonymous)"} ${callFrame.url.replace(/.*node_modules\//, "").replace(process.cwd() + "/", "")}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  console.log(`\n${file}: ${(all / 1000).toFixed(0)} ms busy (idle excluded), ${(all / 1000 / Number(values.requests)).toFixed(2)} ms per measured request (warm-up and start-up included in the total)`);
  printTop("self time by package", byPlace, all, Number(values.top));
  printTop("self time by function", byFunction, all, Number(values.top));
}
