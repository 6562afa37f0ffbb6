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
const t0 = Date.now();
for (const name of SUBGRAPH_NAMES) {
  const d = subgraphs[name];
  const ds = createSubgraphDataSource({ url: p.url, schema: name, entities: d.entities, migrations: d.migrations });
  await openSubgraphDatabase(ds); await d.seed(ds, createLogger("x", "silent")); await gens[name](ds, size); await ds.query("ANALYZE"); await ds.destroy();
}
console.log("generated in", (Date.now() - t0) / 1000, "s");
const c = new pg.Client({ connectionString: p.url }); await c.connect();
await c.query("SET search_path = programs, extensions");
const q = async (label: string, sql: string) => { const t = performance.now(); for (let i = 0; i < 5; i++) await c.query(sql); console.log(label, ((performance.now() - t) / 5).toFixed(1), "ms"); };
await q("stats by year", `WITH filtered AS (SELECT program.id FROM program), activity_totals AS (SELECT a.program_id, count(*)::int AS activities, COALESCE(sum(a.planned_participants),0)::int planned, COALESCE(sum(a.actual_participants),0)::int actual FROM activity a JOIN filtered f ON f.id = a.program_id GROUP BY a.program_id) SELECT to_char(p.signed_on,'YYYY') key, count(DISTINCT p.id), count(DISTINCT p.id) FILTER (WHERE p.status='ACTIVE'), COALESCE(sum(t.activities),0), COALESCE(sum(t.planned),0), COALESCE(sum(t.actual),0) FROM program p JOIN filtered f ON f.id = p.id LEFT JOIN activity_totals t ON t.program_id = p.id GROUP BY 1`);
await q("count active", `SELECT count(*) FROM program WHERE status = 'ACTIVE'`);
await q("page 50 active", `SELECT * FROM program WHERE status='ACTIVE' ORDER BY COALESCE(signed_on, starts_on, DATE '0001-01-01') DESC, id LIMIT 51`);
await q("expiring", `SELECT * FROM program WHERE status='ACTIVE' AND ends_on BETWEEN CURRENT_DATE AND CURRENT_DATE + 90 ORDER BY COALESCE(signed_on, starts_on, DATE '0001-01-01') DESC, id LIMIT 101`);
await c.end(); await p.stop();
