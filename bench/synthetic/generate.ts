/**
 * The deterministic synthetic dataset of each subgraph (benchmarks, the N+1
 * and flood tests), as SQL computed inside PostgreSQL (INSERT ... SELECT FROM
 * generate_series). Row i of every table depends only on i and the dataset's
 * size, so any range of rows can be written on its own, in any order, and the
 * same size always gives the same data: bench/synthetic/bulk-load.ts writes
 * the ranges in chunks. Synthetic slugs start with `synthetic-`; seed data is
 * untouched; ON CONFLICT (id) DO NOTHING makes writing a range twice harmless.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { SubgraphName } from "../../shared/config";
import { COUNTRIES, FIELD_CODES, INDUSTRY_CODES, enterpriseCountry, hash, pick, syntheticId, universityCountry } from "./formulas";
import { loadSynthetic, type LoadOptions, type SyntheticRecords } from "./bulk-load";

export interface DatasetSize {
  enterprises: number;
  universities: number;
  programs: number;
}

export const FULL_SIZE: DatasetSize = { enterprises: 3_000, universities: 7_000, programs: 100_000 };

const i = "i";
const DIVISIONS_PER_ENTERPRISE = 3;
const DEPARTMENTS_PER_UNIVERSITY = 4;
/** Every range INSERT below reads its rows from this: $1 and $2 are the first and last row number of the range. */
const ROWS = "generate_series($1::int, $2::int) AS i";

/**
 * The INSERT giving synthetic institutions of a type their official names in
 * English, Russian and Uzbek: the prefix and the row number. Table and columns
 * follow the type's name (`Enterprise` → enterprise_name.enterprise_id).
 */
function officialNames(typeName: "Enterprise" | "University", prefixes: { en: string; ru: string; uz: string }) {
  const owner = typeName.toLowerCase();
  return {
    table: `${owner}_name`,
    sql: `INSERT INTO ${owner}_name (id, ${owner}_id, value, lang, kind)
          SELECT md5('${typeName}Name:synthetic-' || i || ':' || n)::uuid, ${syntheticId(typeName, i)},
                 ($3::text[])[n] || ' ' || i, ($4::text[])[n], 'OFFICIAL'
            FROM ${ROWS}, generate_series(1, 3) AS n
          ON CONFLICT (id) DO NOTHING`,
    parameters: () => [[prefixes.en, prefixes.ru, prefixes.uz], ["en", "ru", "uz"]],
  };
}

export const ENTERPRISES: SyntheticRecords = {
  typeName: "Enterprise",
  table: "enterprise",
  count: (size) => size.enterprises,
  inserts: [
    {
      table: "enterprise",
      sql: `INSERT INTO enterprise (id, slug, name, short_name, country_code, city, industry_codes, status, version)
            SELECT ${syntheticId("Enterprise", i)}, 'synthetic-enterprise-' || i, 'Synthetic Mining Company ' || i, 'SMC' || i,
                   ${enterpriseCountry(i, "$3::text[]")}, 'City ' || (${hash(i, "city")} % 500), ARRAY[${pick("$4::text[]", i, "industry")}], 'ACTIVE', 1
              FROM ${ROWS}
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [COUNTRIES, INDUSTRY_CODES],
    },
    officialNames("Enterprise", { en: "Synthetic Mining Company", ru: "Синтетическая горная компания", uz: "Sintetik kon kompaniyasi" }),
    {
      table: "division",
      sql: `INSERT INTO division (id, slug, name, kind, enterprise_id, version)
            SELECT ${syntheticId("Division", "(i * 10 + d)")}, 'synthetic-division-' || i || '-' || d, 'Division ' || d || ' of company ' || i,
                   (ARRAY['MINE', 'PLANT', 'TRAINING_CENTRE'])[d], ${syntheticId("Enterprise", i)}, 1
              FROM ${ROWS}, generate_series(1, ${DIVISIONS_PER_ENTERPRISE}) AS d
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [],
    },
  ],
};

export const UNIVERSITIES: SyntheticRecords = {
  typeName: "University",
  table: "university",
  count: (size) => size.universities,
  inserts: [
    {
      table: "university",
      sql: `INSERT INTO university (id, slug, name, short_name, kind, country_code, city, field_codes, status, version)
            SELECT ${syntheticId("University", i)}, 'synthetic-university-' || i, 'Synthetic Technical University ' || i, 'STU' || i, 'UNIVERSITY',
                   ${universityCountry(i, "$3::text[]")}, 'City ' || (${hash(i, "city")} % 500), ARRAY[${pick("$4::text[]", i, "field")}], 'ACTIVE', 1
              FROM ${ROWS}
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [COUNTRIES, FIELD_CODES],
    },
    officialNames("University", { en: "Synthetic Technical University", ru: "Синтетический технический университет", uz: "Sintetik texnika universiteti" }),
    {
      table: "department",
      sql: `INSERT INTO department (id, slug, name, kind, university_id, field_codes, version)
            SELECT ${syntheticId("Department", "(i * 10 + d)")}, 'synthetic-department-' || i || '-' || d, 'Department ' || d || ' of university ' || i,
                   'DEPARTMENT', ${syntheticId("University", i)}, ARRAY[${pick("$3::text[]", "(i * 10 + d)", "field")}], 1
              FROM ${ROWS}, generate_series(1, ${DEPARTMENTS_PER_UNIVERSITY}) AS d
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [FIELD_CODES],
    },
  ],
};

const KINDS = ["MEMORANDUM", "PARTNERSHIP_AGREEMENT", "BRANCH_DEPARTMENT", "INTERNSHIP", "EXCHANGE", "SCHOLARSHIP", "JOINT_RESEARCH", "JOINT_LABORATORY", "INDUSTRIAL_VISIT", "TRAINING"];
const STATUSES = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "COMPLETED", "EXPIRED", "DRAFT", "TERMINATED"];
const DIRECTIONS = ["SPECIALIST_TRAINING", "PRACTICAL_TRAINING", "EMPLOYMENT", "SCHOLARSHIPS", "STUDENT_EXCHANGE", "STAFF_EXCHANGE", "STAFF_DEVELOPMENT", "CURRICULUM_DEVELOPMENT", "JOINT_RESEARCH", "JOINT_LABORATORIES", "TECHNOLOGY_TRANSFER", "EVENTS", "INDUSTRIAL_VISITS"];
const ACTIVITIES = ["INTERNSHIP", "EXCHANGE", "EXCURSION", "SEMINAR", "TRAINING", "OPENING"];

// The enterprise and university each program links (1-based row numbers of theirs);
// the count of enterprises is parameter $3 and of universities $4 where these are used.
const enterpriseRowOf = (countParameter: string) => `(1 + ${hash(i, "program-enterprise")} % ${countParameter}::int)`;
const enterpriseRow = enterpriseRowOf("$3");
const universityRow = `(1 + ${hash(i, "program-university")} % $4::int)`;
const secondUniversityRow = `(1 + ${hash(i, "program-university-2")} % $4::int)`;

/**
 * Rebuilds the programs' summaries (kept by triggers, which are off during a
 * load), inside the load's transaction: the same SQL function
 * rebuildProgramSummaries (subgraphs/programs/sql/program-summaries.ts) runs
 * in a transaction of its own.
 */
async function rebuildProgramSummaries(db: EntityManager): Promise<void> {
  await db.query("SELECT rebuild_program_summaries()");
}

export const PROGRAMS: SyntheticRecords = {
  typeName: "Program",
  table: "program",
  count: (size) => size.programs,
  afterLoad: rebuildProgramSummaries,
  inserts: [
    {
      table: "program",
      sql: `INSERT INTO program (id, slug, title, kind, status, description, signed_on, signed_on_precision, starts_on, starts_on_precision,
                                 ends_on, ends_on_precision, term_months, field_codes, version)
            SELECT ${syntheticId("Program", i)}, 'synthetic-program-' || i, 'Synthetic cooperation program ' || i, ${pick("$3::text[]", i, "kind")},
                   ${pick("$4::text[]", i, "status")}, 'Generated for benchmarks: training, practice and research number ' || i,
                   d.signed, 'DAY', d.signed, 'DAY', d.signed + (t.months || ' months')::interval - interval '1 day', 'DAY', t.months,
                   ARRAY[${pick("$5::text[]", i, "field")}], 1
              FROM ${ROWS},
                   LATERAL (SELECT DATE '2015-01-01' + (${hash(i, "signed")} % 4300) AS signed) d,
                   LATERAL (SELECT 12 * (1 + ${hash(i, "term")} % 5) AS months) t
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [KINDS, STATUSES, FIELD_CODES],
    },
    {
      table: "program_party",
      sql: `INSERT INTO program_party (id, program_id, institution_type, institution_id, institution_country_code, unit_id, role, version)
            SELECT md5('ProgramParty:synthetic-' || i || ':e')::uuid, ${syntheticId("Program", i)}, 'ENTERPRISE', ${syntheticId("Enterprise", enterpriseRow)},
                   ${enterpriseCountry(enterpriseRow, "$5::text[]")}, ${syntheticId("Division", `(${enterpriseRow} * 10 + 1 + ${hash(i, "division")} % ${DIVISIONS_PER_ENTERPRISE})`)}, 'SIGNATORY', 1
              FROM ${ROWS}
            UNION ALL
            SELECT md5('ProgramParty:synthetic-' || i || ':u')::uuid, ${syntheticId("Program", i)}, 'UNIVERSITY', ${syntheticId("University", universityRow)},
                   ${universityCountry(universityRow, "$5::text[]")},
                   ${syntheticId("Department", `(${universityRow} * 10 + 1 + ${hash(i, "department")} % ${DEPARTMENTS_PER_UNIVERSITY})`)}, 'SIGNATORY', 1
              FROM ${ROWS}
            UNION ALL
            SELECT md5('ProgramParty:synthetic-' || i || ':u2')::uuid, ${syntheticId("Program", i)}, 'UNIVERSITY', ${syntheticId("University", secondUniversityRow)},
                   ${universityCountry(secondUniversityRow, "$5::text[]")}, NULL, 'PARTICIPANT', 1
              FROM ${ROWS}
             WHERE ${hash(i, "third-party")} % 4 = 0 AND ${secondUniversityRow} <> ${universityRow}
            ON CONFLICT (id) DO NOTHING`,
      parameters: (size) => [size.enterprises, size.universities, COUNTRIES],
    },
    {
      table: "program_direction",
      sql: `INSERT INTO program_direction (id, program_id, direction, description, position)
            SELECT md5('ProgramDirection:synthetic-' || i || ':' || n)::uuid, ${syntheticId("Program", i)},
                   ($3::text[])[1 + (${hash(i, "direction")} + n * 5) % cardinality($3::text[])], NULL, n
              FROM ${ROWS}, generate_series(0, 2) AS n
            ON CONFLICT (id) DO NOTHING`,
      parameters: () => [DIRECTIONS],
    },
    {
      table: "activity",
      sql: `INSERT INTO activity (id, program_id, kind, status, title, starts_on, starts_on_precision, host_institution_type, host_institution_id,
                                  planned_participants, actual_participants, version)
            SELECT md5('Activity:synthetic-' || i || ':' || n)::uuid, ${syntheticId("Program", i)}, ${pick("$3::text[]", "(i * 10 + n)", "activity")},
                   CASE WHEN n = 1 THEN 'COMPLETED' ELSE 'PLANNED' END, 'Activity ' || n || ' of program ' || i,
                   DATE '2015-01-01' + (${hash(i, "signed")} % 4300) + n * 30, 'DAY',
                   'ENTERPRISE', ${syntheticId("Enterprise", enterpriseRowOf("$4"))}, 5 + ${hash(i, "planned")} % 40,
                   CASE WHEN n = 1 THEN 3 + ${hash(i, "actual")} % 40 END, 1
              FROM ${ROWS}, generate_series(1, 1 + ${hash(i, "activities")} % 2) AS n
            ON CONFLICT (id) DO NOTHING`,
      parameters: (size) => [ACTIVITIES, size.enterprises],
    },
  ],
};

/** The synthetic records of each subgraph that has them; a subgraph without keeps its article seed only. */
export const SYNTHETIC_RECORDS: Partial<Record<SubgraphName, SyntheticRecords>> = {
  enterprises: ENTERPRISES,
  universities: UNIVERSITIES,
  programs: PROGRAMS,
};

export const generateEnterprises = (dataSource: DataSource, size: DatasetSize, options?: LoadOptions) => loadSynthetic(dataSource, ENTERPRISES, size, options);
export const generateUniversities = (dataSource: DataSource, size: DatasetSize, options?: LoadOptions) => loadSynthetic(dataSource, UNIVERSITIES, size, options);
export const generatePrograms = (dataSource: DataSource, size: DatasetSize, options?: LoadOptions) => loadSynthetic(dataSource, PROGRAMS, size, options);
