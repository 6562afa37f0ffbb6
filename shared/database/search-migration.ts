/**
 * What text search needs in the database, for the subgraphs' migrations:
 * the pg_trgm and unaccent extensions (installed once per database, in a
 * shared `extensions` schema unless they already exist elsewhere), a
 * `search_text()` function in the subgraph's own schema (lower case, accents
 * removed; IMMUTABLE so it can be indexed) and trigram indexes on it.
 */
import type { QueryRunner } from "typeorm";

async function extensionSchema(runner: QueryRunner, name: string): Promise<string | undefined> {
  const rows: { schema: string }[] = await runner.query(
    "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1",
    [name],
  );
  return rows[0]?.schema;
}

/**
 * Installs an extension unless present (with least-privilege roles, provisioning installs it first).
 * Subgraphs migrate at the same time on a fresh database, and two concurrent
 * `CREATE SCHEMA IF NOT EXISTS` can still collide on the catalogue's unique
 * index: a lock held until the migration's transaction ends makes them take turns.
 */
async function ensureExtension(runner: QueryRunner, name: string): Promise<string> {
  await runner.query("SELECT pg_advisory_xact_lock(hashtext('partnergraph:extensions'))");
  const existing = await extensionSchema(runner, name);
  if (existing) return existing;
  await runner.query(`CREATE SCHEMA IF NOT EXISTS extensions`);
  await runner.query(`CREATE EXTENSION IF NOT EXISTS ${name} SCHEMA extensions`);
  return (await extensionSchema(runner, name))!;
}

export async function createSearchFunction(runner: QueryRunner, schema: string): Promise<void> {
  await ensureExtension(runner, "pg_trgm");
  const unaccent = await ensureExtension(runner, "unaccent");
  await runner.query(
    `CREATE FUNCTION "${schema}".search_text(value text) RETURNS text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $$ SELECT lower("${unaccent}".unaccent('"${unaccent}".unaccent'::regdictionary, value)) $$`,
  );
}

export async function dropSearchFunction(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP FUNCTION IF EXISTS "${schema}".search_text(text)`);
}

/** A trigram index serving `search_text(column) LIKE '%…%'`. */
export async function createSearchIndex(runner: QueryRunner, schema: string, table: string, column: string): Promise<void> {
  const trgm = (await extensionSchema(runner, "pg_trgm"))!;
  await runner.query(
    `CREATE INDEX "ix_${table}_${column}_search" ON "${schema}"."${table}" USING gin ("${schema}".search_text("${column}") "${trgm}".gin_trgm_ops)`,
  );
}

export async function dropSearchIndex(runner: QueryRunner, schema: string, table: string, column: string): Promise<void> {
  await runner.query(`DROP INDEX IF EXISTS "${schema}"."ix_${table}_${column}_search"`);
}
