/**
 * README, Hostile input / search, and shared/database/text-search.ts: text
 * search is served by the trigram indexes on search_text(...). At 10,000
 * programs the planner would scan the table for a LIKE '%…%' unless the
 * index is there and matches the expression the filter writes, so EXPLAIN of
 * the very SQL the programs filter builds must name the index.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Program } from "../../subgraphs/programs/entities/program";
import type { ProgramFilter } from "../../subgraphs/programs/resolvers/filters";
import { applyProgramFilter } from "../../subgraphs/programs/sql/program-filter";
import { startTestStack, type TestStack } from "../support/stack";

const PROGRAMS = 10_000;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  const db = stack.subgraphs.programs.dataSource;
  // Copies of one seeded program, each with a title and description of its own; the summary triggers make it
  // bulk work, which a busy machine may take longer for than the stack's per-statement deadline.
  await db.transaction(async (bulk) => {
    await bulk.query("SET LOCAL statement_timeout = 0");
    await bulk.query(
    `INSERT INTO programs.program
     SELECT (jsonb_populate_record(NULL::programs.program, to_jsonb(p) || jsonb_build_object(
       'id', gen_random_uuid(), 'slug', 'synthetic-' || g,
       'title', 'Synthetic cooperation ' || md5(g::text), 'description', 'Practice ' || md5((g * 7)::text)))).*
     FROM programs.program p, generate_series(1, $1::int) g
     WHERE p.id = (SELECT id FROM programs.program ORDER BY id LIMIT 1)`,
    [PROGRAMS],
    );
  });
  await db.query("ANALYZE programs.program");
}, 120_000);
afterAll(() => stack?.stop());

async function planOf(filter: ProgramFilter): Promise<string> {
  const db = stack.subgraphs.programs.dataSource;
  const query = db.getRepository(Program).createQueryBuilder("program").select("program.id");
  applyProgramFilter(query, filter);
  const [sql, parameters] = query.getQueryAndParameters();
  const rows: { "QUERY PLAN": string }[] = await db.query(`EXPLAIN ${sql}`, parameters);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("search uses its trigram indexes", () => {
  it("has enough programs for a scan to be the planner's choice without them", async () => {
    const [{ count }] = await stack.subgraphs.programs.dataSource.query("SELECT count(*)::int AS count FROM programs.program");
    expect(count).toBeGreaterThan(PROGRAMS);
  });

  it("a text filter on programs reads ix_program_title_search and ix_program_description_search, no sequential scan", async () => {
    const plan = await planOf({ text: "cooperatiön 3f2a" } as ProgramFilter);
    expect(plan).toContain("ix_program_title_search");
    expect(plan).toContain("ix_program_description_search");
    expect(plan).not.toMatch(/Seq Scan on program\b/);
  });
});
