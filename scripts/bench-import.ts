/**
 * `npm run bench:import -- [--rows N]`: bulk import of programs through the
 * gateway's POST /import/programs as `npm run import` sends it, on the article
 * data in a scratch PostgreSQL, the whole graph in one process (npm start's
 * topology). Measures, for a file of N new programs (default 10,000) named by
 * slug and by name in Russian or Uzbek: the dry run, the import applied, the
 * same file again (nothing changes), and a file of N rows with one bad row
 * (nothing stored, that row reported). Prints rows per second and the peak
 * memory of the process; writes bench/results/import.md.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { mintToken } from "../shared/auth/tokens";
import { readConfig } from "../shared/config";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { csvOf } from "../shared/import/templates";
import { deterministicId } from "../shared/records/ids";
import { startStack } from "../shared/stack";
import { codeVersion, machineDescription, runDate } from "../bench/machine";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 2) throw new Error(`--rows must be a whole number above 1, got ${values.rows}`);

// Partner universities of the article data, named as a partner office would write them.
const PARTNERS = ["tashstu-almalyk", "Алмалыкский филиал ТашГТУ", "university-of-geological-sciences", "Toshkent davlat texnika universiteti", "nust-misis-almalyk", "osh-technological-university"];
const COLUMNS = ["externalRef", "slug", "title", "kind", "startsOn", "termMonths", "fieldCodes", "directions", "party1", "party1Role", "party1Unit", "party1SignatoryName", "party2", "party2Role"];

function programRows(prefix: string, bad?: number): Record<string, string>[] {
  return Array.from({ length: rows }, (_, i) => ({
    externalRef: `${prefix}-${i + 1}`,
    slug: `${prefix.toLowerCase()}-practice-${i + 1}`,
    title: `Производственная практика № ${i + 1}`,
    kind: i + 1 === bad ? "NO_SUCH_KIND" : i % 3 === 0 ? "INTERNSHIP" : "MEMORANDUM",
    startsOn: `20${20 + (i % 7)}-0${1 + (i % 9)}`,
    termMonths: String(12 + (i % 48)),
    fieldCodes: "0724; 0715",
    directions: "PRACTICAL_TRAINING; EMPLOYMENT",
    party1: "ammc",
    party1Role: "SIGNATORY",
    party1Unit: "ammc-engineering-school",
    party1SignatoryName: "A. Khursanov",
    party2: PARTNERS[i % PARTNERS.length],
    party2Role: i % 2 ? "SIGNATORY" : "PARTNER",
  }));
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const postgres = await startScratchPostgres();
const config = readConfig({
  DATABASE_URL: postgres.url,
  INTERNAL_SECRET: randomBytes(32).toString("hex"),
  AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
  GATEWAY_PORT: "0",
  ENTERPRISES_PORT: "0",
  UNIVERSITIES_PORT: "0",
  PROGRAMS_PORT: "0",
  RATE_LIMIT_PER_MINUTE: "0",
  // Measured, not cut off: on a busy machine an import may take longer than the default deadline.
  IMPORT_TIMEOUT_MS: "1800000",
  LOG_LEVEL: "warn",
  NODE_ENV: "production",
});
const stack = await startStack(config);
const results: { step: string; seconds: number; rowsPerSecond: number; statementsPerRow: number; load: string; outcome: string }[] = [];
try {
  const token = await mintToken(stack.auth.jwtSecret!, { subject: "bench-import", role: "editor", institution: { type: "ENTERPRISE", id: deterministicId("Enterprise", "ammc") } }, { issuer: stack.auth.issuer, audience: stack.auth.audience, expiresIn: "1h" });
  const send = async (step: string, file: string, apply: boolean) => {
    const url = new URL(`/import/programs${apply ? "?dryRun=false" : ""}`, stack.gatewayUrl);
    const statementsBefore = stack.subgraphs.programs.dataSource.statements.count;
    const started = performance.now();
    const response = await fetch(url, { method: "POST", headers: { "content-type": "text/csv", authorization: `Bearer ${token}` }, body: file });
    const report = (await response.json()) as { created: number; updated: number; unchanged: number; refused: number; applied: boolean; problems: { row: number; column: string; code: string }[]; errors?: unknown };
    const seconds = (performance.now() - started) / 1000;
    const statements = stack.subgraphs.programs.dataSource.statements.count - statementsBefore;
    console.log(`${step}: ${statements} SQL statements, ${(statements / rows).toFixed(3)} per row`);
    if (report.errors) throw new Error(`${step}: ${JSON.stringify(report.errors)}`);
    const problems = report.problems.map((p) => `row ${p.row} ${p.column} ${p.code}`).join(", ");
    const outcome = `${report.applied ? "applied" : "not applied"}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused} refused${problems ? ` (${problems})` : ""}`;
    // The 1-minute load average as the step ends: how busy the shared machine was meanwhile.
    results.push({ step, seconds, rowsPerSecond: rows / seconds, statementsPerRow: statements / rows, load: os.loadavg()[0].toFixed(1), outcome });
    console.log(`${step}: ${seconds.toFixed(2)} s, ${(rows / seconds).toFixed(0)} rows/s; ${outcome}`);
  };
  const file = csvOf(COLUMNS, programRows("BENCH"));
  console.log(`file: ${rows} programs, ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(2)} MiB of CSV`);
  await send("dry run", file, false);
  await send("applied", file, true);
  await send("same file again", file, true);
  await send(`one bad row (row ${Math.ceil(rows / 2)})`, csvOf(COLUMNS, programRows("OTHER", Math.ceil(rows / 2))), true);
  const stored = Number((await stack.subgraphs.programs.dataSource.query(`SELECT count(*) FROM programs.external_reference WHERE external_ref LIKE 'OTHER-%'`))[0].count);
  console.log(`programs stored from the file with one bad row: ${stored}`);

  clearInterval(sampler);
  const lines = [
    `# Bulk import benchmark`,
    ``,
    `\`npm run bench:import -- --rows ${rows}\`, ${runDate()}, code ${codeVersion()}.`,
    `Machine: ${machineDescription()}. **The machine is shared** with other engineers' builds and tests, so the figures vary from run to run.`,
    ``,
    `A CSV file of ${rows} programs (${(Buffer.byteLength(file) / 1024 / 1024).toFixed(2)} MiB), each with two parties (AMMC with a unit, and a university named by slug or by its Russian or Uzbek name), sent to POST /import/programs by an AMMC editor; the whole graph in one process (npm start's topology) on the article data in a scratch PostgreSQL.`,
    ``,
    `| step | seconds | rows/s | SQL statements per row | load average (1 min, 2 cores) | outcome |`,
    `| --- | ---: | ---: | ---: | ---: | --- |`,
    ...results.map((r) => `| ${r.step} | ${r.seconds.toFixed(2)} | ${r.rowsPerSecond.toFixed(0)} | ${r.statementsPerRow.toFixed(3)} | ${r.load} | ${r.outcome} |`),
    ``,
    `Programs stored from the file with one bad row: ${stored}. Peak resident memory of the process (gateway, three subgraphs, all in one): ${(peakRss / 1024 / 1024).toFixed(0)} MiB.`,
    ``,
  ];
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/import.md", lines.join("\n"));
  console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB; wrote bench/results/import.md`);
} finally {
  clearInterval(sampler);
  await stack.stop();
  await postgres.stop();
}
