import "reflect-metadata";
import pg from "pg";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { SUBGRAPH_NAMES } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { subgraphs } from "../subgraphs";
import { createLogger } from "../shared/logger";
import { generateEnterprises, generatePrograms, generateUniversities } from "../scripts/synthetic/generate";
const size = { enterprises: 3000, universities: 7000, programs: 100000 };
const p = await startScratchPostgres();
const gens = { enterprises: generateEnterprises, universities: generateUniversities, programs: generatePrograms };
for (const name of ["programs"] as const) {
  const d = subgraphs[name];
  const ds = createSubgraphDataSource({ url: p.url, schema: name, entities: d.entities, migrations: d.migrations });
  await openSubgraphDatabase(ds); await gens[name](ds, size); await ds.query("ANALYZE"); await ds.destroy();
}
const c = new pg.Client({ connectionString: p.url }); await c.connect();
await c.query("SET search_path = programs, extensions");
const q = async (label: string, sql: string) => { await c.query(sql); const t = performance.now(); for (let i = 0; i < 5; i++) await c.query(sql); console.log(label, ((performance.now() - t) / 5).toFixed(1), "ms"); };
await q("A current", `WITH filtered AS (SELECT program.id FROM program), activity_totals AS (SELECT a.program_id, count(*)::int AS activities, COALESCE(sum(a.planned_participants),0)::int planned, COALESCE(sum(a.actual_participants),0)::int actual FROM activity a JOIN filtered f ON f.id = a.program_id GROUP BY a.program_id) SELECT to_char(p.signed_on,'YYYY') key, count(DISTINCT p.id), count(DISTINCT p.id) FILTER (WHERE p.status='ACTIVE'), COALESCE(sum(t.activities),0), COALESCE(sum(t.planned),0), COALESCE(sum(t.actual),0) FROM program p JOIN filtered f ON f.id = p.id LEFT JOIN activity_totals t ON t.program_id = p.id GROUP BY 1`);
await q("B count(*)", `WITH filtered AS (SELECT program.id FROM program), activity_totals AS (SELECT a.program_id, count(*)::int AS activities, COALESCE(sum(a.planned_participants),0)::int planned, COALESCE(sum(a.actual_participants),0)::int actual FROM activity a JOIN filtered f ON f.id = a.program_id GROUP BY a.program_id) SELECT to_char(p.signed_on,'YYYY') key, count(*), count(*) FILTER (WHERE p.status='ACTIVE'), COALESCE(sum(t.activities),0), COALESCE(sum(t.planned),0), COALESCE(sum(t.actual),0) FROM program p JOIN filtered f ON f.id = p.id LEFT JOIN activity_totals t ON t.program_id = p.id GROUP BY 1`);
await q("C no activities", `WITH filtered AS (SELECT program.id FROM program) SELECT to_char(p.signed_on,'YYYY') key, count(*), count(*) FILTER (WHERE p.status='ACTIVE') FROM program p JOIN filtered f ON f.id = p.id GROUP BY 1`);
await q("D inline filter", `SELECT to_char(p.signed_on,'YYYY') key, count(*), count(*) FILTER (WHERE p.status='ACTIVE') FROM program p WHERE p.id IN (SELECT program.id FROM program) GROUP BY 1`);
await q("E extract year", `SELECT extract(year from p.signed_on)::int key, count(*) FROM program p GROUP BY 1`);
await q("F activity totals only", `SELECT a.program_id, count(*) FROM activity a GROUP BY 1`);
await q("G country", `WITH filtered AS (SELECT program.id FROM program WHERE status='ACTIVE') SELECT g.country, count(*) FROM filtered f JOIN (SELECT DISTINCT program_id, institution_country_code AS country FROM program_party) g ON g.program_id = f.id GROUP BY 1`);
await q("H country exists", `SELECT c.country, count(*) FROM (SELECT DISTINCT pp.program_id, pp.institution_country_code AS country FROM program_party pp JOIN program p ON p.id = pp.program_id WHERE p.status='ACTIVE') c GROUP BY 1`);
await c.end(); await p.stop();
