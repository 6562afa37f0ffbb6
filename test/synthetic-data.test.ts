/**
 * The synthetic dataset's bulk loader (bench/synthetic/bulk-load.ts, behind
 * `npm run generate` and the benchmarks): the same size gives the same rows
 * however they are chunked; a load that dies leaves nothing behind, its
 * dropped indexes and foreign keys included, and running it again finishes
 * it; a load that committed is not written twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBulkDataSource } from "../bench/dataset";
import { loadSynthetic } from "../bench/synthetic/bulk-load";
import { PROGRAMS, UNIVERSITIES, ENTERPRISES } from "../bench/synthetic/generate";
import type { SubgraphDataSource } from "../shared/database/data-source";
import { rebuildProgramSummaries } from "../subgraphs/programs/sql/program-summaries";
import { createTestDatabase, type TestDatabase } from "./support/database";

const SIZE = { programs: 1_500, enterprises: 50, universities: 100 };
const TABLES = ["program", "program_party", "program_direction", "activity"];
/** The summaries the triggers keep (off during a load, so the load rebuilds them). */
const SUMMARY_TABLES = ["program_summary_fact", "program_cube", "program_key_cube", "network_edge_cube", "network_node_cube"];

let databases: TestDatabase[] = [];
let whole: SubgraphDataSource;
let chunked: SubgraphDataSource;

beforeAll(async () => {
  databases = [await createTestDatabase(), await createTestDatabase()];
  [whole, chunked] = await Promise.all(databases.map((d) => openBulkDataSource(d.url, "programs")));
});

afterAll(async () => {
  await Promise.all([whole, chunked].map((d) => d?.destroy()));
  for (const database of databases) await database.drop();
});

/**
 * Every row of the programs tables, as text, in a stable order (creation times aside: they are the load's clock;
 * and the summaries' identity ids, which number cells in the order they were made).
 */
async function contents(dataSource: SubgraphDataSource, tables = TABLES): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of tables) {
    const [{ columns }] = await dataSource.query(
      "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY column_name) AS columns FROM information_schema.columns WHERE table_schema = 'programs' AND table_name = $1 AND column_name NOT IN ('created_at', 'updated_at') AND NOT (column_name = 'id' AND is_identity = 'YES')",
      [table],
    );
    const [{ rows, md5 }] = await dataSource.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM (SELECT ${columns} FROM ${table}) t`);
    result[table] = { rows, md5 };
  }
  return result;
}

/** The schema's indexes, foreign keys and enabled triggers: what a load drops or switches off for a while. */
async function structure(dataSource: SubgraphDataSource): Promise<string[]> {
  const rows: { item: string }[] = await dataSource.query(
    `SELECT indexdef AS item FROM pg_indexes WHERE schemaname = 'programs'
     UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'programs'::regnamespace
     UNION ALL SELECT tgname || ' ' || tgenabled::text FROM pg_trigger WHERE tgrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'programs'::regnamespace) AND NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}

describe("the synthetic dataset's bulk load", () => {
  it("gives the same rows in one chunk as in many, after an interrupted load, and writes nothing twice", async () => {
    const before = await structure(chunked);
    expect(before.length).toBeGreaterThan(10);

    expect(await loadSynthetic(whole, PROGRAMS, SIZE, { chunkRows: 100_000 })).toEqual({ loaded: true, indexesRebuilt: expect.any(Number) });

    // Dies after the second chunk: the whole load rolls back, indexes and foreign keys included.
    let chunks = 0;
    const dying = loadSynthetic(chunked, PROGRAMS, SIZE, {
      chunkRows: 400,
      onProgress: () => {
        if (++chunks === 2) throw new Error("interrupted");
      },
    });
    await expect(dying).rejects.toThrow("interrupted");
    expect((await contents(chunked)).program.rows).toBe(0);
    expect(await structure(chunked)).toEqual(before);

    const again = await loadSynthetic(chunked, PROGRAMS, SIZE, { chunkRows: 400, statementTimeoutMs: 60_000 });
    expect(again.loaded).toBe(true);
    expect(again.indexesRebuilt).toBeGreaterThan(5);
    expect(await structure(chunked)).toEqual(before);

    const loaded = await contents(chunked);
    expect(loaded.program.rows).toBe(SIZE.programs);
    expect(loaded.program_party.rows).toBeGreaterThan(2 * SIZE.programs);
    expect(loaded).toEqual(await contents(whole));

    // The summaries the triggers would have kept: filled by the load, and equal to a rebuild from the loaded rows.
    const summaries = await contents(chunked, SUMMARY_TABLES);
    expect(summaries.program_summary_fact.rows).toBe(SIZE.programs);
    expect(summaries.network_edge_cube.rows).toBeGreaterThan(0);
    await rebuildProgramSummaries(chunked);
    expect(await contents(chunked, SUMMARY_TABLES)).toEqual(summaries);
    expect(summaries).toEqual(await contents(whole, SUMMARY_TABLES));

    // Once more at the same size: found, skipped, unchanged.
    expect(await loadSynthetic(chunked, PROGRAMS, SIZE, { chunkRows: 400 })).toEqual({ loaded: false, indexesRebuilt: 0 });
    expect(await contents(chunked)).toEqual(loaded);
  });

  it("has PostgreSQL end a statement beyond its deadline (statement_timeout, not only the client's wait)", async () => {
    const before = await structure(chunked);
    await expect(loadSynthetic(chunked, PROGRAMS, { ...SIZE, programs: 50_000 }, { statementTimeoutMs: 5 })).rejects.toThrow(/canceling statement due to statement timeout/);
    expect(await structure(chunked)).toEqual(before);
    expect((await contents(chunked)).program.rows).toBe(SIZE.programs);
  });

  it("writes every institution type's records too", async () => {
    const enterprises = await openBulkDataSource(databases[0].url, "enterprises");
    const universities = await openBulkDataSource(databases[0].url, "universities");
    try {
      await loadSynthetic(enterprises, ENTERPRISES, SIZE, { chunkRows: 20 });
      await loadSynthetic(universities, UNIVERSITIES, SIZE, { chunkRows: 30 });
      expect((await enterprises.query("SELECT count(*)::int AS n FROM division"))[0].n).toBe(3 * SIZE.enterprises);
      expect((await universities.query("SELECT count(*)::int AS n FROM university_name"))[0].n).toBe(3 * SIZE.universities);
    } finally {
      await enterprises.destroy();
      await universities.destroy();
    }
  });
});
