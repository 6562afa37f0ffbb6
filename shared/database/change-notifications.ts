/**
 * Every committed write to a subgraph's schema says so on one PostgreSQL
 * channel, with the subgraph's name (its schema) as the payload, so that
 * whoever keeps answers derived from it (the gateway's response cache,
 * gateway/response-cache/) knows they may be stale.
 *
 * A statement-level trigger on every table does it, so no write path can
 * forget: the record mechanisms, program approvals, seeding, a bulk load or
 * a hand-written UPDATE all notify. PostgreSQL delivers a NOTIFY only when
 * its transaction commits (a rolled-back write says nothing) and folds
 * identical ones of one transaction into one, so a write costs one message
 * however many rows and statements it has.
 */
import type { QueryRunner } from "typeorm";

/** The channel every subgraph notifies on; the payload is the subgraph's name. */
export const CHANGES_CHANNEL = "partnergraph_changes";

const FUNCTION = "notify_partnergraph_change";
const TRIGGER = "notify_partnergraph_change";

/**
 * Adds the trigger to every table of the schema that lacks it (and the
 * function it calls). Run after the migrations, under their lock, on every
 * start: a table a later migration adds is covered without anyone
 * remembering to, and a table that has it is left alone (no lock taken).
 */
export async function notifyChangesOnEveryTable(runner: QueryRunner, schema: string): Promise<void> {
  const [{ present }] = await runner.query(
    "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2) AS present",
    [schema, FUNCTION],
  );
  if (!present) {
    await runner.query(
      `CREATE OR REPLACE FUNCTION "${schema}".${FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('${CHANGES_CHANNEL}', TG_TABLE_SCHEMA);
         RETURN NULL;
       END $$`,
    );
  }
  const bare = await tablesWithoutChangeNotifications((sql, parameters) => runner.query(sql, parameters), schema);
  for (const table of bare) {
    await runner.query(
      `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${schema}"."${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".${FUNCTION}()`,
    );
  }
}

type Query = (sql: string, parameters: unknown[]) => Promise<{ table: string }[]>;

/** The tables of a schema without the trigger (a test keeps this empty once a subgraph has started). */
export async function tablesWithoutChangeNotifications(query: Query, schema: string): Promise<string[]> {
  const rows = await query(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2)
     ORDER BY c.relname`,
    [schema, TRIGGER],
  );
  return rows.map((row) => row.table);
}
