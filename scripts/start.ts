/** `npm start`: the whole graph in one process. */
import "reflect-metadata";
import { ConfigError, readConfig } from "../shared/config";
import { EmbeddedPostgresError } from "../shared/database/embedded-postgres";
import { PortInUseError } from "../shared/http/server";
import { exitOnStartupError, shutdownOnSignals } from "../shared/lifecycle";
import { limitHeapGrowth } from "../shared/heap-growth";
import { createLogger } from "../shared/logger";
import { collectProcessMetrics } from "../shared/metrics";
import { SupergraphMissingError } from "../gateway/supergraph";
import { startStack } from "../shared/stack";

try {
  const config = readConfig();
  limitHeapGrowth(config.heapGrowthPercent);
  const logger = createLogger("partnergraph", config.logLevel);
  const startedAt = Date.now();
  const stack = await startStack(config);
  // One process, one set of process figures: on the gateway's /metrics.
  collectProcessMetrics(stack.gateway.metrics.registry);
  shutdownOnSignals(logger, () => stack.stop());
  const lines = [
    `PartnerGraph is up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    `  graph (gateway):  ${stack.gatewayUrl}`,
    ...(config.dashboard ? [`  dashboard:        ${stack.gatewayUrl.replace(/\/graphql$/, "/dashboard")} (in a browser; exports at /export/programs.csv)`] : []),
    ...(config.graphiql ? [`  explorer:         ${stack.gatewayUrl.replace(/\/graphql$/, "/graphiql")} (GraphiQL, in a browser)`] : []),
    ...Object.entries(stack.subgraphUrls).map(([name, url]) => `  ${`${name}:`.padEnd(17)} ${url}`),
    `  database:         ${stack.postgres ? `embedded PostgreSQL, data in ${stack.postgres.dataDir}` : "DATABASE_URL"}`,
    "Ctrl-C stops everything.",
  ];
  console.log(lines.join("\n"));
} catch (error) {
  exitOnStartupError(error, [ConfigError, EmbeddedPostgresError, PortInUseError, SupergraphMissingError]);
}
