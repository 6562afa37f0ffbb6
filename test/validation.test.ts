/**
 * Input validation shared by seeds and writes: every rule names the field it
 * rejects, a rejected seed stores nothing, and PostgreSQL's constraints back
 * the rules when something gets past them.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDataSource } from "../shared/database/data-source";
import { deterministicId } from "../shared/records/ids";
import { createLogger } from "../shared/logger";
import { validate, ValidationError } from "../shared/records/validation";
import { enterprises } from "../subgraphs/enterprises";
import { enterpriseSeeds } from "../subgraphs/enterprises/seed-data";
import { seed as seedEnterprises } from "../subgraphs/enterprises/seed";
import { enterpriseRules } from "../subgraphs/enterprises/fields";
import { programSeeds } from "../subgraphs/programs/seed-data";
import { programRules } from "../subgraphs/programs/fields";
import { universitySeeds } from "../subgraphs/universities/seed-data";
import { universityRules } from "../subgraphs/universities/fields";
import { createTestDatabase, type TestDatabase } from "./support/database";

const logger = createLogger("test", "silent");
const clone = <T>(value: T): T => structuredClone(value);

function problemsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).extensions.code).toBe("BAD_USER_INPUT");
    return (error as ValidationError).problems;
  }
  throw new Error("expected a ValidationError");
}

describe("validation rules", () => {
  const stupino = programSeeds.find((p) => p.slug === "stupino-educational-partnership-2024")!;

  it("accepts every seed record", () => {
    for (const e of enterpriseSeeds) validate(e, enterpriseRules);
    for (const { parent, ...u } of universitySeeds) validate({ ...u, parentId: parent ? deterministicId("University", parent) : null }, universityRules);
    for (const p of programSeeds) validate(p, programRules);
  });

  it.each([
    ["countryCode", { countryCode: "XX" }, /ISO 3166-1 alpha-2/],
    ["countryCode", { countryCode: "uz" }, /ISO 3166-1 alpha-2/],
    ["slug", { slug: "Has Spaces" }, /lowercase letters/],
    ["name", { name: "" }, /is required/],
    ["name", { name: "x".repeat(301) }, /at most 300 characters/],
    ["name", { name: "nul\u0000byte" }, /NUL/],
    ["website", { website: "javascript:alert(1)" }, /http\(s\) URL/],
    ["industryCodes[1]", { industryCodes: ["24.44", "99.99"] }, /NACE/],
    ["names[0].lang", { names: [{ value: "АГМК", lang: "Russian", kind: "ACRONYM" }] }, /language tag/],
    ["names[0].kind", { names: [{ value: "АГМК", lang: "ru", kind: "NICKNAME" }] }, /one of OFFICIAL/],
  ])("an enterprise's %s", (field, change, message) => {
    const [problem] = problemsOf(() => validate({ ...clone(enterpriseSeeds[0]), ...change } as never, enterpriseRules));
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });

  it.each([
    ["signedOn", { signedOn: "2024-02-30" }, /date that exists/],
    ["endsOn", { startsOn: "2024-04-10", endsOn: "2024-04-09", endsOnPrecision: "DAY" }, /must not be before startsOn/],
    ["signedOnPrecision", { signedOnPrecision: null }, /is required with signedOn/],
    ["termMonths", { termMonths: -3 }, /whole number from 1/],
    ["kind", { kind: "HANDSHAKE" }, /one of MEMORANDUM/],
    ["budgetCurrency", { budgetAmount: "100.00" }, /go together/],
    ["budgetAmount", { budgetAmount: "-5", budgetCurrency: "UZS" }, /non-negative amount/],
    ["budgetCurrency", { budgetAmount: "5", budgetCurrency: "XYZ" }, /ISO 4217/],
    ["fieldCodes[0]", { fieldCodes: ["9999"] }, /ISCED-F/],
    ["parties", { parties: [] }, /at least two/],
    ["parties[1].institutionId", { parties: [stupino.parties[0], { ...stupino.parties[1], institutionId: "not-an-id" }] }, /UUID/],
    ["parties[0].role", { parties: [{ ...stupino.parties[0], role: "BYSTANDER" }, stupino.parties[1]] }, /one of SIGNATORY/],
    ["parties[1]", { parties: [stupino.parties[0], stupino.parties[0]] }, /repeats a party/],
    ["activities[0].plannedParticipants", { activities: [{ kind: "INTERNSHIP", status: "PLANNED", title: "Practice", plannedParticipants: -1 }] }, /whole number from 0/],
    ["activities[0].hostInstitutionType", { activities: [{ kind: "INTERNSHIP", status: "PLANNED", title: "Practice", hostInstitutionId: stupino.parties[0].institutionId }] }, /go together/],
  ])("a program's %s", (field, change, message) => {
    const [problem] = problemsOf(() => validate({ ...clone(stupino), ...change } as never, programRules));
    expect(problem.field).toBe(field);
    expect(problem.message).toMatch(message);
  });

  it("lists every problem, not only the first", () => {
    const problems = problemsOf(() => validate({ ...clone(enterpriseSeeds[0]), countryCode: "XX", slug: "", website: "ftp://x" }, enterpriseRules));
    expect(problems.map((p) => p.field).sort()).toEqual(["countryCode", "slug", "website"]);
  });

  it("requires a branch to name its university", () => {
    const branch = universitySeeds.find((u) => u.kind === "BRANCH")!;
    const [problem] = problemsOf(() => validate({ ...clone(branch), parentId: null }, universityRules));
    expect(problem).toEqual({ field: "parentId", message: "is required for a BRANCH (the university it belongs to)" });
  });
});

describe("seeding with bad input", () => {
  let database: TestDatabase;
  let dataSource: SubgraphDataSource;
  const count = async () => (await dataSource.query("SELECT (SELECT count(*) FROM enterprise) + (SELECT count(*) FROM division) + (SELECT count(*) FROM enterprise_name) AS n"))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createSubgraphDataSource({ url: database.url, schema: "enterprises", entities: enterprises.entities, migrations: enterprises.migrations });
    await openSubgraphDatabase(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it("is rejected with a message naming the field, and stores nothing", async () => {
    const seeds = clone(enterpriseSeeds);
    seeds[1].countryCode = "XX";
    await expect(seedEnterprises(dataSource, logger, seeds)).rejects.toThrow(/^enterprises\[1\]\.countryCode: must be an ISO 3166-1 alpha-2 country code/);
    expect(await count()).toBe(0);
  });

  it("stores nothing when the database refuses part of it (one transaction)", async () => {
    const seeds = clone(enterpriseSeeds);
    // Valid by the rules, but the parent division does not exist: the foreign key fails half-way.
    seeds[2].divisions = [{ slug: "orphan-division", name: "Orphan", kind: "PLANT" as never, parent: "no-such-division", source: "x" }];
    await expect(seedEnterprises(dataSource, logger, seeds)).rejects.toThrow(/foreign key/);
    expect(await count()).toBe(0);
  });
});

describe("PostgreSQL constraints behind the rules", () => {
  let database: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const definition of [enterprises, (await import("../subgraphs/programs")).programs]) {
      const dataSource = createSubgraphDataSource({ url: database.url, schema: definition.name, entities: definition.entities, migrations: definition.migrations });
      await openSubgraphDatabase(dataSource);
      await definition.seed(dataSource, logger);
      await dataSource.destroy();
    }
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it.each([
    ["unique slug", `INSERT INTO enterprises.enterprise (id, slug, name, country_code, version) VALUES (gen_random_uuid(), 'ammc', 'Copy', 'UZ', 1)`, "uq_enterprise_slug"],
    ["country code", `INSERT INTO enterprises.enterprise (id, slug, name, country_code, version) VALUES (gen_random_uuid(), 'x', 'X', 'uz', 1)`, "ck_enterprise_country_code"],
    ["required name", `INSERT INTO enterprises.enterprise (id, slug, name, country_code, version) VALUES (gen_random_uuid(), 'y', NULL, 'UZ', 1)`, "null value"],
    ["end after start", `UPDATE programs.program SET ends_on = '2000-01-01', ends_on_precision = 'DAY' WHERE slug = 'stupino-educational-partnership-2024'`, "ck_program_ends_after_start"],
    ["precision with date", `UPDATE programs.program SET signed_on_precision = NULL WHERE slug = 'stupino-educational-partnership-2024'`, "ck_program_signed_on_precision"],
    ["non-negative counts", `UPDATE programs.activity SET planned_participants = -1`, "ck_activity_participants"],
    ["party roles", `UPDATE programs.program_party SET role = 'BYSTANDER'`, "ck_program_party_role"],
    ["one party per institution, unit and role", `INSERT INTO programs.program_party (id, program_id, institution_type, institution_id, unit_id, role, version) SELECT gen_random_uuid(), program_id, institution_type, institution_id, unit_id, role, 1 FROM programs.program_party WHERE unit_id IS NULL LIMIT 1`, "uq_program_party_program_institution_role"],
  ])("%s", async (_name, sql, constraint) => {
    await expect(client.query(sql)).rejects.toThrow(constraint);
  });
});
