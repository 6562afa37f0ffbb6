/**
 * `npm run provision`: with DATABASE_URL as an admin connection, creates one
 * login role per subgraph (named, with its password, in that subgraph's
 * <PREFIX>_DATABASE_URL: ENTERPRISES_DATABASE_URL, ...) owning that subgraph's
 * schema and nothing else, then exits. The subgraphs then start with their
 * own connection strings and migrate their own schemas.
 */
import { ConfigError, readConfig } from "../shared/config";
import { provision } from "../shared/database/provision";
import { exitOnStartupError } from "../shared/lifecycle";
import { createLogger } from "../shared/logger";

try {
  const config = readConfig();
  if (!config.databaseUrl) throw new ConfigError("DATABASE_URL is required: an admin connection that may create roles and schemas.");
  const provisioned = await provision(config.databaseUrl, config.databaseUrls, createLogger("provision", config.logLevel));
  for (const { subgraph, role, database } of provisioned) {
    console.log(`${subgraph}: role ${role} owns schema ${subgraph} in database ${database}`);
  }
} catch (error) {
  exitOnStartupError(error, [ConfigError]);
}
