/**
 * `npm run bench:dashboard-page`: the dashboard page at full scale (100,000
 * programs unless --programs says otherwise), in headless Chromium from npm,
 * against the whole graph in this process: time to the first view, time to
 * an interactive network (its layout settled), and a 100,000-program CSV
 * export read to the end with this process's memory sampled meanwhile.
 * Long tasks (the main thread busy for more than 50 ms, as Chromium's
 * PerformanceObserver reports them) are counted while the network lays out:
 * the page must stay responsive while it settles.
 * Writes bench/results/dashboard-page.md.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { parseArgs } from "node:util";
import { readConfig } from "../shared/config";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { startStack } from "../shared/stack";
import { datasetSize, describeDataset, prepareDatabase } from "../bench/dataset";
import { machineDescription } from "../bench/machine";
import { benchEnvironment } from "../bench/services";
import { FULL_SIZE } from "../bench/synthetic/generate";
import { launchBrowser } from "../test/support/browser";

const { values } = parseArgs({ options: { programs: { type: "string", default: String(FULL_SIZE.programs) }, runs: { type: "string", default: "5" } } });
const size = datasetSize(Number(values.programs));
const runs = Number(values.runs);
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Long tasks of one phase: the longest, how many were over 200 ms, and the total blocking time (the part of each beyond 50 ms). */
interface LongTasks {
  longest: number;
  over200: number;
  blocking: number;
  /** Each long task: its start after the click and its duration, in ms. */
  list: string;
}
const LONG_TASK_RECORDER = () => {
  const tasks: { start: number; duration: number }[] = [];
  (globalThis as any).partnerGraphLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask" as never, buffered: true });
};

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const postgres = await startScratchPostgres();
let report = "";
try {
  await prepareDatabase(postgres.url, size, log);
  const config = readConfig({ ...benchEnvironment(postgres.url), GATEWAY_PORT: "0", ENTERPRISES_PORT: "0", UNIVERSITIES_PORT: "0", PROGRAMS_PORT: "0", LOG_LEVEL: "silent", SEED: "never" });
  const stack = await startStack(config);
  const origin = new URL(stack.gatewayUrl).origin;
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await page.addInitScript(LONG_TASK_RECORDER);
    const longTasksSince = (since: number): Promise<LongTasks> =>
      page.evaluate((start) => {
        const tasks: { start: number; duration: number }[] = (globalThis as any).partnerGraphLongTasks ?? [];
        const mine = tasks.filter((task) => task.start + task.duration >= start);
        return {
          longest: Math.max(0, ...mine.map((task) => task.duration)),
          over200: mine.filter((task) => task.duration > 200).length,
          blocking: mine.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
          list: mine.map((task) => `${(task.start - start).toFixed(0)}+${task.duration.toFixed(0)}`).join(" "),
        };
      }, since);
    const ready = (view: string) => page.locator(`body[data-ready="true"][data-view="${view}"]`).waitFor({ timeout: 120_000 });
    // The first request bundles the page's code (once per process); not part of what a user waits for afterwards.
    await page.goto(`${origin}/dashboard`);
    await ready("overview");
    const firstViews: number[] = [];
    const networks: number[] = [];
    const networkTasks: LongTasks[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await page.goto(`${origin}/dashboard?run=${run}`);
      await ready("overview");
      firstViews.push(performance.now() - started);
      // Let the overview's own work finish, so what follows is the network's.
      await page.waitForTimeout(500);
      const pageClock = await page.evaluate(() => performance.now());
      const clicked = performance.now();
      await page.getByTestId("tab-network").click();
      await ready("network");
      // Interactive: the force layout has settled (a node keeps its place between two looks).
      let previous: [number, number] | null = null;
      for (let i = 0; i < 300; i++) {
        const next = await page.evaluate(() => {
          const dashboard = (globalThis as any).partnerGraphDashboard;
          const first = dashboard.slugs[0];
          return first ? (dashboard.nodePosition(first) as [number, number] | null) : null;
        });
        if (previous && next && Math.hypot(next[0] - previous[0], next[1] - previous[1]) < 0.5) break;
        previous = next;
        await page.waitForTimeout(100);
      }
      networks.push(performance.now() - clicked);
      networkTasks.push(await longTasksSince(pageClock));
      const tasks = networkTasks.at(-1)!;
      log(
        `run ${run + 1}: first view ${firstViews.at(-1)!.toFixed(0)} ms, interactive network ${networks.at(-1)!.toFixed(0)} ms; ` +
          `while the network loaded and laid out: longest task ${tasks.longest.toFixed(0)} ms, ${tasks.over200} over 200 ms, total blocking ${tasks.blocking.toFixed(0)} ms (start+duration: ${tasks.list})`,
      );
    }
    const summary = await page.getByTestId("network-summary").evaluate((element) => ({ nodes: element.getAttribute("data-nodes"), edges: element.getAttribute("data-edges") }));

    // The export, read to the end as a spreadsheet would; this process is the gateway.
    gc();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    let peakRetained = baseline.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    // What the export really keeps: the heap after a full collection, once a second (garbage V8 has not collected yet aside).
    const retainedSampler = setInterval(() => {
      gc();
      peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed);
    }, 1000);
    const exportStarted = performance.now();
    const { rows, bytes } = await new Promise<{ rows: number; bytes: number }>((resolve, reject) => {
      http.get(`${origin}/export/programs.csv`, (response) => {
        let bytes = 0;
        let lines = 0;
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines++;
        });
        response.on("end", () => resolve({ rows: lines - 1, bytes }));
        response.on("error", reject);
      }).on("error", reject);
    });
    const exportMs = performance.now() - exportStarted;
    clearInterval(sampler);
    clearInterval(retainedSampler);
    const mib = (n: number) => (n / 1024 / 1024).toFixed(0);
    report = `## Dashboard page at full scale, ${new Date().toISOString().slice(0, 10)}

${describeDataset(size)}; headless Chromium (@sparticuz/chromium) and the whole graph in one process (subgraphs called in process) on ${machineDescription()}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(", ")} when the report was written (anything above 0 is other work on the same cores).

| measure | median of ${runs} | all runs |
| --- | ---: | --- |
| first view (overview, every tile and chart filled) | ${median(firstViews).toFixed(0)} ms | ${firstViews.map((x) => x.toFixed(0)).join(", ")} |
| interactive network (tab clicked → layout settled; ${summary.nodes} nodes, ${summary.edges} edges) | ${median(networks).toFixed(0)} ms | ${networks.map((x) => x.toFixed(0)).join(", ")} |
| longest main-thread task from the tab's click until the layout settled | ${median(networkTasks.map((t) => t.longest)).toFixed(0)} ms | ${networkTasks.map((t) => t.longest.toFixed(0)).join(", ")} |
| tasks over 200 ms in that time | ${median(networkTasks.map((t) => t.over200))} | ${networkTasks.map((t) => t.over200).join(", ")} |
| total blocking time in that time (each long task's part beyond 50 ms) | ${median(networkTasks.map((t) => t.blocking)).toFixed(0)} ms | ${networkTasks.map((t) => t.blocking.toFixed(0)).join(", ")} |

Export \`/export/programs.csv\`: ${rows} rows, ${mib(bytes)} MiB in ${(exportMs / 1000).toFixed(1)} s; the gateway process's RSS went from ${mib(baseline.rss)} to at most ${mib(peakRss)} MiB, its heap from ${mib(baseline.heapUsed)} to at most ${mib(peakHeap)} MiB while it streamed, of which at most ${mib(peakRetained)} MiB survived a full collection (sampled each second): the rest is garbage of pages already sent.
`;
  } finally {
    await browser.close();
    await stack.stop();
  }
} finally {
  await postgres.stop();
}
log(`\n${report}`);
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync("bench/results/dashboard-page.md", report);
log("written to bench/results/dashboard-page.md");
