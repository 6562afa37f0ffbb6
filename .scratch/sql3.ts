import "reflect-metadata";
import pg from "pg";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { subgraphs } from "../subgraphs";
import { generatePrograms } from "../scripts/synthetic/generate";
const size = { enterprises: 3000, universities: 7000, programs: 100000 };
const p = await startScratchPostgres();
const d = subgraphs.programs;
const ds = createSubgraphDataSource({ url: p.url, schema: "programs", entities: d.entities, migrations: d.migrations });
await openSubgraphDatabase(ds); await generatePrograms(ds, size); await ds.query("ANALYZE"); await ds.destroy();
const c = new pg.Client({ connectionString: p.url }); await c.connect();
await c.query("SET search_path = programs, extensions");
const filtered = `SELECT program.id FROM program WHERE EXISTS (SELECT 1 FROM program_party party WHERE party.program_id = program.id AND party.institution_country_code = ANY('{KG}'))`;
const sql = `EXPLAIN (ANALYZE, BUFFERS off, TIMING off) WITH filtered AS (${filtered}), parties AS (SELECT DISTINCT pp.program_id, pp.institution_id, pp.institution_type FROM program_party pp JOIN filtered f ON f.id = pp.program_id)
 SELECT a.institution_id, a.institution_type, b.institution_id, b.institution_type, p.kind, count(*), count(*) FILTER (WHERE p.status='ACTIVE'), min(p.signed_on), max(p.signed_on)
 FROM parties a JOIN parties b ON b.program_id = a.program_id AND a.institution_id < b.institution_id JOIN program p ON p.id = a.program_id GROUP BY 1,2,3,4,5`;
const r = await c.query(sql); console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
const t = performance.now(); for (let i = 0; i < 3; i++) await c.query(sql.replace("EXPLAIN (ANALYZE, BUFFERS off, TIMING off) ", "")); console.log("pairs", ((performance.now() - t) / 3).toFixed(1), "ms");
const t2 = performance.now(); for (let i = 0; i < 3; i++) await c.query(`WITH filtered AS (${filtered}) SELECT count(*) FROM filtered`); console.log("count", ((performance.now() - t2) / 3).toFixed(1), "ms");
await c.end(); await p.stop();
