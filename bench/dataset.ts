/**
 * The benchmarks' database: migrations, the article seed and the synthetic
 * dataset (bench/synthetic) at a chosen size, analysed so plans are stable.
 */
import "reflect-metadata";
import { SUBGRAPH_NAMES } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { createLogger } from "../shared/logger";
import { subgraphs } from "../subgraphs";
import { BULK_STATEMENT_TIMEOUT_MS, FULL_SIZE, SYNTHETIC_GENERATORS, type DatasetSize } from "./synthetic/generate";
import { loadWithProgramSummariesSuspended } from "../subgraphs/programs/sql/program-summaries";
import type { DataSource } from "typeorm";
import type { SubgraphName } from "../shared/config";

/**
 * One subgraph's synthetic data; the programs' with their summary triggers
 * off and one rebuild after (each bulk statement would otherwise refresh
 * every program's summaries again).
 */
export async function bulkLoad(name: SubgraphName, dataSource: DataSource, size: DatasetSize): Promise<void> {
  const generate = SYNTHETIC_GENERATORS[name];
  if (!generate) return;
  if (name === "programs") await loadWithProgramSummariesSuspended(dataSource, () => generate(dataSource, size));
  else await generate(dataSource, size);
}

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

/** Migrates, seeds and fills every subgraph's schema on `url`. */
export async function prepareDatabase(url: string, size: DatasetSize, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  for (const name of SUBGRAPH_NAMES) {
    const definition = subgraphs[name];
    const dataSource = createSubgraphDataSource({ url, schema: name, entities: definition.entities, migrations: definition.migrations, statementTimeoutMs: BULK_STATEMENT_TIMEOUT_MS });
    await openSubgraphDatabase(dataSource);
    await definition.seed(dataSource, createLogger("bench", "silent"));
    await bulkLoad(name, dataSource, size);
    // VACUUM too: freshly inserted rows would otherwise bring autovacuum in during the first measurements.
    await dataSource.query("VACUUM ANALYZE");
    await dataSource.destroy();
  }
  log(`dataset: ${describeDataset(size)}, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
