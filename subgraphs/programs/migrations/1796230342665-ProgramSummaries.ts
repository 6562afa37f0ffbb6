import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Summaries of the programs that the dashboard aggregates read instead of the
 * whole table (subgraphs/programs/sql/program-summaries.ts reads them; the
 * ARCHITECTURE.md section "Aggregates from summaries" says which filters they
 * serve). They are kept exact by statement-level triggers on the four tables
 * a program's figures come from, in the writing transaction, so the seed, the
 * API and any bulk path are covered alike:
 *
 * - program_summary_fact: one row per program, what its figures depend on
 *   (kind, status, dates, its distinct party countries, institutions, ...).
 *   A trigger takes the affected programs' old facts out of every summary,
 *   recomputes their facts from the base tables and adds them back.
 * - program_cube: programs counted per (signing period, kind, status, country
 *   subset). Periods are years and months; any signedFrom/signedTo range is
 *   whole years, whole months and at most two partial months of days, which
 *   are read from the facts (program_day_cells). A program counts once under the empty subset and
 *   once under each subset of up to three of its countries: "has a party in
 *   one of S" is then an inclusion-exclusion sum over the subsets of S.
 * - program_key_cube: the same per grouping key of the groupings whose key
 *   is a set (directions, fields, party types), without countries.
 * - expiringWithinDays counts read the facts of ACTIVE programs by end date
 *   (which depends on today's date, so the date is kept, not a derived state).
 * - network_edge_cube / network_node_cube: programs per pair of institutions
 *   (per institution) and per (kind, status, signing date, the program's full
 *   country set), the network's edges and nodes before any filter.
 *
 * Bulk loaders may set `programs.summaries_deferred = on` for their
 * transaction (the triggers then do nothing) and call
 * programs.rebuild_program_summaries() afterwards.
 */

/** The four tables a program's figures come from, and the column naming the program in each. */
const SOURCES: [table: string, programColumn: string][] = [
  ["program", "id"],
  ["program_party", "program_id"],
  ["program_direction", "program_id"],
  ["activity", "program_id"],
];
const EVENTS: [event: string, transition: string][] = [
  ["INSERT", "NEW TABLE AS new_rows"],
  ["UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"],
  ["DELETE", "OLD TABLE AS old_rows"],
];
const triggerName = (table: string, event: string) => `tg_${table}_summaries_${event.toLowerCase()}`;

const CUBES = ["program_cube", "program_key_cube", "network_edge_cube", "network_node_cube"];

const UP = [
  `CREATE TABLE "programs"."program_summary_fact" (
     "id" uuid NOT NULL CONSTRAINT "pk_program_summary_fact" PRIMARY KEY,
     "kind" text NOT NULL,
     "status" text NOT NULL,
     "signed_on" date,
     "ends_on" date,
     "countries" text[] NOT NULL,
     "has_parties" boolean NOT NULL,
     "institutions" uuid[] NOT NULL,
     "institution_types" text[] NOT NULL,
     "party_types" text[] NOT NULL,
     "directions" text[] NOT NULL,
     "field_codes" text[] NOT NULL,
     "activities" integer NOT NULL,
     "planned" bigint NOT NULL,
     "actual" bigint NOT NULL)`,
  // level: Y (period = 1 January), M (first of the month), D (the day), U (unsigned; period = infinity).
  `CREATE TABLE "programs"."program_cube" (
     "id" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "pk_program_cube" PRIMARY KEY,
     "level" "char" NOT NULL, "period" date NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "countries" text[] NOT NULL,
     "programs" integer NOT NULL, "with_parties" integer NOT NULL, "activities" integer NOT NULL, "planned" bigint NOT NULL, "actual" bigint NOT NULL,
     CONSTRAINT "uq_program_cube_cell" UNIQUE ("countries", "level", "period", "kind", "status"))`,
  // key '' stands for the NULL bucket (a program without directions, fields or parties).
  `CREATE TABLE "programs"."program_key_cube" (
     "id" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "pk_program_key_cube" PRIMARY KEY,
     "grouped_by" text NOT NULL, "key" text NOT NULL, "level" "char" NOT NULL, "period" date NOT NULL, "kind" text NOT NULL, "status" text NOT NULL,
     "programs" integer NOT NULL, "activities" integer NOT NULL, "planned" bigint NOT NULL, "actual" bigint NOT NULL,
     CONSTRAINT "uq_program_key_cube_cell" UNIQUE ("grouped_by", "level", "period", "kind", "status", "key"))`,
  // signed_on infinity stands for an unsigned program; countries is the program's whole set of party countries.
  `CREATE TABLE "programs"."network_edge_cube" (
     "id" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "pk_network_edge_cube" PRIMARY KEY,
     "source" uuid NOT NULL, "source_type" text NOT NULL, "target" uuid NOT NULL, "target_type" text NOT NULL,
     "kind" text NOT NULL, "status" text NOT NULL, "signed_on" date NOT NULL, "countries" text[] NOT NULL, "programs" integer NOT NULL,
     CONSTRAINT "uq_network_edge_cube_cell" UNIQUE ("source", "target", "source_type", "target_type", "kind", "status", "signed_on", "countries"))`,
  `CREATE TABLE "programs"."network_node_cube" (
     "id" bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "pk_network_node_cube" PRIMARY KEY,
     "institution_id" uuid NOT NULL, "institution_type" text NOT NULL,
     "kind" text NOT NULL, "status" text NOT NULL, "signed_on" date NOT NULL, "countries" text[] NOT NULL, "programs" integer NOT NULL,
     CONSTRAINT "uq_network_node_cube_cell" UNIQUE ("institution_id", "institution_type", "kind", "status", "signed_on", "countries"))`,
  `CREATE INDEX "ix_network_edge_cube_countries" ON "programs"."network_edge_cube" USING gin ("countries")`,
  // The stats by country under a country filter read the cells whose subset meets the filter's countries.
  `CREATE INDEX "ix_program_cube_countries" ON "programs"."program_cube" USING gin ("countries")`,
  // The stats by country without a country filter read the one-country cells of the chosen periods.
  `CREATE INDEX "ix_program_cube_size_period" ON "programs"."program_cube" ((cardinality("countries")), "level", "period")`,
  // The facts by signing date (the days of a range's partial months) and the active ones by end date (expiringWithinDays).
  `CREATE INDEX "ix_program_summary_fact_signed_on" ON "programs"."program_summary_fact" ("signed_on")`,
  `CREATE INDEX "ix_program_summary_fact_active_ends_on" ON "programs"."program_summary_fact" ("ends_on") WHERE "status" = 'ACTIVE'`,
  // Cells that fall to zero are deleted after each change: these find them without a scan.
  ...CUBES.map((cube) => `CREATE INDEX "ix_${cube}_empty" ON "programs"."${cube}" ("id") WHERE "programs" = 0`),

  // The signing periods a program counts under in the cubes (days are read from the facts: program_day_cells).
  `CREATE FUNCTION "programs"."summary_periods"(signed date) RETURNS TABLE ("level" "char", "period" date) LANGUAGE sql IMMUTABLE AS $$
     SELECT 'U'::"char", 'infinity'::date WHERE signed IS NULL
     UNION ALL SELECT v.level, v.period FROM (VALUES ('Y'::"char", date_trunc('year', signed)::date), ('M'::"char", date_trunc('month', signed)::date)) v(level, period)
      WHERE signed IS NOT NULL
   $$`,
  // The empty subset and every subset of up to three of a sorted, distinct array.
  `CREATE FUNCTION "programs"."summary_subsets"(items text[]) RETURNS SETOF text[] LANGUAGE sql IMMUTABLE AS $$
     SELECT '{}'::text[]
     UNION ALL SELECT ARRAY[items[a]] FROM generate_subscripts(items, 1) a
     UNION ALL SELECT ARRAY[items[a], items[b]] FROM generate_subscripts(items, 1) a, generate_subscripts(items, 1) b WHERE a < b
     UNION ALL SELECT ARRAY[items[a], items[b], items[c]] FROM generate_subscripts(items, 1) a, generate_subscripts(items, 1) b, generate_subscripts(items, 1) c
                WHERE a < b AND b < c
   $$`,
  // The facts of the given programs, from the base tables. (IN (SELECT unnest(ids)) is a hashed or indexed semi-join; = ANY(ids) would compare every row with every id.)
  `CREATE FUNCTION "programs"."store_program_summary_facts"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
     INSERT INTO "programs"."program_summary_fact"
     SELECT p.id, p.kind, p.status, p.signed_on, p.ends_on,
            COALESCE(c.countries, ARRAY['']), i.institutions IS NOT NULL,
            COALESCE(i.institutions, '{}'), COALESCE(i.institution_types, '{}'), COALESCE(t.party_types, '{}'),
            COALESCE(d.directions, '{}'), p.field_codes,
            COALESCE(a.activities, 0), COALESCE(a.planned, 0), COALESCE(a.actual, 0)
       FROM "programs"."program" p
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT COALESCE(institution_country_code::text, '') ORDER BY COALESCE(institution_country_code::text, '')) AS countries
                    FROM "programs"."program_party" WHERE program_id IN (SELECT unnest(ids)) GROUP BY program_id) c ON c.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(institution_id ORDER BY institution_id) AS institutions, array_agg(institution_type ORDER BY institution_id) AS institution_types
                    FROM (SELECT DISTINCT program_id, institution_id, institution_type FROM "programs"."program_party" WHERE program_id IN (SELECT unnest(ids))) x
                   GROUP BY program_id) i ON i.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT institution_type ORDER BY institution_type) AS party_types
                    FROM "programs"."program_party" WHERE program_id IN (SELECT unnest(ids)) GROUP BY program_id) t ON t.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT direction ORDER BY direction) AS directions
                    FROM "programs"."program_direction" WHERE program_id IN (SELECT unnest(ids)) GROUP BY program_id) d ON d.program_id = p.id
       LEFT JOIN (SELECT program_id, count(*)::int AS activities, COALESCE(sum(planned_participants), 0) AS planned, COALESCE(sum(actual_participants), 0) AS actual
                    FROM "programs"."activity" WHERE program_id IN (SELECT unnest(ids)) GROUP BY program_id) a ON a.program_id = p.id
      WHERE p.id IN (SELECT unnest(ids))
   $$`,
  // Adds (sign 1) or takes out (sign -1) the stored facts of the given programs to or from every summary.
  `CREATE FUNCTION "programs"."apply_program_summary_facts"(ids uuid[], sign integer) RETURNS void LANGUAGE sql AS $$
     INSERT INTO "programs"."program_cube" AS c (level, period, kind, status, countries, programs, with_parties, activities, planned, actual)
     SELECT l.level, l.period, f.kind, f.status, s.subset, sign * count(*), sign * count(*) FILTER (WHERE f.has_parties),
            sign * sum(f.activities), sign * sum(f.planned), sign * sum(f.actual)
       FROM "programs"."program_summary_fact" f, "programs"."summary_periods"(f.signed_on) l, "programs"."summary_subsets"(f.countries) s(subset)
      WHERE f.id IN (SELECT unnest(ids))
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT (countries, level, period, kind, status) DO UPDATE
        SET programs = c.programs + excluded.programs, with_parties = c.with_parties + excluded.with_parties,
            activities = c.activities + excluded.activities, planned = c.planned + excluded.planned, actual = c.actual + excluded.actual;

     INSERT INTO "programs"."program_key_cube" AS c (grouped_by, key, level, period, kind, status, programs, activities, planned, actual)
     SELECT k.grouped_by, k.key, l.level, l.period, f.kind, f.status, sign * count(*), sign * sum(f.activities), sign * sum(f.planned), sign * sum(f.actual)
       FROM "programs"."program_summary_fact" f, "programs"."summary_periods"(f.signed_on) l,
            LATERAL (SELECT 'DIRECTION', unnest(CASE WHEN cardinality(f.directions) = 0 THEN ARRAY[''] ELSE f.directions END)
                     UNION ALL SELECT 'FIELD', unnest(CASE WHEN cardinality(f.field_codes) = 0 THEN ARRAY[''] ELSE f.field_codes END)
                     UNION ALL SELECT 'PARTY_TYPE', unnest(CASE WHEN cardinality(f.party_types) = 0 THEN ARRAY[''] ELSE f.party_types END)) k(grouped_by, key)
      WHERE f.id IN (SELECT unnest(ids))
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 3, 4, 5, 6, 2
     ON CONFLICT (grouped_by, level, period, kind, status, key) DO UPDATE
        SET programs = c.programs + excluded.programs, activities = c.activities + excluded.activities,
            planned = c.planned + excluded.planned, actual = c.actual + excluded.actual;

     INSERT INTO "programs"."network_edge_cube" AS c (source, source_type, target, target_type, kind, status, signed_on, countries, programs)
     SELECT f.institutions[a], f.institution_types[a], f.institutions[b], f.institution_types[b], f.kind, f.status,
            COALESCE(f.signed_on, 'infinity'), f.countries, sign * count(*)
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a, generate_subscripts(f.institutions, 1) b
      WHERE f.id IN (SELECT unnest(ids)) AND a < b
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 3, 2, 4, 5, 6, 7, 8
     ON CONFLICT (source, target, source_type, target_type, kind, status, signed_on, countries) DO UPDATE SET programs = c.programs + excluded.programs;

     INSERT INTO "programs"."network_node_cube" AS c (institution_id, institution_type, kind, status, signed_on, countries, programs)
     SELECT f.institutions[a], f.institution_types[a], f.kind, f.status, COALESCE(f.signed_on, 'infinity'), f.countries, sign * count(*)
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a
      WHERE f.id IN (SELECT unnest(ids))
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (institution_id, institution_type, kind, status, signed_on, countries) DO UPDATE SET programs = c.programs + excluded.programs;

     ${CUBES.map((cube) => `DELETE FROM "programs"."${cube}" WHERE programs = 0;`).join("\n     ")}
   $$`,
  // Day cells, made from the facts when a request needs them (level D): a range's partial months are a few days of programs.
  `CREATE VIEW "programs"."program_day_cells" AS
     SELECT 'D'::"char" AS level, f.signed_on AS period, f.kind, f.status, s.subset AS countries, 1 AS programs, f.has_parties::int AS with_parties,
            f.activities, f.planned, f.actual
       FROM "programs"."program_summary_fact" f, "programs"."summary_subsets"(f.countries) s(subset)
      WHERE f.signed_on IS NOT NULL`,
  `CREATE VIEW "programs"."program_key_day_cells" AS
     SELECT k.grouped_by, k.key, 'D'::"char" AS level, f.signed_on AS period, f.kind, f.status, 1 AS programs, f.activities, f.planned, f.actual
       FROM "programs"."program_summary_fact" f,
            LATERAL (SELECT 'DIRECTION', unnest(CASE WHEN cardinality(f.directions) = 0 THEN ARRAY[''] ELSE f.directions END)
                     UNION ALL SELECT 'FIELD', unnest(CASE WHEN cardinality(f.field_codes) = 0 THEN ARRAY[''] ELSE f.field_codes END)
                     UNION ALL SELECT 'PARTY_TYPE', unnest(CASE WHEN cardinality(f.party_types) = 0 THEN ARRAY[''] ELSE f.party_types END)) k(grouped_by, key)
      WHERE f.signed_on IS NOT NULL`,
  // Brings the summaries of the given programs up to date with the base tables.
  `CREATE FUNCTION "programs"."refresh_program_summaries"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     -- A concurrent writer of the same program waits here; under READ COMMITTED the facts read after the lock are its committed ones.
     PERFORM 1 FROM "programs"."program_summary_fact" WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR UPDATE;
     PERFORM "programs"."apply_program_summary_facts"(ids, -1);
     DELETE FROM "programs"."program_summary_fact" WHERE id IN (SELECT unnest(ids));
     PERFORM "programs"."store_program_summary_facts"(ids);
     PERFORM "programs"."apply_program_summary_facts"(ids, 1);
   END $$`,
  // Every summary again from the base tables, for bulk loaders; writers wait meanwhile (SHARE locks).
  `CREATE FUNCTION "programs"."rebuild_program_summaries"() RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     LOCK TABLE "programs"."program", "programs"."program_party", "programs"."program_direction", "programs"."activity" IN SHARE MODE;
     -- Its aggregates group millions of rows: in memory rather than in sorted runs on disk.
     PERFORM set_config('work_mem', '256MB', true);
     TRUNCATE "programs"."program_summary_fact", ${CUBES.map((cube) => `"programs"."${cube}"`).join(", ")};
     PERFORM "programs"."store_program_summary_facts"(ARRAY(SELECT id FROM "programs"."program"));
     PERFORM "programs"."apply_program_summary_facts"(ARRAY(SELECT id FROM "programs"."program_summary_fact"), 1);
   END $$`,
  // What every trigger below runs: the programs the statement touched, refreshed once.
  `CREATE FUNCTION "programs"."program_summaries_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE ids uuid[];
   BEGIN
     IF current_setting('programs.summaries_deferred', true) = 'on' THEN RETURN NULL; END IF;
     IF TG_TABLE_NAME = 'program' THEN
       IF TG_OP = 'INSERT' THEN SELECT array_agg(id) INTO ids FROM new_rows;
       ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(id) INTO ids FROM old_rows;
       ELSE
         -- Most updates of a program (a new version number, a title) change none of its figures.
         SELECT array_agg(DISTINCT id) INTO ids FROM (
           SELECT n.id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
            WHERE (o.kind, o.status, o.signed_on, o.ends_on, o.field_codes) IS DISTINCT FROM (n.kind, n.status, n.signed_on, n.ends_on, n.field_codes)
           UNION SELECT o.id FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)) changed;
       END IF;
     ELSIF TG_OP = 'INSERT' THEN SELECT array_agg(DISTINCT program_id) INTO ids FROM new_rows;
     ELSIF TG_OP = 'DELETE' THEN SELECT array_agg(DISTINCT program_id) INTO ids FROM old_rows;
     ELSE SELECT array_agg(DISTINCT program_id) INTO ids FROM (SELECT program_id FROM new_rows UNION SELECT program_id FROM old_rows) changed;
     END IF;
     IF ids IS NOT NULL THEN PERFORM "programs"."refresh_program_summaries"(ids); END IF;
     RETURN NULL;
   END $$`,
  ...SOURCES.flatMap(([table]) =>
    EVENTS.map(([event, transition]) =>
      `CREATE TRIGGER "${triggerName(table, event)}" AFTER ${event} ON "programs"."${table}" REFERENCING ${transition}
         FOR EACH STATEMENT EXECUTE FUNCTION "programs"."program_summaries_changed"()`,
    ),
  ),
  `SELECT "programs"."rebuild_program_summaries"()`,
];

const DOWN = [
  ...SOURCES.flatMap(([table]) => EVENTS.map(([event]) => `DROP TRIGGER "${triggerName(table, event)}" ON "programs"."${table}"`)),
  `DROP FUNCTION "programs"."program_summaries_changed"()`,
  `DROP FUNCTION "programs"."rebuild_program_summaries"()`,
  `DROP FUNCTION "programs"."refresh_program_summaries"(uuid[])`,
  `DROP VIEW "programs"."program_key_day_cells"`,
  `DROP VIEW "programs"."program_day_cells"`,
  `DROP FUNCTION "programs"."apply_program_summary_facts"(uuid[], integer)`,
  `DROP FUNCTION "programs"."store_program_summary_facts"(uuid[])`,
  `DROP FUNCTION "programs"."summary_subsets"(text[])`,
  `DROP FUNCTION "programs"."summary_periods"(date)`,
  ...CUBES.map((cube) => `DROP TABLE "programs"."${cube}"`),
  `DROP TABLE "programs"."program_summary_fact"`,
];

export class ProgramSummaries1796230342665 implements MigrationInterface {
  name = "ProgramSummaries1796230342665";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
