/**
 * The processes a benchmark measures: the subgraphs and a server in
 * front of them (our gateway, a peer gateway, the lower bound), each its own
 * Node process on 127.0.0.1, so its pid, memory and CPU are its own.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SUBGRAPH_NAMES, subgraphVariable } from "../shared/config";
import { freePort } from "../shared/database/scratch-postgres";

export interface Service {
  name: string;
  child: ChildProcess;
}

export type Env = Record<string, string>;

/**
 * Settings every process of one run shares: NODE_ENV=production as in the
 * Dockerfile (graphql-js, Apollo Server and Express skip their development
 * checks), a fresh INTERNAL_SECRET (the subgraphs refuse unsigned calls), no
 * rate limit (one client sends all the load), quiet logs, the database as it
 * was prepared. Our gateway's response cache is off (RESPONSE_CACHE_MAX_BYTES=0):
 * the dashboard figures and the side-by-side comparison measure the work
 * itself; the benchmarks of the cache turn it on.
 */
export function benchEnvironment(databaseUrl: string): Env {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    INTERNAL_SECRET: randomBytes(32).toString("hex"),
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "warn",
    SEED: "never",
    RESPONSE_CACHE_MAX_BYTES: "0",
  };
}

/** Runs a TypeScript entry point as one Node process (node --import tsx: its pid is the service's own). */
export function spawnService(name: string, script: string, args: string[], env: Env, nodeArgs: string[] = []): Service {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { name, child };
}

/** Waits for the service's /ready (next to its /graphql) to answer 200. */
export async function waitUntilReady(service: Service, graphqlUrl: string): Promise<void> {
  const readyUrl = graphqlUrl.replace(/\/graphql$/, "/ready");
  for (let i = 0; i < 600; i++) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode} before it was ready`);
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service.name} did not become ready at ${readyUrl}`);
}

export async function stopServices(services: Service[]): Promise<void> {
  for (const { child } of services) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(services.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))));
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
export function peakMemoryMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time (user + system) a process has used so far, in seconds; with `reaped`, also that of its children that have ended. */
export function cpuSeconds(pid: number, reaped = false): number {
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  const [utime, stime, cutime, cstime] = fields.slice(11, 15);
  return (utime + stime + (reaped ? cutime + cstime : 0)) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU time of a process and all its descendants, living or ended (PostgreSQL:
 * the postmaster and its backends, which come and go with the pools), in seconds.
 */
export function processTreeCpuSeconds(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const pending = [rootPid]; pending.length > 0; ) {
    const pid = pending.pop()!;
    try {
      total += cpuSeconds(pid, true);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The pid of the PostgreSQL server running on `dataDir`. */
export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export interface HttpSubgraphs {
  services: Service[];
  /** ENTERPRISES_URL, ..._PORT and so on, for whatever calls them. */
  env: Env;
}

/** The subgraphs as separate processes talking HTTP, ready to answer. */
export async function startHttpSubgraphs(base: Env): Promise<HttpSubgraphs> {
  const env: Env = { ...base };
  for (const name of SUBGRAPH_NAMES) {
    const port = await freePort();
    env[subgraphVariable(name, "PORT")] = String(port);
    env[subgraphVariable(name, "URL")] = `http://127.0.0.1:${port}/graphql`;
  }
  const services = SUBGRAPH_NAMES.map((name) => spawnService(name, "scripts/start-subgraph.ts", [name], env));
  try {
    await Promise.all(services.map((service, i) => waitUntilReady(service, env[subgraphVariable(SUBGRAPH_NAMES[i], "URL")])));
  } catch (error) {
    await stopServices(services);
    throw error;
  }
  return { services, env };
}

/** A server in front of the subgraphs (a gateway, or the lower bound) on a free port. */
export async function startFrontService(name: string, script: string, env: Env, args: string[] = []): Promise<{ service: Service; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const service = spawnService(name, script, args, { ...env, GATEWAY_PORT: String(port) });
  try {
    await waitUntilReady(service, url);
  } catch (error) {
    await stopServices([service]);
    throw error;
  }
  return { service, url };
}

/** Peak resident memory of the PostgreSQL server: the postmaster, and the largest of its backends (and how many there are now). */
export function postgresMemory(postmaster: number): { postmaster: number; largestBackend: number; backends: number } {
  const backends: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster) backends.push(peakMemoryMiB(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return { postmaster: peakMemoryMiB(postmaster), largestBackend: Math.max(0, ...backends), backends: backends.length };
}

/**
 * Everything in one process as `npm start` runs it: the gateway calling the
 * three subgraphs in process (SUBGRAPH_TRANSPORT=local), each subgraph with
 * a port of its own too, all free ones.
 */
export async function startCoLocated(env: Env, nodeArgs: string[] = []): Promise<{ service: Service; url: string }> {
  const ports: Env = { GATEWAY_PORT: String(await freePort()) };
  for (const name of SUBGRAPH_NAMES) ports[subgraphVariable(name, "PORT")] = String(await freePort());
  const url = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  const service = spawnService("all-in-one", "scripts/start.ts", [], { ...env, ...ports, SUBGRAPH_TRANSPORT: "local" }, nodeArgs);
  try {
    await waitUntilReady(service, url);
  } catch (error) {
    await stopServices([service]);
    throw error;
  }
  return { service, url };
}
