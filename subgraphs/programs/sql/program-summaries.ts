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

/** The summary triggers (migration ProgramSummaries): one per table and event. */
const SUMMARY_TRIGGERS = ["program", "program_party", "program_direction", "activity"].flatMap((table) =>
  ["insert", "update", "delete"].map((event) => ({ table, trigger: `tg_${table}_summaries_${event}` })),
);

async function setSummaryTriggers(dataSource: DataSource, enabled: boolean): Promise<void> {
  for (const { table, trigger } of SUMMARY_TRIGGERS) await dataSource.query(`ALTER TABLE ${table} ${enabled ? "ENABLE" : "DISABLE"} TRIGGER ${trigger}`);
}

/**
 * Runs a bulk load with the summary triggers off, for loaders whose
 * statements run on connections of their own (where SET LOCAL cannot reach),
 * then turns them on again and rebuilds once. Meant for a database no one
 * else writes meanwhile (loading a benchmark or a first import): other
 * writers' changes would be missed until the rebuild.
 */
export async function loadWithProgramSummariesSuspended<T>(dataSource: DataSource, load: () => Promise<T>): Promise<T> {
  await setSummaryTriggers(dataSource, false);
  try {
    return await load();
  } finally {
    await setSummaryTriggers(dataSource, true);
    await rebuildProgramSummaries(dataSource);
  }
}
