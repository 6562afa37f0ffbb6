/** `npm run start:gateway`: the gateway alone, calling the subgraphs over HTTP (distributed topology). */
import "reflect-metadata";
import { ConfigError, readConfig, requireInternalSecret } from "../shared/config";
import { PortInUseError, listen } from "../shared/http/server";
import { exitOnStartupError, shutdownOnSignals } from "../shared/lifecycle";
import { limitHeapGrowth } from "../shared/heap-growth";
import { createLogger } from "../shared/logger";
import { collectProcessMetrics } from "../shared/metrics";
import { createGateway } from "../gateway/server";
import { SupergraphMissingError, readSupergraph } from "../gateway/supergraph";

try {
  const config = readConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger("gateway", config.logLevel);
  if (!config.auth.jwtSecret && !config.auth.jwksUrl) {
    logger.warn("neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set: every bearer token will be refused");
  }
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(config.supergraphPath),
    subgraphUrls: config.subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    internalSecret: requireInternalSecret(config),
    auth: config.auth,
    graphiql: config.graphiql,
    introspection: config.introspection,
    dashboard: config.dashboard,
    limits: config.limits,
    responseCache: config.responseCache,
    logger,
  });
  collectProcessMetrics(gateway.metrics.registry);
  const server = await listen(gateway.app, config.gatewayPort, config.host, "GATEWAY_PORT");
  shutdownOnSignals(logger, async () => {
    await server.close();
    await gateway.stop();
  });
  logger.info({ port: server.port, subgraphs: config.subgraphUrls }, `gateway listening on http://${config.host}:${server.port}/graphql`);
} catch (error) {
  exitOnStartupError(error, [ConfigError, PortInUseError, SupergraphMissingError]);
}
