/** `npm run start:subgraph -- <name>`: one subgraph as its own service (distributed topology). */
import "reflect-metadata";
import { ConfigError, SUBGRAPH_NAMES, readConfig, requireInternalSecret, subgraphVariable } from "../shared/config";
import { PortInUseError, listen } from "../shared/http/server";
import { exitOnStartupError, shutdownOnSignals } from "../shared/lifecycle";
import { limitHeapGrowth } from "../shared/heap-growth";
import { createLogger } from "../shared/logger";
import { collectProcessMetrics } from "../shared/metrics";
import { openSubgraph } from "../shared/subgraph/open";
import { isSubgraphName } from "../shared/subgraph/registry";
import { subgraphs } from "../subgraphs";

try {
  const name = process.argv[2] ?? "";
  if (!isSubgraphName(name)) {
    throw new ConfigError(`name the subgraph to start: npm run start:subgraph -- <${SUBGRAPH_NAMES.join("|")}>`);
  }
  const config = readConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const databaseUrl = config.databaseUrls[name];
  if (!databaseUrl) {
    throw new ConfigError(`DATABASE_URL (or ${subgraphVariable(name, "DATABASE_URL")}) is required when a subgraph runs on its own; \`npm start\` runs everything with an embedded PostgreSQL.`);
  }
  const logger = createLogger(name, config.logLevel);
  const subgraph = await openSubgraph(
    subgraphs[name],
    databaseUrl,
    { ...config, internalSecret: requireInternalSecret(config), peerUrls: config.subgraphUrls },
    logger,
  );
  collectProcessMetrics(subgraph.metrics.registry);
  const server = await listen(subgraph.app, config.subgraphPorts[name], config.host, subgraphVariable(name, "PORT"));
  shutdownOnSignals(logger, async () => {
    await server.close();
    await subgraph.stop();
  });
  logger.info({ port: server.port }, `${name} subgraph listening on http://${config.host}:${server.port}/graphql`);
} catch (error) {
  exitOnStartupError(error, [ConfigError, PortInUseError]);
}
