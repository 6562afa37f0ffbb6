/**
 * The benchmarks' datasets kept on disk, one PostgreSQL data folder per size
 * (.data/bench/<N>-programs, or under BENCH_DATA_DIR's folder given to
 * `npm run bench -- --data-dir`), so a second run at a size reuses what the
 * first generated: preparing 1,000,000 programs takes minutes, reopening it
 * seconds. Preparing is resumable (bench/dataset.ts skips what is there).
 */
import path from "node:path";
import pg from "pg";
import { freePort } from "../shared/database/scratch-postgres";
import { startEmbeddedPostgres, type RunningPostgres } from "../shared/database/embedded-postgres";
import { datasetSize, prepareDatabase } from "./dataset";
import type { DatasetSize } from "./synthetic/generate";

export const DEFAULT_BENCH_DATA_DIR = ".data/bench";

export interface BenchDataset {
  size: DatasetSize;
  postgres: RunningPostgres;
  /** Seconds spent preparing (generating, or checking what was there and analysing). */
  preparedInSeconds: number;
  /** The database's size on disk, bytes (tables, indexes, TOAST). */
  databaseBytes: number;
}

/** The folder the dataset of `programs` programs lives in; `npm run generate` with PG_DATA_DIR set to it fills the same. */
export function datasetFolder(root: string, programs: number): string {
  return path.resolve(root, `${programs}-programs`);
}

export async function openDataset(root: string, programs: number, log: (line: string) => void): Promise<BenchDataset> {
  const size = datasetSize(programs);
  // fsync off: a benchmark's dataset can be generated again; a clean stop keeps it intact.
  const postgres = await startEmbeddedPostgres({ dataDir: datasetFolder(root, programs), port: await freePort(), durable: false });
  try {
    const started = Date.now();
    await prepareDatabase(postgres.url, size, log);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const [{ bytes }] = (await client.query("SELECT pg_database_size(current_database()) AS bytes")).rows;
    await client.end();
    return { size, postgres, preparedInSeconds: (Date.now() - started) / 1000, databaseBytes: Number(bytes) };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}
