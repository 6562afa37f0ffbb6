/** From a connection string to a served subgraph: migrate, seed an empty database, build the server. */
import type { Config, SubgraphName } from "../config";
import { MAX_PAGE_SIZE } from "../graphql/pagination";
import { createPeerClient } from "./peers";
import { createSubgraphDataSource, openSubgraphDatabase } from "../database/data-source";
import type { Logger } from "../logger";
import type { SubgraphDefinition } from "./definition";
import { createBulkhead } from "./bulkhead";
import { createSubgraph, type Subgraph } from "./server";
import { closeDataSource } from "../database/close-pool";
import { startWebhookRunner } from "../webhooks/runner";

export async function openSubgraph(
  definition: SubgraphDefinition,
  databaseUrl: string,
  config: Pick<Config, "poolSize" | "statementTimeoutMs" | "aggregates" | "seed" | "subgraphMaxBodyBytes" | "subgraphTimeoutMs" | "limits" | "webhooks"> & {
    internalSecret: string;
    /** Where the other subgraphs listen, for reference checks. */
    peerUrls: Partial<Record<SubgraphName, string>>;
  },
  logger: Logger,
): Promise<Subgraph> {
  const dataSource = createSubgraphDataSource({
    url: databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    logger,
  });
  try {
    await openSubgraphDatabase(dataSource);
    if (config.seed === "auto" && (await isEmpty(dataSource, definition))) {
      await definition.seed(dataSource, logger);
    }
    // One fetch to a peer waits SUBGRAPH_TIMEOUT_MS, as the gateway's do.
    const peers = createPeerClient(definition.name, config.peerUrls, config.internalSecret, config.subgraphTimeoutMs);
    const subgraph = await createSubgraph(definition, dataSource, logger, {
      maxBodyBytes: config.subgraphMaxBodyBytes,
      internalSecret: config.internalSecret,
      peers,
      // Raising QUERY_MAX_LIST_SIZE raises the subgraphs' largest page; lowering it is the gateway's to enforce
      // (LIST_TOO_LARGE), so gateways with other limits in front of the same subgraphs still get default pages.
      maxPageSize: Math.max(MAX_PAGE_SIZE, config.limits.maxListSize),
      // At least one connection of the pool is always left to cheap reads.
      aggregates: createBulkhead(Math.max(1, Math.min(config.aggregates.concurrency, config.poolSize - 1)), config.aggregates.queueSize),
      webhookLocalDestinations: config.webhooks.localDestinations,
    });
    const webhooks = definition.webhooks
      ? await startWebhookRunner({ databaseUrl, source: definition.webhooks.source, peers: { hub: definition.webhooks, client: peers }, config: config.webhooks, logger, registry: subgraph.metrics.registry })
      : undefined;
    return {
      ...subgraph,
      async stop() {
        await webhooks?.stop();
        await subgraph.stop();
        await closeDataSource(dataSource);
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw error;
  }
}

/** The first entity is the subgraph's main table; no rows there means a new database. */
async function isEmpty(dataSource: Subgraph["dataSource"], definition: SubgraphDefinition): Promise<boolean> {
  const repository = dataSource.getRepository(definition.entities[0]);
  return !(await repository.createQueryBuilder().select("1").limit(1).getRawOne());
}
