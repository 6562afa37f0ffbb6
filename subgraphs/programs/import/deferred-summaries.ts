/**
 * The program summaries (migration ProgramSummaries) are kept by
 * statement-level triggers that refresh a program's facts and cubes after
 * every statement touching it: three refreshes per imported program
 * (program, parties, directions), each rewriting the same hot cube rows, so
 * an import's one long transaction piles up row versions and slows with
 * every row (most of a 10,000-row import's time). The migration's own
 * provision for bulk writers is used instead: the triggers are off for the
 * import's transaction (`programs.summaries_deferred`, transaction-local),
 * and before commit the programs the import wrote are refreshed once, from
 * the base tables, by the function the triggers call: the same summaries,
 * committed with the rows. A dry run never commits, so it refreshes nothing.
 */
import type { EntityManager } from "typeorm";
import { deferProgramSummaries } from "../sql/program-summaries";

const CHUNK = 1000;

export class DeferredSummaries {
  private readonly written = new Set<string>();

  constructor(private readonly manager: EntityManager) {}

  /** Turns the summary triggers off until the transaction ends, as bulk loaders do. */
  async defer(): Promise<void> {
    await deferProgramSummaries(this.manager);
  }

  /** A program the import created or updated. */
  wrote(programId: string): void {
    this.written.add(programId);
  }

  /** Turns the triggers back on and brings the written programs' summaries up to date. */
  async refresh(): Promise<void> {
    await this.manager.query("SELECT set_config('programs.summaries_deferred', 'off', true)");
    const ids = [...this.written];
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.manager.query(`SELECT "programs"."refresh_program_summaries"($1::uuid[])`, [ids.slice(i, i + CHUNK)]);
    }
  }
}
