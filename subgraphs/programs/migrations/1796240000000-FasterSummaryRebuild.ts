import type { MigrationInterface, QueryRunner } from "typeorm";
import { PAIR_COLUMNS, SCOPE_NODES_AND_TOTALS, pairRows } from "./1796237000000-NetworkScopes";

/**
 * The full rebuild of the summaries (rebuild_program_cubes and
 * rebuild_network_scopes, the two halves of rebuild_program_summaries) as
 * bulk loads, with the same resulting rows:
 *
 * - The incremental path's statements (store_program_summary_facts,
 *   apply_program_summary_facts) filtered every row by `IN (SELECT
 *   unnest(ids))` over all programs and merged each row into the cubes with
 *   ON CONFLICT. The rebuild now reads all rows unfiltered and inserts
 *   plainly: the tables were just emptied, and every statement groups by
 *   the cell's unique key, so no row can conflict (the rows are the same).
 * - Each rebuilt table's indexes and unique constraints are dropped after
 *   the TRUNCATE and built again from their own catalog definitions once the
 *   rows are in (one sort per index instead of an index insertion per row;
 *   the TRUNCATE already holds the table's ACCESS EXCLUSIVE lock).
 * - Its transaction gets larger work_mem and maintenance_work_mem.
 *
 * The incremental refresh (refresh_program_summaries) is unchanged.
 */

const CUBES = ["program_cube", "program_key_cube", "network_edge_cube", "network_node_cube"];
const SCOPE_TABLES = ["network_scope_pair", "network_scope_node", "network_scope_total"];
const q = (table: string) => `"programs"."${table}"`;
const regclasses = (tables: string[]) => `ARRAY[${tables.map((t) => `'${q(t)}'::regclass`).join(", ")}]`;

const KEYS_OF_FACT = `LATERAL (SELECT 'DIRECTION', unnest(CASE WHEN cardinality(f.directions) = 0 THEN ARRAY[''] ELSE f.directions END)
                     UNION ALL SELECT 'FIELD', unnest(CASE WHEN cardinality(f.field_codes) = 0 THEN ARRAY[''] ELSE f.field_codes END)
                     UNION ALL SELECT 'PARTY_TYPE', unnest(CASE WHEN cardinality(f.party_types) = 0 THEN ARRAY[''] ELSE f.party_types END)) k(grouped_by, key)`;

const UP = [
  // Drops the indexes and unique constraints of the given tables and returns the statements that make them again.
  `CREATE FUNCTION "programs"."summary_indexes_drop"(tables regclass[]) RETURNS text[] LANGUAGE plpgsql AS $$
   DECLARE r record; restore text[] := '{}';
   BEGIN
     FOR r IN SELECT i.indrelid::regclass AS tab, i.indexrelid::regclass AS ix, c.conname, pg_get_constraintdef(c.oid) AS condef, pg_get_indexdef(i.indexrelid) AS ixdef
                FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
               WHERE i.indrelid = ANY(tables) ORDER BY i.indrelid, c.conname IS NULL, i.indexrelid::regclass::text LOOP
       IF r.conname IS NOT NULL THEN
         EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.conname);
         restore := restore || format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tab, r.conname, r.condef);
       ELSE
         EXECUTE format('DROP INDEX %s', r.ix);
         restore := restore || r.ixdef;
       END IF;
     END LOOP;
     RETURN restore;
   END $$`,
  `CREATE FUNCTION "programs"."summary_indexes_restore"(restore text[]) RETURNS void LANGUAGE plpgsql AS $$
   DECLARE statement text;
   BEGIN
     FOREACH statement IN ARRAY restore LOOP EXECUTE statement; END LOOP;
   END $$`,
  `CREATE OR REPLACE FUNCTION "programs"."rebuild_program_cubes"() RETURNS void LANGUAGE plpgsql AS $$
   DECLARE restore text[];
   BEGIN
     LOCK TABLE "programs"."program", "programs"."program_party", "programs"."program_direction", "programs"."activity" IN SHARE MODE;
     PERFORM set_config('work_mem', '512MB', true);
     PERFORM set_config('maintenance_work_mem', '1GB', true);
     TRUNCATE "programs"."program_summary_fact", ${CUBES.map(q).join(", ")};
     restore := "programs"."summary_indexes_drop"(${regclasses(["program_summary_fact", ...CUBES])});

     -- store_program_summary_facts for every program.
     INSERT INTO "programs"."program_summary_fact"
     SELECT p.id, p.kind, p.status, p.signed_on, p.ends_on,
            COALESCE(c.countries, ARRAY['']), i.institutions IS NOT NULL,
            COALESCE(i.institutions, '{}'), COALESCE(i.institution_types, '{}'), COALESCE(t.party_types, '{}'),
            COALESCE(d.directions, '{}'), p.field_codes,
            COALESCE(a.activities, 0), COALESCE(a.planned, 0), COALESCE(a.actual, 0)
       FROM "programs"."program" p
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT COALESCE(institution_country_code::text, '') ORDER BY COALESCE(institution_country_code::text, '')) AS countries
                    FROM "programs"."program_party" GROUP BY program_id) c ON c.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(institution_id ORDER BY institution_id) AS institutions, array_agg(institution_type ORDER BY institution_id) AS institution_types
                    FROM (SELECT DISTINCT program_id, institution_id, institution_type FROM "programs"."program_party") x
                   GROUP BY program_id) i ON i.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT institution_type ORDER BY institution_type) AS party_types
                    FROM "programs"."program_party" GROUP BY program_id) t ON t.program_id = p.id
       LEFT JOIN (SELECT program_id, array_agg(DISTINCT direction ORDER BY direction) AS directions
                    FROM "programs"."program_direction" GROUP BY program_id) d ON d.program_id = p.id
       LEFT JOIN (SELECT program_id, count(*)::int AS activities, COALESCE(sum(planned_participants), 0) AS planned, COALESCE(sum(actual_participants), 0) AS actual
                    FROM "programs"."activity" GROUP BY program_id) a ON a.program_id = p.id;

     -- apply_program_summary_facts(every program, 1) into empty cubes: each row is a new cell.
     INSERT INTO "programs"."program_cube" (level, period, kind, status, countries, programs, with_parties, activities, planned, actual)
     SELECT l.level, l.period, f.kind, f.status, s.subset, count(*), count(*) FILTER (WHERE f.has_parties), sum(f.activities), sum(f.planned), sum(f.actual)
       FROM "programs"."program_summary_fact" f, "programs"."summary_periods"(f.signed_on) l, "programs"."summary_subsets"(f.countries) s(subset)
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;

     INSERT INTO "programs"."program_key_cube" (grouped_by, key, level, period, kind, status, programs, activities, planned, actual)
     SELECT k.grouped_by, k.key, l.level, l.period, f.kind, f.status, count(*), sum(f.activities), sum(f.planned), sum(f.actual)
       FROM "programs"."program_summary_fact" f, "programs"."summary_periods"(f.signed_on) l,
            ${KEYS_OF_FACT}
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 3, 4, 5, 6, 2;

     INSERT INTO "programs"."network_edge_cube" (source, source_type, target, target_type, kind, status, signed_on, countries, programs)
     SELECT f.institutions[a], f.institution_types[a], f.institutions[b], f.institution_types[b], f.kind, f.status,
            COALESCE(f.signed_on, 'infinity'), f.countries, count(*)
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a, generate_subscripts(f.institutions, 1) b
      WHERE a < b
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 3, 2, 4, 5, 6, 7, 8;

     INSERT INTO "programs"."network_node_cube" (institution_id, institution_type, kind, status, signed_on, countries, programs)
     SELECT f.institutions[a], f.institution_types[a], f.kind, f.status, COALESCE(f.signed_on, 'infinity'), f.countries, count(*)
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;

     PERFORM "programs"."summary_indexes_restore"(restore);
   END $$`,
  `CREATE OR REPLACE FUNCTION "programs"."rebuild_network_scopes"() RETURNS void LANGUAGE plpgsql AS $$
   DECLARE restore text[];
   BEGIN
     PERFORM set_config('work_mem', '512MB', true);
     PERFORM set_config('maintenance_work_mem', '1GB', true);
     TRUNCATE ${SCOPE_TABLES.map(q).join(", ")};
     restore := "programs"."summary_indexes_drop"(${regclasses(SCOPE_TABLES)});
     INSERT INTO "programs"."network_scope_pair" (${PAIR_COLUMNS}) ${pairRows(`"programs"."network_scope_edge_cells" c`)};
${SCOPE_NODES_AND_TOTALS}
     PERFORM "programs"."summary_indexes_restore"(restore);
   END $$`,
];

// The definitions of ProgramSummaries (renamed by NetworkScopes) and NetworkScopes.
const DOWN = [
  `CREATE OR REPLACE FUNCTION "programs"."rebuild_program_cubes"() RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     LOCK TABLE "programs"."program", "programs"."program_party", "programs"."program_direction", "programs"."activity" IN SHARE MODE;
     -- Its aggregates group millions of rows: in memory rather than in sorted runs on disk.
     PERFORM set_config('work_mem', '256MB', true);
     TRUNCATE "programs"."program_summary_fact", ${CUBES.map(q).join(", ")};
     PERFORM "programs"."store_program_summary_facts"(ARRAY(SELECT id FROM "programs"."program"));
     PERFORM "programs"."apply_program_summary_facts"(ARRAY(SELECT id FROM "programs"."program_summary_fact"), 1);
   END $$`,
  `CREATE OR REPLACE FUNCTION "programs"."rebuild_network_scopes"() RETURNS void LANGUAGE sql AS $$
     TRUNCATE "programs"."network_scope_pair", "programs"."network_scope_node", "programs"."network_scope_total";
     INSERT INTO "programs"."network_scope_pair" (${PAIR_COLUMNS}) ${pairRows(`"programs"."network_scope_edge_cells" c`)};
${SCOPE_NODES_AND_TOTALS}
   $$`,
  `DROP FUNCTION "programs"."summary_indexes_restore"(text[])`,
  `DROP FUNCTION "programs"."summary_indexes_drop"(regclass[])`,
];

export class FasterSummaryRebuild1796240000000 implements MigrationInterface {
  name = "FasterSummaryRebuild1796240000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
