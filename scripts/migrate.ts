/**
 * `npm run migrate`: applies pending migrations of every subgraph (each in its
 * own schema, with its own connection string) and exits. Services also
 * migrate when they start; this is for deployments that migrate first.
 */
import "reflect-metadata";
import { ConfigError, SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { exitOnStartupError } from "../shared/lifecycle";
import { createLogger } from "../shared/logger";
import { subgraphs } from "../subgraphs";

try {
  const config = readConfig();
  for (const name of SUBGRAPH_NAMES) {
    const url = config.databaseUrls[name];
    if (!url) throw new ConfigError(`DATABASE_URL (or ${name.toUpperCase()}_DATABASE_URL) is required to migrate ${name}.`);
    const { entities, migrations } = subgraphs[name];
    const dataSource = createSubgraphDataSource({ url, schema: name, entities, migrations, logger: createLogger(name, config.logLevel) });
    await openSubgraphDatabase(dataSource);
    await dataSource.destroy();
    console.log(`${name}: migrations applied`);
  }
} catch (error) {
  exitOnStartupError(error, [ConfigError]);
}
