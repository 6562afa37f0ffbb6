/**
 * The programs' summaries (migration ProgramSummaries: tables, and the
 * triggers that keep them exact in the writing transaction), for bulk loaders:
 * defer the triggers while loading, rebuild once afterwards.
 */
import type { DataSource, EntityManager } from "typeorm";

/** A rebuild reads every program once: far beyond a request's statement_timeout (0 = none for its transaction). */
const REBUILD_STATEMENT_TIMEOUT = "SET LOCAL statement_timeout = 0";

/**
 * Rebuilds every summary from programs, parties, directions and activities in
 * one transaction (writers of those tables wait meanwhile). Call it after
 * loading with deferProgramSummaries, or whenever in doubt: it is exact.
 */
export async function rebuildProgramSummaries(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(REBUILD_STATEMENT_TIMEOUT);
    await manager.query(`SELECT programs.rebuild_program_summaries()`);
  });
}

/**
 * For the rest of `manager`'s transaction the summary triggers do nothing:
 * a bulk load then costs no summary work, and the summaries are wrong until
 * rebuildProgramSummaries runs (call it before readers come).
 */
export async function deferProgramSummaries(manager: EntityManager | DataSource): Promise<void> {
  await manager.query(`SET LOCAL programs.summaries_deferred = on`);
}
