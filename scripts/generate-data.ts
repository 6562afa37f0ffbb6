/**
 * `npm run generate -- [--programs 100000] [--enterprises 3000] [--universities 7000]`
 *
 * Adds the deterministic synthetic dataset (bench/synthetic) to the
 * database `npm start` uses (DATABASE_URL, or the embedded PostgreSQL in
 * PG_DATA_DIR), each subgraph through its own connection and schema, in bulk
 * (bench/synthetic/bulk-load.ts: 1,000,000 programs in minutes, a progress
 * line per chunk, BULK_STATEMENT_TIMEOUT_MS per statement). Interrupted, it
 * leaves the subgraph it was writing as it was; run it again to finish.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { SUBGRAPH_NAMES, readConfig } from "../shared/config";
import { startEmbeddedPostgres } from "../shared/database/embedded-postgres";
import { describeDataset, fillSubgraph, openBulkDataSource } from "../bench/dataset";
import { FULL_SIZE, type DatasetSize } from "../bench/synthetic/generate";

const { values } = parseArgs({
  options: {
    programs: { type: "string", default: String(FULL_SIZE.programs) },
    enterprises: { type: "string", default: String(FULL_SIZE.enterprises) },
    universities: { type: "string", default: String(FULL_SIZE.universities) },
  },
});
const size: DatasetSize = { programs: Number(values.programs), enterprises: Number(values.enterprises), universities: Number(values.universities) };
if (!Object.values(size).every((n) => Number.isInteger(n) && n > 0 && n <= 10_000_000)) {
  console.error("sizes must be whole numbers from 1 to 10,000,000");
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const config = readConfig();
const postgres = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.embeddedPostgres);
const started = Date.now();
try {
  log(`generating ${describeDataset(size)}`);
  // Side by side: each subgraph has its own schema, connection and transaction, and the small ones finish while programs loads.
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const dataSource = await openBulkDataSource(config.databaseUrls[name] ?? postgres!.url, name);
      try {
        await fillSubgraph(dataSource, name, size, log);
      } finally {
        await dataSource.destroy();
      }
    }),
  );
  log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await postgres?.stop();
}
