/**
 * Fills each subgraph's schema with a large deterministic synthetic dataset,
 * in bulk (INSERT ... SELECT FROM generate_series), for benchmarks and the
 * N+1 tests. Synthetic slugs start with `synthetic-`; seed data is untouched.
 */
import type { DataSource } from "typeorm";
import type { SubgraphName } from "../../shared/config";
import { COUNTRIES, FIELD_CODES, INDUSTRY_CODES, enterpriseCountry, hash, pick, syntheticId, universityCountry } from "./formulas";

export interface DatasetSize {
  enterprises: number;
  universities: number;
  programs: number;
}

export const FULL_SIZE: DatasetSize = { enterprises: 3_000, universities: 7_000, programs: 100_000 };

const i = "i";
const DIVISIONS_PER_ENTERPRISE = 3;
const DEPARTMENTS_PER_UNIVERSITY = 4;

/**
 * The INSERT (and its parameters) giving `count` synthetic institutions of a type
 * their official names in English, Russian and Uzbek: the prefix and the row number.
 * Table and columns follow the type's name (`Enterprise` → enterprise_name.enterprise_id).
 */
function officialNames(typeName: "Enterprise" | "University", count: number, prefixes: { en: string; ru: string; uz: string }): [string, unknown[]] {
  const owner = typeName.toLowerCase();
  return [
    `INSERT INTO ${owner}_name (id, ${owner}_id, value, lang, kind)
     SELECT md5('${typeName}Name:synthetic-' || i || ':' || n)::uuid, ${syntheticId(typeName, i)},
            ($2::text[])[n] || ' ' || i, ($3::text[])[n], 'OFFICIAL'
       FROM generate_series(1, $1::int) AS i, generate_series(1, 3) AS n
     ON CONFLICT (id) DO NOTHING`,
    [count, [prefixes.en, prefixes.ru, prefixes.uz], ["en", "ru", "uz"]],
  ];
}

/**
 * One INSERT here writes the whole dataset (100,000 programs at full scale):
 * far beyond the pools' DB_STATEMENT_TIMEOUT_MS, which is sized for requests.
 */
export const BULK_STATEMENT_TIMEOUT_MS = 30 * 60_000;
const BULK_STATEMENT_TIMEOUT = `SET LOCAL statement_timeout = ${BULK_STATEMENT_TIMEOUT_MS}`;

export async function generateEnterprises(dataSource: DataSource, size: DatasetSize): Promise<void> {
  await dataSource.transaction(async (db) => {
    await db.query(BULK_STATEMENT_TIMEOUT);
    await db.query(
      `INSERT INTO enterprise (id, slug, name, short_name, country_code, city, industry_codes, status, version)
       SELECT ${syntheticId("Enterprise", i)}, 'synthetic-enterprise-' || i, 'Synthetic Mining Company ' || i, 'SMC' || i,
              ${enterpriseCountry(i)}, 'City ' || (${hash(i, "city")} % 500), ARRAY[${pick("$3::text[]", i, "industry")}], 'ACTIVE', 1
         FROM generate_series(1, $1::int) AS i
       ON CONFLICT (id) DO NOTHING`,
      [size.enterprises, COUNTRIES, INDUSTRY_CODES],
    );
    await db.query(...officialNames("Enterprise", size.enterprises, { en: "Synthetic Mining Company", ru: "Синтетическая горная компания", uz: "Sintetik kon kompaniyasi" }));
    await db.query(
      `INSERT INTO division (id, slug, name, kind, enterprise_id, version)
       SELECT ${syntheticId("Division", "(i * 10 + d)")}, 'synthetic-division-' || i || '-' || d, 'Division ' || d || ' of company ' || i,
              (ARRAY['MINE', 'PLANT', 'TRAINING_CENTRE'])[d], ${syntheticId("Enterprise", i)}, 1
         FROM generate_series(1, $1::int) AS i, generate_series(1, ${DIVISIONS_PER_ENTERPRISE}) AS d
       ON CONFLICT (id) DO NOTHING`,
      [size.enterprises],
    );
  });
}

export async function generateUniversities(dataSource: DataSource, size: DatasetSize): Promise<void> {
  await dataSource.transaction(async (db) => {
    await db.query(BULK_STATEMENT_TIMEOUT);
    await db.query(
      `INSERT INTO university (id, slug, name, short_name, kind, country_code, city, field_codes, status, version)
       SELECT ${syntheticId("University", i)}, 'synthetic-university-' || i, 'Synthetic Technical University ' || i, 'STU' || i, 'UNIVERSITY',
              ${universityCountry(i)}, 'City ' || (${hash(i, "city")} % 500), ARRAY[${pick("$3::text[]", i, "field")}], 'ACTIVE', 1
         FROM generate_series(1, $1::int) AS i
       ON CONFLICT (id) DO NOTHING`,
      [size.universities, COUNTRIES, FIELD_CODES],
    );
    await db.query(...officialNames("University", size.universities, { en: "Synthetic Technical University", ru: "Синтетический технический университет", uz: "Sintetik texnika universiteti" }));
    await db.query(
      `INSERT INTO department (id, slug, name, kind, university_id, field_codes, version)
       SELECT ${syntheticId("Department", "(i * 10 + d)")}, 'synthetic-department-' || i || '-' || d, 'Department ' || d || ' of university ' || i,
              'DEPARTMENT', ${syntheticId("University", i)}, ARRAY[${pick("$2::text[]", "(i * 10 + d)", "field")}], 1
         FROM generate_series(1, $1::int) AS i, generate_series(1, ${DEPARTMENTS_PER_UNIVERSITY}) AS d
       ON CONFLICT (id) DO NOTHING`,
      [size.universities, FIELD_CODES],
    );
  });
}

const KINDS = ["MEMORANDUM", "PARTNERSHIP_AGREEMENT", "BRANCH_DEPARTMENT", "INTERNSHIP", "EXCHANGE", "SCHOLARSHIP", "JOINT_RESEARCH", "JOINT_LABORATORY", "INDUSTRIAL_VISIT", "TRAINING"];
const STATUSES = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "COMPLETED", "EXPIRED", "DRAFT", "TERMINATED"];
const DIRECTIONS = ["SPECIALIST_TRAINING", "PRACTICAL_TRAINING", "EMPLOYMENT", "SCHOLARSHIPS", "STUDENT_EXCHANGE", "STAFF_EXCHANGE", "STAFF_DEVELOPMENT", "CURRICULUM_DEVELOPMENT", "JOINT_RESEARCH", "JOINT_LABORATORIES", "TECHNOLOGY_TRANSFER", "EVENTS", "INDUSTRIAL_VISITS"];
const ACTIVITIES = ["INTERNSHIP", "EXCHANGE", "EXCURSION", "SEMINAR", "TRAINING", "OPENING"];

export async function generatePrograms(dataSource: DataSource, size: DatasetSize): Promise<void> {
  // The enterprise and university each program links (1-based row numbers of theirs);
  // the count of enterprises is parameter $2 and of universities $3 where these are used.
  const enterpriseRowOf = (countParameter: string) => `(1 + ${hash(i, "program-enterprise")} % ${countParameter}::int)`;
  const enterpriseRow = enterpriseRowOf("$2");
  const universityRow = `(1 + ${hash(i, "program-university")} % $3::int)`;
  const secondUniversityRow = `(1 + ${hash(i, "program-university-2")} % $3::int)`;
  await dataSource.transaction(async (db) => {
    await db.query(BULK_STATEMENT_TIMEOUT);
    await db.query(
      `INSERT INTO program (id, slug, title, kind, status, description, signed_on, signed_on_precision, starts_on, starts_on_precision,
                            ends_on, ends_on_precision, term_months, field_codes, version)
       SELECT ${syntheticId("Program", i)}, 'synthetic-program-' || i, 'Synthetic cooperation program ' || i, ${pick("$2::text[]", i, "kind")},
              ${pick("$3::text[]", i, "status")}, 'Generated for benchmarks: training, practice and research number ' || i,
              d.signed, 'DAY', d.signed, 'DAY', d.signed + (t.months || ' months')::interval - interval '1 day', 'DAY', t.months,
              ARRAY[${pick("$4::text[]", i, "field")}], 1
         FROM generate_series(1, $1::int) AS i,
              LATERAL (SELECT DATE '2015-01-01' + (${hash(i, "signed")} % 4300) AS signed) d,
              LATERAL (SELECT 12 * (1 + ${hash(i, "term")} % 5) AS months) t
       ON CONFLICT (id) DO NOTHING`,
      [size.programs, KINDS, STATUSES, FIELD_CODES],
    );
    await db.query(
      `INSERT INTO program_party (id, program_id, institution_type, institution_id, institution_country_code, unit_id, role, version)
       SELECT md5('ProgramParty:synthetic-' || i || ':e')::uuid, ${syntheticId("Program", i)}, 'ENTERPRISE', ${syntheticId("Enterprise", enterpriseRow)},
              ${enterpriseCountry(enterpriseRow, "$4::text[]")}, ${syntheticId("Division", `(${enterpriseRow} * 10 + 1 + ${hash(i, "division")} % ${DIVISIONS_PER_ENTERPRISE})`)}, 'SIGNATORY', 1
         FROM generate_series(1, $1::int) AS i
       UNION ALL
       SELECT md5('ProgramParty:synthetic-' || i || ':u')::uuid, ${syntheticId("Program", i)}, 'UNIVERSITY', ${syntheticId("University", universityRow)},
              ${universityCountry(universityRow, "$4::text[]")},
              ${syntheticId("Department", `(${universityRow} * 10 + 1 + ${hash(i, "department")} % ${DEPARTMENTS_PER_UNIVERSITY})`)}, 'SIGNATORY', 1
         FROM generate_series(1, $1::int) AS i
       UNION ALL
       SELECT md5('ProgramParty:synthetic-' || i || ':u2')::uuid, ${syntheticId("Program", i)}, 'UNIVERSITY', ${syntheticId("University", secondUniversityRow)},
              ${universityCountry(secondUniversityRow, "$4::text[]")}, NULL, 'PARTICIPANT', 1
         FROM generate_series(1, $1::int) AS i
        WHERE ${hash(i, "third-party")} % 4 = 0 AND ${secondUniversityRow} <> ${universityRow}
       ON CONFLICT (id) DO NOTHING`,
      [size.programs, size.enterprises, size.universities, COUNTRIES],
    );
    await db.query(
      `INSERT INTO program_direction (id, program_id, direction, description, position)
       SELECT md5('ProgramDirection:synthetic-' || i || ':' || n)::uuid, ${syntheticId("Program", i)},
              (${"$2::text[]"})[1 + (${hash(i, "direction")} + n * 5) % cardinality($2::text[])], NULL, n
         FROM generate_series(1, $1::int) AS i, generate_series(0, 2) AS n
       ON CONFLICT (id) DO NOTHING`,
      [size.programs, DIRECTIONS],
    );
    await db.query(
      `INSERT INTO activity (id, program_id, kind, status, title, starts_on, starts_on_precision, host_institution_type, host_institution_id,
                             planned_participants, actual_participants, version)
       SELECT md5('Activity:synthetic-' || i || ':' || n)::uuid, ${syntheticId("Program", i)}, ${pick("$2::text[]", "(i * 10 + n)", "activity")},
              CASE WHEN n = 1 THEN 'COMPLETED' ELSE 'PLANNED' END, 'Activity ' || n || ' of program ' || i,
              DATE '2015-01-01' + (${hash(i, "signed")} % 4300) + n * 30, 'DAY',
              'ENTERPRISE', ${syntheticId("Enterprise", enterpriseRowOf("$3"))}, 5 + ${hash(i, "planned")} % 40,
              CASE WHEN n = 1 THEN 3 + ${hash(i, "actual")} % 40 END, 1
         FROM generate_series(1, $1::int) AS i, generate_series(1, 1 + ${hash(i, "activities")} % 2) AS n
       ON CONFLICT (id) DO NOTHING`,
      [size.programs, ACTIVITIES, size.enterprises],
    );
  });
}

/** The generator of each subgraph that has synthetic data; a subgraph without one keeps its article seed only. */
export const SYNTHETIC_GENERATORS: Partial<Record<SubgraphName, (dataSource: DataSource, size: DatasetSize) => Promise<void>>> = {
  enterprises: generateEnterprises,
  universities: generateUniversities,
  programs: generatePrograms,
};
