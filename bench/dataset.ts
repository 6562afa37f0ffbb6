/**
 * The benchmarks' database: migrations, the article seed and the synthetic
 * dataset (bench/synthetic) at a chosen size, analysed so plans are stable.
 */
import "reflect-metadata";
import { SUBGRAPH_NAMES, readConfig, type SubgraphName } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDataSource } from "../shared/database/data-source";
import { createLogger } from "../shared/logger";
import { subgraphs } from "../subgraphs";
import { loadSynthetic, type LoadProgress } from "./synthetic/bulk-load";
import { FULL_SIZE, SYNTHETIC_RECORDS, type DatasetSize } from "./synthetic/generate";

/** The full-size proportions of institutions to programs, scaled to `programs`. */
export function datasetSize(programs: number): DatasetSize {
  if (!Number.isInteger(programs) || programs < 1) throw new Error(`--programs must be a whole number above 0, got ${programs}`);
  const scale = programs / FULL_SIZE.programs;
  return {
    programs,
    enterprises: Math.max(10, Math.round(FULL_SIZE.enterprises * scale)),
    universities: Math.max(10, Math.round(FULL_SIZE.universities * scale)),
  };
}

export function describeDataset(size: DatasetSize): string {
  return `${size.programs} programs, ${size.enterprises} enterprises, ${size.universities} universities`;
}

/** BULK_STATEMENT_TIMEOUT_MS (shared/config.ts): the deadline of one statement of a load. */
const bulkStatementTimeoutMs = () => readConfig().bulkStatementTimeoutMs;

/**
 * A subgraph's connection for bulk work: its own schema and migrations, one
 * connection, the bulk deadline on the server (statement_timeout) and the
 * client waiting a little longer, so PostgreSQL's cancellation is what ends a
 * statement that runs too long.
 */
export async function openBulkDataSource(url: string, name: SubgraphName): Promise<SubgraphDataSource> {
  const { entities, migrations } = subgraphs[name];
  const timeout = bulkStatementTimeoutMs();
  const dataSource = createSubgraphDataSource({ url, schema: name, entities, migrations, poolSize: 1, statementTimeoutMs: timeout, queryTimeoutMs: timeout + 5_000 });
  await openSubgraphDatabase(dataSource);
  return dataSource;
}

/** One progress line per chunk, and for the indexes every 5 s and at the end, with the time since `started`. */
export function progressLine(name: string, started: number, log: (line: string) => void): (progress: LoadProgress) => void {
  let lastLine = Date.now();
  return ({ table, rowsDone, rowsTotal, indexes }) => {
    if (indexes && indexes.done < indexes.total && Date.now() - lastLine < 5_000) return;
    lastLine = Date.now();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const what = indexes ? `indexes ${indexes.done}/${indexes.total} built again` : `${rowsDone.toLocaleString("en")} / ${rowsTotal.toLocaleString("en")} ${table} rows (${Math.round((100 * rowsDone) / rowsTotal)}%)`;
    log(`${name}: ${what}, ${seconds} s`);
  };
}

/** Writes a subgraph's synthetic records (if it has any) and analyses its tables. */
export async function fillSubgraph(dataSource: SubgraphDataSource, name: SubgraphName, size: DatasetSize, log: (line: string) => void, options: { vacuum?: boolean } = {}): Promise<void> {
  const records = SYNTHETIC_RECORDS[name];
  const started = Date.now();
  if (records) {
    const result = await loadSynthetic(dataSource, records, size, { statementTimeoutMs: bulkStatementTimeoutMs(), onProgress: progressLine(name, started, log) });
    if (!result.loaded) log(`${name}: the synthetic records of this size are there already`);
  }
  // VACUUM too for benchmarks: freshly inserted rows would otherwise bring autovacuum in during the first measurements
  // (and index-only scans need the visibility map it writes).
  // Its own tables only: a bare ANALYZE would take every schema's tables, and wait for the locks of a load beside it.
  const tables: { name: string }[] = await dataSource.query("SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = $1", [name]);
  await dataSource.query(`${options.vacuum ? "VACUUM ANALYZE" : "ANALYZE"} ${tables.map((t) => t.name).join(", ")}`);
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Migrates, seeds and fills every subgraph's schema on `url`, the subgraphs side by side (each its own connection and transaction). */
export async function prepareDatabase(url: string, size: DatasetSize, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const dataSource = await openBulkDataSource(url, name);
      try {
        await subgraphs[name].seed(dataSource, createLogger("bench", "silent"));
        await fillSubgraph(dataSource, name, size, log, { vacuum: true });
      } finally {
        await dataSource.destroy();
      }
    }),
  );
  log(`dataset: ${describeDataset(size)}, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
