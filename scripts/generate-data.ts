/**
 * `npm run generate -- [--programs 100000] [--enterprises 3000] [--universities 7000]`
 *
 * Adds the deterministic synthetic dataset (bench/synthetic) to the
 * database `npm start` uses (DATABASE_URL, or the embedded PostgreSQL in
 * PG_DATA_DIR), each subgraph through its own connection and schema.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { startEmbeddedPostgres } from "../shared/database/embedded-postgres";
import { subgraphs } from "../subgraphs";
import { BULK_STATEMENT_TIMEOUT_MS, FULL_SIZE, type DatasetSize } from "../bench/synthetic/generate";
import { bulkLoad } from "../bench/dataset";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: String(FULL_SIZE.programs) },
    enterprises: { type: "string", default: String(FULL_SIZE.enterprises) },
    universities: { type: "string", default: String(FULL_SIZE.universities) },
  },
});
const size: DatasetSize = { programs: Number(values.programs), enterprises: Number(values.enterprises), universities: Number(values.universities) };
if (!Object.values(size).every((n) => Number.isInteger(n) && n > 0)) {
  console.error("sizes must be positive whole numbers");
  process.exit(2);
}

const config = readConfig();
const postgres = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.embeddedPostgres);
try {
  for (const name of SUBGRAPH_NAMES) {
    const { entities, migrations } = subgraphs[name];
    const dataSource = createSubgraphDataSource({ url: config.databaseUrls[name] ?? postgres!.url, schema: name, entities, migrations, statementTimeoutMs: BULK_STATEMENT_TIMEOUT_MS });
    await openSubgraphDatabase(dataSource);
    const started = Date.now();
    await bulkLoad(name, dataSource, size);
    await dataSource.query("ANALYZE");
    console.log(`${name}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await dataSource.destroy();
  }
} finally {
  await postgres?.stop();
}
