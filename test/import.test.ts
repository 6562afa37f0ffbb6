/**
 * Bulk import (README, "Bulk import"): files of programs, units, contacts and
 * people through POST /import/<type>, against a real PostgreSQL. Every kind of
 * problem is reported by row and column and nothing is stored; the same file
 * twice changes nothing; an edited file updates exactly the edited rows; CSV,
 * XLSX and JSON give the same result; a non-party's rows are refused.
 */
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

describe("programs", () => {
  it("a dry run reports what would be created and stores nothing", async () => {
    const before = await checksum("programs");
    const answer = await postImport(stack.gatewayUrl, "programs", await fileOf("CSV", [program(1), program(2)]), "CSV", ammcEditor);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ dryRun: true, applied: false, rowCount: 2, created: 2, problems: [] });
    expect(await checksum("programs")).toBe(before);
  });
});
