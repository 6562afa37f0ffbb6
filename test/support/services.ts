/**
 * The distributed topology for real: a PostgreSQL server of its own, the
 * subgraphs and the gateway as separate processes (the tsx entry
 * points) configured only by environment variables, on free ports. Used by
 * the distributed and fault suites.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SUBGRAPH_NAMES, readConfig, subgraphVariable, type AuthConfig, type SubgraphName } from "../../shared/config";
import { freePort, startScratchPostgres, type ScratchPostgres } from "../../shared/database/scratch-postgres";
import { startProcess, type ServiceProcess } from "./process";

export type ServiceName = SubgraphName | "gateway";

export interface Services {
  postgres: ScratchPostgres;
  /** What every service is started with: ports, URLs, secrets. */
  env: Record<string, string>;
  /** How bearer tokens are checked, for test/support/auth.ts tokenFor. */
  auth: AuthConfig;
  internalSecret: string;
  processes: Record<ServiceName, ServiceProcess>;
  url(service: ServiceName, path?: string): string;
  /** Starts a subgraph (again, after it was stopped) and waits until it listens. */
  startSubgraph(name: SubgraphName): Promise<ServiceProcess>;
  /** Kills every process and removes PostgreSQL with its data. */
  stop(): Promise<void>;
}

export interface ServicesOptions {
  /** Each subgraph connects as its own role, made by `npm run provision` first, as in production. */
  roles?: boolean;
  /** Further settings for every service (SUBGRAPH_TIMEOUT_MS, DB_POOL_SIZE, ...). */
  env?: Record<string, string>;
}

/** The connection string of a subgraph's own role (as `npm run provision` creates it). */
export function roleUrl(postgres: ScratchPostgres, name: SubgraphName): string {
  const url = new URL(postgres.url);
  url.username = `partnergraph_${name}`;
  url.password = `${name}-secret`;
  return url.toString();
}

export async function startServices(options: ServicesOptions = {}): Promise<Services> {
  const postgres = await startScratchPostgres();
  const processes = {} as Record<ServiceName, ServiceProcess>;
  const ports = {} as Record<ServiceName, number>;
  for (const service of ["gateway", ...SUBGRAPH_NAMES] as const) ports[service] = await freePort();
  const url = (service: ServiceName, path = "/graphql") => `http://127.0.0.1:${ports[service]}${path}`;
  const internalSecret = randomBytes(32).toString("hex");
  const env: Record<string, string> = {
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    DB_POOL_SIZE: "3",
    GATEWAY_PORT: String(ports.gateway),
    INTERNAL_SECRET: internalSecret,
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    ...options.env,
  };
  for (const name of SUBGRAPH_NAMES) {
    env[subgraphVariable(name, "PORT")] = String(ports[name]);
    env[subgraphVariable(name, "URL")] = url(name);
  }
  // Only its own role's connection string reaches a subgraph when roles are on; no admin one.
  const databaseEnv = (name: SubgraphName) =>
    options.roles ? { [subgraphVariable(name, "DATABASE_URL")]: roleUrl(postgres, name) } : { DATABASE_URL: postgres.url };

  const services: Services = {
    postgres,
    env,
    auth: readConfig(env).auth,
    internalSecret,
    processes,
    url,
    async startSubgraph(name) {
      const service = startProcess("scripts/start-subgraph.ts", [name], { ...env, ...databaseEnv(name) });
      processes[name] = service;
      await service.waitFor("subgraph listening");
      return service;
    },
    async stop() {
      await Promise.all(Object.values(processes).map((service) => service.stop("SIGKILL")));
      await postgres.stop();
    },
  };

  try {
    if (options.roles) {
      const provision = startProcess("scripts/provision.ts", [], {
        DATABASE_URL: postgres.url,
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, "DATABASE_URL"), roleUrl(postgres, name)])),
      });
      if ((await provision.exited) !== 0) throw new Error(`npm run provision failed:\n${provision.output()}`);
    }
    // The gateway needs no subgraph to start (static supergraph): all start at once.
    processes.gateway = startProcess("scripts/start-gateway.ts", [], env);
    await Promise.all([...SUBGRAPH_NAMES.map((name) => services.startSubgraph(name)), processes.gateway.waitFor("gateway listening")]);
  } catch (error) {
    await services.stop();
    throw error;
  }
  return services;
}

/**
 * Freezes PostgreSQL (SIGSTOP to the server and every backend, by pid): it
 * keeps accepting connections and answers nothing, like a server stuck on
 * its disk. Returns the function that lets it run again.
 */
export function freezePostgres(postgres: ScratchPostgres): () => void {
  const server = Number(fs.readFileSync(path.join(postgres.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const backends = execFileSync("ps", ["-o", "pid=", "--ppid", String(server)], { encoding: "utf8" }).split(/\s+/).filter(Boolean).map(Number);
  // The server first, so it starts no new backend meanwhile.
  const frozen = [server, ...backends];
  for (const pid of frozen) process.kill(pid, "SIGSTOP");
  return () => {
    for (const pid of frozen.reverse()) process.kill(pid, "SIGCONT");
  };
}

/** Polls `condition` every 25 ms until it holds; fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
