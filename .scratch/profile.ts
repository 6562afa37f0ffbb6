import "reflect-metadata";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { readConfig } from "../shared/config";
import { startStack } from "../scripts/stack";
import { SUBGRAPH_NAMES } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { subgraphs } from "../subgraphs";
import { createLogger } from "../shared/logger";
import { generateEnterprises, generatePrograms, generateUniversities } from "../scripts/synthetic/generate";
import { BENCH_QUERIES } from "../bench/queries";

const size = { enterprises: 600, universities: 1400, programs: 20000 };
const pg = await startScratchPostgres();
const gens = { enterprises: generateEnterprises, universities: generateUniversities, programs: generatePrograms };
for (const name of SUBGRAPH_NAMES) {
  const d = subgraphs[name];
  const ds = createSubgraphDataSource({ url: pg.url, schema: name, entities: d.entities, migrations: d.migrations });
  await openSubgraphDatabase(ds); await d.seed(ds, createLogger("x", "silent")); await gens[name](ds, size); await ds.query("ANALYZE"); await ds.destroy();
}
const secret = "s".repeat(64);
const stack = await startStack(readConfig({ DATABASE_URL: pg.url, INTERNAL_SECRET: secret, AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_MINUTE: "0", GATEWAY_PORT: "0", ENTERPRISES_PORT: "0", UNIVERSITIES_PORT: "0", PROGRAMS_PORT: "0", LOG_LEVEL: "silent", SEED: "never", SUBGRAPH_TRANSPORT: process.env.T ?? "local" }));
for (const q of BENCH_QUERIES.filter((b) => !process.env.Q || b.name.startsWith(process.env.Q))) {
  const post = async () => { const r = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q.query, variables: q.variables }) }); const b: any = await r.json(); if (b.errors) throw new Error(JSON.stringify(b.errors)); return b; };
  for (let i = 0; i < 5; i++) await post();
  const n = Number(process.env.N ?? 30); const t0 = performance.now();
  for (let i = 0; i < n; i++) await post();
  console.log(`${q.name}: ${((performance.now() - t0) / n).toFixed(1)} ms sequential`);
}
await stack.stop(); await pg.stop();
