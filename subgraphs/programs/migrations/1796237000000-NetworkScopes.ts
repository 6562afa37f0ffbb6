import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The cooperation network pre-aggregated per scope, for the dashboard's
 * common filters (none, one country, one status, one kind): a request reads
 * its `maxEdges` heaviest pairs as an index range, and its counts and
 * degrees as single rows, whatever the size of the network
 * (subgraphs/programs/sql/scope-network.ts reads them).
 *
 * - network_scope_pair: one row per (scope, pair of institutions) with
 *   programs of both: weight, active ones, first and latest signing date and
 *   the programs by kind. A pair without programs in the scope has no row.
 * - network_scope_node: per (scope, institution) its programs and partners
 *   (the number of its pair rows in the scope).
 * - network_scope_total: per scope the programs with parties and the pairs.
 *
 * Scopes: '' (every program), 'country:XX' (programs with a party in XX),
 * 'status:S', 'kind:K' (network_scopes below).
 *
 * Kept in the writing transaction by refresh_program_summaries (the
 * ProgramSummaries migration's function, renamed refresh_program_cubes and
 * wrapped here): programs and totals' program counts by adding and taking
 * out the stored facts, the touched pairs recomputed from network_edge_cube
 * (a first or latest date cannot be taken out). Recomputing is not
 * commutative, so the refreshes take turns (a transaction-level advisory
 * lock, taken before any summary is written, so they cannot deadlock on
 * each other either). rebuild_program_summaries (renamed
 * rebuild_program_cubes and wrapped) rebuilds these tables too.
 */

/** Aggregates cells (scope, source, source_type, target, target_type, kind, status, signed_on, programs) into pair rows. */
export const pairRows = (cells: string) => `
  SELECT scope, source, source_type, target, target_type, sum(programs)::int, sum(active)::int, min(first_signed_on), max(latest_signed_on),
         jsonb_agg(jsonb_build_object('kind', kind, 'count', programs) ORDER BY programs DESC, kind COLLATE "C")
    FROM (SELECT c.scope, c.source, c.source_type, c.target, c.target_type, c.kind, sum(c.programs)::int AS programs,
                 COALESCE(sum(c.programs) FILTER (WHERE c.status = 'ACTIVE'), 0)::int AS active,
                 min(NULLIF(c.signed_on, 'infinity')) AS first_signed_on, max(NULLIF(c.signed_on, 'infinity')) AS latest_signed_on
            FROM ${cells} GROUP BY 1, 2, 3, 4, 5, 6) by_kind
   GROUP BY 1, 2, 3, 4, 5`;

export const PAIR_COLUMNS = "scope, source, source_type, target, target_type, weight, active, first_signed_on, latest_signed_on, by_kind";
/** The scopes' nodes and totals from the pairs just written (rebuild_network_scopes; FasterSummaryRebuild's too). */
export const SCOPE_NODES_AND_TOTALS = `     INSERT INTO "programs"."network_scope_node" (scope, institution_id, institution_type, programs, partners)
     SELECT s.scope, n.institution_id, n.institution_type, sum(n.programs)::int, COALESCE(min(d.partners), 0)
       FROM "programs"."network_node_cube" n CROSS JOIN LATERAL "programs"."network_scopes"(n.kind, n.status, n.countries) s(scope)
       LEFT JOIN (SELECT scope, id, count(*)::int AS partners FROM (SELECT scope, source AS id FROM "programs"."network_scope_pair"
                   UNION ALL SELECT scope, target FROM "programs"."network_scope_pair") ends GROUP BY 1, 2) d ON d.scope = s.scope AND d.id = n.institution_id
      GROUP BY 1, 2, 3;
     INSERT INTO "programs"."network_scope_total" (scope, programs, edges)
     SELECT s.scope, count(*)::int, COALESCE(min(e.edges), 0)
       FROM "programs"."program_summary_fact" f CROSS JOIN LATERAL "programs"."network_scopes"(f.kind, f.status, f.countries) s(scope)
       LEFT JOIN (SELECT scope, count(*)::int AS edges FROM "programs"."network_scope_pair" GROUP BY 1) e ON e.scope = s.scope
      WHERE f.has_parties GROUP BY 1;`;
/** Any constant: the key of the advisory lock the refreshes take turns on. */
const REFRESH_LOCK = 7_930_118_237;

const UP = [
  `CREATE TABLE "programs"."network_scope_pair" (
     "scope" text NOT NULL, "source" uuid NOT NULL, "source_type" text NOT NULL, "target" uuid NOT NULL, "target_type" text NOT NULL,
     "weight" integer NOT NULL, "active" integer NOT NULL, "first_signed_on" date, "latest_signed_on" date, "by_kind" jsonb NOT NULL,
     CONSTRAINT "pk_network_scope_pair" PRIMARY KEY ("scope", "source", "target", "source_type", "target_type"))`,
  // The answer's edge order (cooperationNetworkByScan: weight DESC, source, target): the top maxEdges are a range of it.
  `CREATE INDEX "ix_network_scope_pair_order" ON "programs"."network_scope_pair" ("scope", "weight" DESC, "source", "target")`,
  // Degrees: the pairs of an institution as the target (as the source, the primary key).
  `CREATE INDEX "ix_network_scope_pair_target" ON "programs"."network_scope_pair" ("scope", "target")`,
  `CREATE TABLE "programs"."network_scope_node" (
     "scope" text NOT NULL, "institution_id" uuid NOT NULL, "institution_type" text NOT NULL, "programs" integer NOT NULL, "partners" integer NOT NULL,
     CONSTRAINT "pk_network_scope_node" PRIMARY KEY ("scope", "institution_id", "institution_type"))`,
  `CREATE INDEX "ix_network_scope_node_empty" ON "programs"."network_scope_node" ("scope") WHERE "programs" = 0`,
  `CREATE TABLE "programs"."network_scope_total" (
     "scope" text NOT NULL CONSTRAINT "pk_network_scope_total" PRIMARY KEY, "programs" integer NOT NULL, "edges" integer NOT NULL)`,
  `CREATE TYPE "programs"."network_scope_pair_key" AS ("scope" text, "source" uuid, "target" uuid)`,
  // The scopes a program (or a cell of its kind, status and whole country set) belongs to.
  `CREATE FUNCTION "programs"."network_scopes"(kind text, status text, countries text[]) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
     SELECT '' UNION ALL SELECT 'country:' || c FROM unnest(countries) c WHERE c <> ''
     UNION ALL SELECT 'status:' || status UNION ALL SELECT 'kind:' || kind
   $$`,
  `CREATE VIEW "programs"."network_scope_edge_cells" AS
     SELECT s.scope, e.source, e.source_type, e.target, e.target_type, e.kind, e.status, e.signed_on, e.programs
       FROM "programs"."network_edge_cube" e, "programs"."network_scopes"(e.kind, e.status, e.countries) s(scope)`,
  // The (scope, pair) keys of the stored facts of the given programs.
  `CREATE FUNCTION "programs"."network_scope_pair_keys"(ids uuid[]) RETURNS SETOF "programs"."network_scope_pair_key" LANGUAGE sql STABLE AS $$
     SELECT DISTINCT s.scope, f.institutions[a], f.institutions[b]
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a, generate_subscripts(f.institutions, 1) b,
            "programs"."network_scopes"(f.kind, f.status, f.countries) s(scope)
      WHERE f.id IN (SELECT unnest(ids)) AND a < b
   $$`,
  // Adds (sign 1) or takes out (sign -1) the stored facts of the given programs to or from the nodes' and scopes' program counts.
  `CREATE FUNCTION "programs"."apply_network_scope_facts"(ids uuid[], sign integer) RETURNS void LANGUAGE sql AS $$
     INSERT INTO "programs"."network_scope_node" AS n (scope, institution_id, institution_type, programs, partners)
     SELECT s.scope, f.institutions[a], f.institution_types[a], sign * count(*), 0
       FROM "programs"."program_summary_fact" f, generate_subscripts(f.institutions, 1) a, "programs"."network_scopes"(f.kind, f.status, f.countries) s(scope)
      WHERE f.id IN (SELECT unnest(ids))
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
     ON CONFLICT (scope, institution_id, institution_type) DO UPDATE SET programs = n.programs + excluded.programs;
     INSERT INTO "programs"."network_scope_total" AS t (scope, programs, edges)
     SELECT s.scope, sign * count(*), 0
       FROM "programs"."program_summary_fact" f, "programs"."network_scopes"(f.kind, f.status, f.countries) s(scope)
      WHERE f.id IN (SELECT unnest(ids)) AND f.has_parties
      GROUP BY 1 ORDER BY 1
     ON CONFLICT (scope) DO UPDATE SET programs = t.programs + excluded.programs;
   $$`,
  // The given pairs again from network_edge_cube (as it is now), with the scopes' edge counts and their ends' partner counts.
  `CREATE FUNCTION "programs"."refresh_network_scope_pairs"(keys "programs"."network_scope_pair_key"[]) RETURNS void LANGUAGE sql AS $$
     WITH gone AS (DELETE FROM "programs"."network_scope_pair" p USING (SELECT DISTINCT * FROM unnest(keys)) k
                    WHERE p.scope = k.scope AND p.source = k.source AND p.target = k.target RETURNING p.scope)
     UPDATE "programs"."network_scope_total" t SET edges = t.edges - g.n FROM (SELECT scope, count(*)::int AS n FROM gone GROUP BY 1) g WHERE t.scope = g.scope;
     WITH added AS (INSERT INTO "programs"."network_scope_pair" (${PAIR_COLUMNS}) ${pairRows(`(SELECT k.scope, e.source, e.source_type, e.target, e.target_type, e.kind, e.status, e.signed_on, e.programs
                 FROM (SELECT DISTINCT * FROM unnest(keys)) k JOIN "programs"."network_edge_cube" e ON e.source = k.source AND e.target = k.target
                WHERE k.scope IN (SELECT "programs"."network_scopes"(e.kind, e.status, e.countries))) c`)} RETURNING scope)
     INSERT INTO "programs"."network_scope_total" AS t (scope, programs, edges) SELECT scope, 0, count(*) FROM added GROUP BY 1 ORDER BY 1
     ON CONFLICT (scope) DO UPDATE SET edges = t.edges + excluded.edges;
     UPDATE "programs"."network_scope_node" n
        SET partners = (SELECT count(*) FROM "programs"."network_scope_pair" p WHERE p.scope = n.scope AND p.source = n.institution_id)
                     + (SELECT count(*) FROM "programs"."network_scope_pair" p WHERE p.scope = n.scope AND p.target = n.institution_id)
       FROM (SELECT scope, source AS id FROM unnest(keys) UNION SELECT scope, target FROM unnest(keys)) e
      WHERE n.scope = e.scope AND n.institution_id = e.id;
     DELETE FROM "programs"."network_scope_node" WHERE programs = 0;
     DELETE FROM "programs"."network_scope_total" WHERE programs = 0;
   $$`,
  `CREATE FUNCTION "programs"."rebuild_network_scopes"() RETURNS void LANGUAGE sql AS $$
     TRUNCATE "programs"."network_scope_pair", "programs"."network_scope_node", "programs"."network_scope_total";
     INSERT INTO "programs"."network_scope_pair" (${PAIR_COLUMNS}) ${pairRows(`"programs"."network_scope_edge_cells" c`)};
${SCOPE_NODES_AND_TOTALS}
   $$`,
  `ALTER FUNCTION "programs"."refresh_program_summaries"(uuid[]) RENAME TO "refresh_program_cubes"`,
  `ALTER FUNCTION "programs"."rebuild_program_summaries"() RENAME TO "rebuild_program_cubes"`,
  `CREATE FUNCTION "programs"."refresh_program_summaries"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
   DECLARE old_keys "programs"."network_scope_pair_key"[];
   BEGIN
     PERFORM pg_advisory_xact_lock(${REFRESH_LOCK});
     PERFORM 1 FROM "programs"."program_summary_fact" WHERE id IN (SELECT unnest(ids)) ORDER BY id FOR UPDATE;
     old_keys := ARRAY(SELECT "programs"."network_scope_pair_keys"(ids));
     PERFORM "programs"."apply_network_scope_facts"(ids, -1);
     PERFORM "programs"."refresh_program_cubes"(ids);
     PERFORM "programs"."apply_network_scope_facts"(ids, 1);
     PERFORM "programs"."refresh_network_scope_pairs"(old_keys || ARRAY(SELECT "programs"."network_scope_pair_keys"(ids)));
   END $$`,
  `CREATE FUNCTION "programs"."rebuild_program_summaries"() RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM "programs"."rebuild_program_cubes"();
     PERFORM "programs"."rebuild_network_scopes"();
   END $$`,
  `SELECT "programs"."rebuild_network_scopes"()`,
];

const DOWN = [
  `DROP FUNCTION "programs"."rebuild_program_summaries"()`,
  `DROP FUNCTION "programs"."refresh_program_summaries"(uuid[])`,
  `ALTER FUNCTION "programs"."rebuild_program_cubes"() RENAME TO "rebuild_program_summaries"`,
  `ALTER FUNCTION "programs"."refresh_program_cubes"(uuid[]) RENAME TO "refresh_program_summaries"`,
  `DROP FUNCTION "programs"."rebuild_network_scopes"()`,
  `DROP FUNCTION "programs"."refresh_network_scope_pairs"("programs"."network_scope_pair_key"[])`,
  `DROP FUNCTION "programs"."apply_network_scope_facts"(uuid[], integer)`,
  `DROP FUNCTION "programs"."network_scope_pair_keys"(uuid[])`,
  `DROP VIEW "programs"."network_scope_edge_cells"`,
  `DROP FUNCTION "programs"."network_scopes"(text, text, text[])`,
  `DROP TYPE "programs"."network_scope_pair_key"`,
  `DROP TABLE "programs"."network_scope_total"`,
  `DROP TABLE "programs"."network_scope_node"`,
  `DROP TABLE "programs"."network_scope_pair"`,
];

export class NetworkScopes1796237000000 implements MigrationInterface {
  name = "NetworkScopes1796237000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
