/**
 * Bulk import (README, "Bulk import"): files of programs, units, contacts and
 * people through POST /import/<type>, against a real PostgreSQL. Every kind of
 * problem is reported by row and column and nothing is stored; the same file
 * twice changes nothing; an edited file updates exactly the edited rows; CSV,
 * XLSX and JSON give the same result; a non-party's rows are refused.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor } from "./support/auth";
import { fileOf, postImport } from "./support/import";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let db: pg.Client;
let admin: Record<string, string>;
let ammcEditor: Record<string, string>;
let stupinoEditor: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  admin = bearer(await tokenFor(stack, "admin"));
  ammcEditor = bearer(await tokenFor(stack, "editor@ammc"));
  stupinoEditor = bearer(await tokenFor(stack, "editor@stupino-metallurgical-company"));
  // An enterprise that shares a university's acronym: "TashSTU" then names two institutions.
  await graphqlData(stack.gatewayUrl, `mutation { createEnterprise(input: { slug: "tashstu-namesake", name: "TashSTU", countryCode: "UZ" }) { id } }`, {}, admin);
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

/** What every table of a schema holds, to prove a refused import stored nothing. */
async function checksum(schema: string): Promise<string> {
  const { rows: tables } = await db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY 1", [schema]);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${schema}"."${table_name}" t`);
    parts.push(`${table_name}:${rows[0].sum}`);
  }
  return parts.join(",");
}

const program = (n: number, overrides: Record<string, string> = {}) => ({
  externalRef: `AMMC-AGR-${n}`,
  slug: `ammc-import-practice-${n}`,
  title: `Практика на АГМК № ${n}`,
  kind: "INTERNSHIP",
  startsOn: "2026-09",
  termMonths: "24",
  fieldCodes: "0724; 0715",
  directions: "PRACTICAL_TRAINING; EMPLOYMENT",
  party1: "ammc",
  party1Role: "SIGNATORY",
  party1Unit: "ammc-engineering-school",
  party1SignatoryName: "A. Khursanov",
  party2: "Алмалыкский филиал ТашГТУ",
  party2Role: "SIGNATORY",
  ...overrides,
});

const auditCount = async (schema: string) => Number((await db.query(`SELECT count(*) FROM "${schema}".audit_log`)).rows[0].count);
const programsImport = async (rows: Record<string, string>[], headers = ammcEditor, format: "CSV" | "XLSX" | "JSON" = "CSV", query: Record<string, string> = {}) =>
  postImport(stack.gatewayUrl, "programs", await fileOf(format, rows), format, headers, query);

describe("programs", () => {
  const rows = [program(1), program(2), program(3)];

  it("a dry run reports what would be created and stores nothing", async () => {
    const before = await checksum("programs");
    const answer = await programsImport(rows);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ dryRun: true, applied: false, rowCount: 3, created: 3, problems: [] });
    expect(answer.body.rows.map((r: { action: string }) => r.action)).toEqual(["CREATE", "CREATE", "CREATE"]);
    expect(await checksum("programs")).toBe(before);
  });

  it("applied, the rows are DRAFTs as createProgram makes them, with audit entries in the change feed", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const answer = await programsImport(rows, ammcEditor, "CSV", { dryRun: "false" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ applied: true, created: 3 });
    const { program: stored } = await graphqlData(stack.gatewayUrl, `{ program(slug: "ammc-import-practice-2") { title status startsOn startsOnPrecision fieldsOfEducation { code } directions { direction } parties { role signatoryName institution { ... on Enterprise { id } ... on University { id } } division { slug } } pendingVersion { awaitingApprovalFrom } } }`, {}, ammcEditor);
    expect(stored).toMatchObject({ title: "Практика на АГМК № 2", status: "DRAFT", startsOn: "2026-09-01", startsOnPrecision: "MONTH", fieldsOfEducation: [{ code: "0724" }, { code: "0715" }] });
    expect(stored.pendingVersion.awaitingApprovalFrom.sort()).toEqual([AMMC, BRANCH].sort());
    expect(stored.directions.map((d: { direction: string }) => d.direction).sort()).toEqual(["EMPLOYMENT", "PRACTICAL_TRAINING"]);
    expect(stored.parties.map((p: { institution: { id: string } }) => p.institution.id).sort()).toEqual([AMMC, BRANCH].sort());
    const { programChanges } = await graphqlData(stack.gatewayUrl, `query($since: DateTime!) { programChanges(since: $since, first: 100) { nodes { entityType action after } } }`, { since }, ammcEditor);
    const created = programChanges.nodes.filter((n: { entityType: string; action: string }) => n.entityType === "Program" && n.action === "CREATE");
    expect(created.map((n: { after: { slug: string } }) => n.after.slug).sort()).toEqual(["ammc-import-practice-1", "ammc-import-practice-2", "ammc-import-practice-3"]);
  });

  it("the same file twice changes nothing", async () => {
    const before = await checksum("programs");
    const answer = await programsImport(rows, ammcEditor, "CSV", { dryRun: "false" });
    expect(answer.body).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
    expect(await checksum("programs")).toBe(before);
  });

  it("new rows are created a chunk at a time: 1,200 rows cost a few statements per chunk of 500, not several per row", async () => {
    const many = Array.from({ length: 1200 }, (_, i) => program(1000 + i));
    const statements = stack.subgraphs.programs.dataSource.statements;
    const before = statements.count;
    const answer = await programsImport(many);
    expect(answer.body).toMatchObject({ dryRun: true, rowCount: 1200, created: 1200, refused: 0, problems: [] });
    const used = statements.count - before;
    // The counter counts (else 0 < 100 would hold for nothing): at least the three chunks' inserts of programs.
    expect(used).toBeGreaterThanOrEqual(3);
    expect(used).toBeLessThan(100);
  });

  it("a slug a stored program has refuses that row only: the import runs again with each row in its savepoint", async () => {
    const answer = await programsImport([program(50), program(51, { slug: "ammc-import-practice-1" }), program(52)]);
    expect(answer.body).toMatchObject({ dryRun: true, created: 2, refused: 1 });
    expect(answer.body.problems).toMatchObject([{ row: 2, column: "slug" }]);
    expect(answer.body.rows.map((r: { action: string }) => r.action)).toEqual(["CREATE", "REFUSED", "CREATE"]);
  });

  it("an edited file updates exactly the edited rows, through updateProgram", async () => {
    const audits = await auditCount("programs");
    const edited = [program(1), program(2, { title: "Практика на АГМК № 2 (исправлено)" }), program(3, { party2Role: "PARTNER", termMonths: "36" })];
    const dry = await programsImport(edited);
    expect(dry.body).toMatchObject({ applied: false, updated: 2, unchanged: 1 });
    expect(await auditCount("programs")).toBe(audits);
    const answer = await programsImport(edited, ammcEditor, "CSV", { dryRun: "false" });
    expect(answer.body).toMatchObject({ applied: true, created: 0, updated: 2, unchanged: 1 });
    expect(answer.body.rows.map((r: { action: string; changedColumns: string[] }) => [r.action, r.changedColumns])).toEqual([
      ["UNCHANGED", []],
      ["UPDATE", ["title"]],
      ["UPDATE", ["termMonths", "parties"]],
    ]);
    const updates = (await db.query(`SELECT entity_id, changed_fields FROM programs.audit_log WHERE id > (SELECT max(id) - 2 FROM programs.audit_log) ORDER BY id`)).rows;
    expect(updates).toHaveLength(2);
    expect(await auditCount("programs")).toBe(audits + 2);
    const { program: two } = await graphqlData(stack.gatewayUrl, `{ program(slug: "ammc-import-practice-2") { title version } }`);
    expect(two).toMatchObject({ title: "Практика на АГМК № 2 (исправлено)", version: 2 });
  });

  it("the dashboard's summaries count the imported programs exactly: rebuilding them from the base tables changes nothing", async () => {
    // The import defers the summary triggers and refreshes the programs it wrote once, before commit (deferred-summaries.ts).
    // The cubes' rows without their identity column, which a rebuild numbers anew.
    const summaries = async () => {
      const parts: string[] = [];
      for (const table of ["program_summary_fact", "program_cube", "program_key_cube", "network_edge_cube", "network_node_cube"]) {
        const row = table === "program_summary_fact" ? "to_jsonb(t)" : "(to_jsonb(t) - 'id')";
        const { rows } = await db.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(${row}::text, '|' ORDER BY ${row}::text), '')) AS sum FROM programs.${table} t`);
        parts.push(`${table}:${rows[0].n}:${rows[0].sum}`);
      }
      return parts;
    };
    const imported = await summaries();
    await db.query("BEGIN");
    try {
      await db.query(`SELECT programs.rebuild_program_summaries()`);
      expect(await summaries()).toEqual(imported);
    } finally {
      await db.query("ROLLBACK");
    }
    const { rows: facts } = await db.query(`SELECT count(*)::int AS n FROM programs.program_summary_fact f JOIN programs.program p ON p.id = f.id WHERE p.slug LIKE 'ammc-import-practice-%'`);
    expect(facts[0].n).toBe(3);
  });

  it("XLSX, CSV and JSON give the same report", async () => {
    const file = [program(1), program(4), program(5, { kind: "NO_SUCH_KIND" })];
    const answers = await Promise.all((["CSV", "XLSX", "JSON"] as const).map((format) => programsImport(file, ammcEditor, format)));
    const withoutIds = (body: { rows: { id: string | null; action: string }[] }) => ({ ...body, rows: body.rows.map((r) => ({ ...r, id: r.action === "CREATE" ? "new" : r.id })) });
    expect(answers[0].body.problems).toHaveLength(1);
    expect(withoutIds(answers[1].body)).toEqual(withoutIds(answers[0].body));
    expect(withoutIds(answers[2].body)).toEqual(withoutIds(answers[0].body));
  });

  it("every kind of problem is reported by row and column, with the mutations' codes, and nothing is stored", async () => {
    const before = await checksum("programs");
    const answer = await programsImport([
      program(10),
      program(11, { title: "" }),
      program(12, { kind: "NO_SUCH_KIND", termMonths: "many" }),
      program(13, { party2: "no such institution anywhere" }),
      program(14, { party1Unit: "no-such-division" }),
      program(15, { party2: "stupino-metallurgical-company", party2Role: "BOSS" }),
      program(16, { startsOn: "2026-02-30" }),
      program(10, { slug: "ammc-import-practice-other" }),
      program(17, { slug: "ammc-import-practice-10" }),
      program(18, { party1: "stupino-metallurgical-company", party1Unit: "", party2: "university-of-geological-sciences" }),
      program(19, { budgetAmount: "1000" }),
      program(20, { slug: "ammc-international-student-delegation-2025" }),
      program(21, { party2: "Tashkent State Technical University", party3: "TashSTU", party3Role: "PARTNER" }),
    ]);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ applied: false, rowCount: 13, refused: 12 });
    const problems = answer.body.problems.map((p: { row: number; column: string | null; code: string }) => [p.row, p.column, p.code]);
    expect(problems).toEqual([
      [2, "title", "BAD_USER_INPUT"],
      [3, "kind", "BAD_USER_INPUT"],
      [3, "termMonths", "BAD_USER_INPUT"],
      [4, "party2", "BAD_USER_INPUT"],
      [5, "party1Unit", "BAD_USER_INPUT"],
      [6, "party2Role", "BAD_USER_INPUT"],
      [7, "startsOn", "BAD_USER_INPUT"],
      [8, "externalRef", "BAD_USER_INPUT"],
      [9, "slug", "BAD_USER_INPUT"],
      [10, null, "FORBIDDEN"],
      [11, "budgetCurrency", "BAD_USER_INPUT"],
      [12, "slug", "CONFLICT"],
      [13, "party3", "BAD_USER_INPUT"],
    ]);
    const messages = answer.body.problems.map((p: { message: string }) => p.message);
    expect(messages[0]).toBe("title: is required");
    expect(messages[3]).toContain('no institution has the id, slug, ROR id or name "no such institution anywhere"');
    expect(messages[7]).toContain("repeats");
    expect(messages[9]).toBe("An editor can create only programs their own institution is a party to.");
    expect(messages[12]).toBe('party3: "TashSTU" names 2 institutions (tashstu-namesake, tashstu); name one by its slug or id');
    expect(await checksum("programs")).toBe(before);
  });

  it("a non-party's rows are refused: FORBIDDEN, nothing stored", async () => {
    const before = await checksum("programs");
    const answer = await programsImport([program(30, { externalRef: "SMC-1" })], stupinoEditor, "CSV", { dryRun: "false" });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ applied: false, problems: [{ row: 1, column: null, code: "FORBIDDEN" }] });
    // Nor may it amend a program it is no party to by naming its slug under a reference of its own.
    expect(await checksum("programs")).toBe(before);
  });

  it("parties are named by id, slug, ROR id or a name in any language", async () => {
    await graphqlData(stack.gatewayUrl, `mutation($id: ID!) { u: university(id: $id) { version } }`.replace("mutation", "query"), { id: BRANCH }).then(async ({ u }) =>
      graphqlData(stack.gatewayUrl, `mutation($id: ID!, $v: Int!) { updateUniversity(id: $id, version: $v, input: { rorId: "05p2q6194" }) { version } }`, { id: BRANCH, v: u.version }, admin),
    );
    const names = [BRANCH, "tashstu-almalyk", "05p2q6194", "https://ror.org/05p2q6194", "Toshkent davlat texnika universiteti Olmaliq filiali", "tashstu branch in   ALMALYK"];
    const answer = await programsImport(names.map((name, i) => program(40 + i, { party2: name })));
    expect(answer.body.problems).toEqual([]);
    expect(answer.body.created).toBe(names.length);
  });

  it("an anonymous caller is refused before anything is read; a reader cannot import", async () => {
    const file = await fileOf("CSV", [program(50)]);
    expect((await postImport(stack.gatewayUrl, "programs", file, "CSV", {})).status).toBe(401);
    const reader = bearer(await tokenFor(stack, "reader@ammc"));
    const answer = await postImport(stack.gatewayUrl, "programs", file, "CSV", reader);
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("an institution's own units, contacts and people", () => {
  const divisions: Record<string, string>[] = [
    { externalRef: "DIV-1", slug: "ammc-import-plant", name: "Завод № 1", kind: "PLANT" },
    { externalRef: "DIV-2", slug: "ammc-import-plant-shop", name: "Цех 2", kind: "DEPARTMENT", parent: "DIV-1" },
  ];
  const contacts: Record<string, string>[] = [
    { externalRef: "EMP-1", name: "Хурсанов Абдуллажон", position: "Director", email: "director@agmk.uz", division: "DIV-2" },
    { externalRef: "EMP-2", name: "Call-centre", phone: "+998 78 141 90 00", division: "ammc-engineering-school" },
  ];

  it("divisions, a parent named by the externalRef of a row above, then contacts in them", async () => {
    const answer = await postImport(stack.gatewayUrl, "divisions", await fileOf("XLSX", divisions), "XLSX", ammcEditor, { dryRun: "false" });
    expect(answer.body, JSON.stringify(answer.body.problems)).toMatchObject({ applied: true, created: 2 });
    const shop = (await db.query("SELECT parent_id FROM enterprises.division WHERE slug = 'ammc-import-plant-shop'")).rows[0];
    expect(shop.parent_id).toBe(answer.body.rows[0].id);
    const people = await postImport(stack.gatewayUrl, "contacts", await fileOf("JSON", contacts), "JSON", ammcEditor, { dryRun: "false" });
    expect(people.body, JSON.stringify(people.body.problems)).toMatchObject({ applied: true, created: 2 });
    const again = await postImport(stack.gatewayUrl, "contacts", await fileOf("CSV", contacts), "CSV", ammcEditor, { dryRun: "false" });
    expect(again.body).toMatchObject({ applied: true, unchanged: 2 });
    const edited = await postImport(stack.gatewayUrl, "contacts", await fileOf("CSV", [contacts[0], { ...contacts[1], phone: "+998 78 141 90 01" }]), "CSV", ammcEditor, { dryRun: "false" });
    expect(edited.body).toMatchObject({ applied: true, unchanged: 1, updated: 1, rows: [{ action: "UNCHANGED" }, { action: "UPDATE", changedColumns: ["phone"] }] });
  });

  it("problems by row and column; another institution's editor imports only for its own", async () => {
    const before = await checksum("enterprises");
    const answer = await postImport(
      stack.gatewayUrl,
      "contacts",
      await fileOf("CSV", [{ externalRef: "EMP-3", name: "X", email: "not an address" }, { externalRef: "EMP-4", name: "Y", division: "no-such-division" }, { externalRef: "EMP-5", position: "nobody" }]),
      "CSV",
      ammcEditor,
      { dryRun: "false" },
    );
    expect(answer.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [1, "email", "BAD_USER_INPUT"],
      [2, "division", "BAD_USER_INPUT"],
      [3, "name", "BAD_USER_INPUT"],
    ]);
    const foreign = await postImport(stack.gatewayUrl, "contacts", await fileOf("CSV", contacts), "CSV", stupinoEditor, { dryRun: "false", institution: AMMC });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await checksum("enterprises")).toBe(before);
  });

  it("a university's departments and people", async () => {
    const branchEditor = bearer(await tokenFor(stack, "editor@tashstu-almalyk"));
    const answer = await postImport(
      stack.gatewayUrl,
      "departments",
      await fileOf("CSV", [{ externalRef: "D-1", slug: "tashstu-almalyk-import-lab", name: "Лаборатория", kind: "LABORATORY", parent: "tashstu-almalyk-power-engineering-faculty", fieldCodes: "0713; 0715" }]),
      "CSV",
      branchEditor,
      { dryRun: "false" },
    );
    expect(answer.body, JSON.stringify(answer.body.problems)).toMatchObject({ applied: true, created: 1 });
    const people = await postImport(stack.gatewayUrl, "people", await fileOf("CSV", [{ externalRef: "P-1", name: "Турсунов Шерзод", position: "Head", department: "D-1", originCountryCode: "UZ" }]), "CSV", branchEditor, { dryRun: "false" });
    expect(people.body, JSON.stringify(people.body.problems)).toMatchObject({ applied: true, created: 1 });
    // An administrator names the institution the references belong to.
    const byAdmin = await postImport(stack.gatewayUrl, "people", await fileOf("CSV", [{ externalRef: "P-1", name: "Турсунов Шерзод", position: "Head", department: "D-1", originCountryCode: "UZ" }]), "CSV", admin, { institution: BRANCH });
    expect(byAdmin.body).toMatchObject({ unchanged: 1 });
  });

  it("templates can be downloaded in every format and import as a dry run", async () => {
    for (const type of ["programs", "divisions", "contacts", "departments", "people"]) {
      for (const ext of ["csv", "xlsx", "json"] as const) {
        const response = await fetch(new URL(`/import/templates/${type}.${ext}`, stack.gatewayUrl));
        expect(response.status).toBe(200);
        const file = Buffer.from(await response.arrayBuffer());
        const token = type === "departments" || type === "people" ? bearer(await tokenFor(stack, "editor@tashstu-almalyk")) : ammcEditor;
        const answer = await postImport(stack.gatewayUrl, type, file, ext.toUpperCase() as "CSV", token);
        expect(answer.body.rowCount, `${type}.${ext}`).toBe(1);
        expect(answer.body.problems.filter((p: { row: number }) => p.row === 0), `${type}.${ext}`).toEqual([]);
      }
    }
  });
});

describe("documentation and the command line", () => {
  it("README lists every column of every layout", async () => {
    const { IMPORT_LAYOUTS } = await import("../subgraphs/import-layouts");
    const readme = fs.readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Bulk import"), readme.indexOf("## Architecture"));
    for (const layout of IMPORT_LAYOUTS) {
      expect(section, layout.name).toContain(`**${layout.name}** (\`--type ${layout.name}\`, mutation \`${layout.mutation}\``);
      for (const column of layout.columns) expect(section, `${layout.name}.${column.name}`).toContain(`\`${column.name.replace(/^party\d+/, "party1")}`);
    }
  });

  it("npm run import sends a file through the running gateway with a token", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
    try {
      const file = path.join(folder, "programs.csv");
      fs.writeFileSync(file, await fileOf("CSV", [program(60), program(61, { kind: "NO_SUCH_KIND" })]));
      const token = ammcEditor.authorization.slice("Bearer ".length);
      // Asynchronously: the gateway it talks to runs in this very process.
      const run = (args: string[]) =>
        promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/import.ts", file, "--type", "programs", "--gateway", new URL("/", stack.gatewayUrl).href, ...args], {
          encoding: "utf8",
          env: { ...process.env, PARTNERGRAPH_TOKEN: token },
        }).then(
          ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
      const refused = await run([]);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stdout).toContain("programs: 2 rows: 1 to create, 0 to update, 0 unchanged, 1 refused (dry run, nothing stored)");
      expect(refused.stdout).toContain("row 2, kind: BAD_USER_INPUT: kind: must be one of");
      fs.writeFileSync(file, await fileOf("CSV", [program(60)]));
      const applied = await run(["--apply"]);
      expect(applied.status, applied.stderr).toBe(0);
      expect(applied.stdout).toContain("1 to create, 0 to update, 0 unchanged, 0 refused (applied)");
      const { program: stored } = await graphqlData(stack.gatewayUrl, `{ program(slug: "ammc-import-practice-60") { status } }`);
      expect(stored).toEqual({ status: "DRAFT" });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
