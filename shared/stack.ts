/**
 * The whole graph in one process (`npm start`): PostgreSQL (embedded unless
 * DATABASE_URL is set), the subgraphs on their own ports and the
 * gateway in front. Tests start it the same way, on free ports.
 */
import { randomBytes } from "node:crypto";
import { readOrCreateLocalSecret } from "./auth/local-secret";
import { subgraphVariable, type AuthConfig, type Config, type SubgraphName } from "./config";
import { startEmbeddedPostgres, type RunningPostgres } from "./database/embedded-postgres";
import { listen, type Listening } from "./http/server";
import { createLogger } from "./logger";
import { openSubgraph } from "./subgraph/open";
import { startOrder } from "./subgraph/registry";
import type { Subgraph } from "./subgraph/server";
import { createGateway, type Gateway } from "../gateway/server";
import { readSupergraph } from "../gateway/supergraph";
import { subgraphs as definitions } from "../subgraphs";

export interface Stack {
  /** The secret identities are signed with between the gateway and the subgraphs. */
  internalSecret: string;
  /** How bearer tokens are verified (with the local secret filled in under `npm start`). */
  auth: AuthConfig;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, Subgraph>;
  gateway: Gateway;
  postgres?: RunningPostgres;
  /** Stops accepting, drains, closes pools and stops PostgreSQL, in that order. */
  stop(): Promise<void>;
}

export async function startStack(config: Config): Promise<Stack> {
  const logger = createLogger("partnergraph", config.logLevel);
  const cleanup: { name: string; run: () => Promise<void> }[] = [];
  const stop = async () => {
    for (const step of cleanup.reverse()) {
      const started = Date.now();
      await step.run();
      logger.debug({ step: step.name, ms: Date.now() - started }, "stopped");
    }
  };
  try {
    let postgres: RunningPostgres | undefined;
    if (!config.databaseUrl) {
      postgres = await startEmbeddedPostgres({ ...config.embeddedPostgres, logger: createLogger("postgres", config.logLevel) });
      cleanup.push({ name: "postgres", run: () => postgres!.stop() });
    }
    // One process: a fresh secret per run unless one is configured.
    const internalSecret = config.internalSecret ?? randomBytes(32).toString("hex");
    const auth = localAuth(config);
    const subgraphs = {} as Record<SubgraphName, Subgraph>;
    const subgraphUrls = {} as Record<SubgraphName, string>;
    const listening: Listening[] = [];
    // Each subgraph starts after those it depends on (the registry's dependsOn), so it can reach them from its first request.
    for (const name of startOrder()) {
      const subgraphLogger = createLogger(name, config.logLevel);
      const subgraph = await openSubgraph(
        definitions[name],
        config.databaseUrls[name] ?? postgres!.url,
        // The live map, not a copy: subgraphs started later (node(id:) asks every owner) are reachable once they listen.
        { ...config, internalSecret, peerUrls: subgraphUrls },
        subgraphLogger,
      );
      cleanup.push({ name: `${name} subgraph`, run: () => subgraph.stop() });
      const server = await listen(subgraph.app, config.subgraphPorts[name], config.host, subgraphVariable(name, "PORT"));
      cleanup.push({ name: `${name} http`, run: () => server.close() });
      listening.push(server);
      subgraphs[name] = subgraph;
      subgraphUrls[name] = `http://${urlHost(config.host)}:${server.port}/graphql`;
    }
    const gateway = await createGateway({
      supergraphSdl: readSupergraph(config.supergraphPath),
      subgraphUrls,
      inProcess: config.transport === "local" ? subgraphs : undefined,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      internalSecret,
      auth,
      graphiql: config.graphiql,
      introspection: config.introspection,
      dashboard: config.dashboard,
      limits: config.limits,
      // One process knows every database its subgraphs write to, the embedded one included.
      responseCache: {
        maxBytes: config.responseCache.maxBytes,
        databaseUrls: config.responseCache.databaseUrls ?? [...new Set(startOrder().map((name) => config.databaseUrls[name] ?? postgres!.url))],
      },
      logger: createLogger("gateway", config.logLevel),
    });
    cleanup.push({ name: "gateway", run: () => gateway.stop() });
    const gatewayServer = await listen(gateway.app, config.gatewayPort, config.host, "GATEWAY_PORT");
    cleanup.push({ name: "gateway http", run: () => gatewayServer.close() });
    return {
      internalSecret,
      auth,
      gatewayUrl: `http://${urlHost(config.host)}:${gatewayServer.port}/graphql`,
      subgraphUrls,
      subgraphs,
      gateway,
      postgres,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** Without a configured secret or identity provider, local tokens (`npm run token`) use the secret kept in .data. */
export function localAuth(config: Config): AuthConfig {
  if (config.auth.jwtSecret || config.auth.jwksUrl) return config.auth;
  return { ...config.auth, jwtSecret: readOrCreateLocalSecret(config.embeddedPostgres.dataDir) };
}

/** A wildcard bind address is not an address to call. */
export function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
