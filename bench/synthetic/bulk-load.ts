/**
 * Writes a subgraph's synthetic records (bench/synthetic/generate.ts) in bulk:
 * 1,000,000 programs in a few minutes, with bounded memory and progress.
 *
 * - All of one subgraph's records go in one transaction, written in chunks of
 *   rows (each chunk one INSERT ... SELECT per table, computed inside
 *   PostgreSQL: nothing is held in this process). A load that dies rolls back
 *   whole, so running it again starts over with no duplicates; a load that
 *   committed is found (its last record exists) and skipped.
 * - The tables' secondary indexes, unique constraints and foreign keys (all
 *   but the primary keys) are dropped at the start and made again at the end, in the
 *   same transaction, when the load at least doubles the table: building an
 *   index once is far cheaper than updating it a million times (the trigram
 *   indexes above all), and checking a foreign key once, with a join, than a
 *   lookup per row. A failure rolls the drop back too, so nothing is ever
 *   left missing.
 * - User triggers (the summaries kept by triggers) are disabled for the load
 *   and the records' afterLoad rebuilds what they would have maintained, in
 *   the same transaction again: nobody sees the rows without their summaries.
 * - Every statement has a server-side deadline (statement_timeout, set here
 *   per transaction), not only the client's.
 */
import type { DataSource, EntityManager } from "typeorm";
import { syntheticId } from "./formulas";
import type { DatasetSize } from "./generate";

/** One INSERT of a range of rows: $1 and $2 are the first and last row number, then `parameters`. */
export interface SyntheticInsert {
  table: string;
  sql: string;
  parameters: (size: DatasetSize) => unknown[];
}

/** The synthetic records of one subgraph: a main record per row number, and what each row writes. */
export interface SyntheticRecords {
  /** The type of the main record: the id of row n is syntheticId(typeName, n). */
  typeName: string;
  table: string;
  count: (size: DatasetSize) => number;
  inserts: SyntheticInsert[];
  /** Rebuilds what the tables' triggers maintain (they are off during the load); runs before the load commits. */
  afterLoad?: (db: EntityManager) => Promise<void>;
}

export interface LoadOptions {
  /** Main records per chunk (default 100,000). */
  chunkRows?: number;
  /** statement_timeout of each statement of the load, ms (default: the connection's own). */
  statementTimeoutMs?: number;
  /** Called after each chunk and each rebuilt index, for a progress line. */
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
  /** Set while the indexes are built again: how many of how many. */
  indexes?: { done: number; total: number };
}

export interface LoadResult {
  /** False when the records were all there already (a load of this size committed before). */
  loaded: boolean;
  indexesRebuilt: number;
}

const DEFAULT_CHUNK_ROWS = 100_000;

/**
 * The foreign keys and unique constraints of `tables` in `schema` (primary
 * keys stay: ON CONFLICT (id) needs them; a unique constraint a foreign key
 * points at stays too). Checked row by row they cost a lookup and an index
 * update per inserted row; added again after the load, PostgreSQL builds each
 * unique index once and checks each foreign key with one join. Foreign keys
 * come first: they are dropped first and added last.
 */
async function droppableConstraints(db: EntityManager, schema: string, tables: string[]): Promise<{ table: string; name: string; definition: string }[]> {
  return db.query(
    `SELECT quote_ident(t.relname) AS table, quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
       JOIN pg_class t ON t.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = ANY($2::text[])
        AND (k.contype = 'f' OR (k.contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid)))
      ORDER BY k.contype, t.relname, k.conname`,
    [schema, tables],
  );
}

/** The secondary indexes of `tables` in `schema`: not a primary key, not behind a constraint (unique, exclusion, a foreign key's target). */
async function secondaryIndexes(db: EntityManager, schema: string, tables: string[]): Promise<{ name: string; definition: string }[]> {
  return db.query(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = ANY($2::text[]) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
    [schema, tables],
  );
}

export async function loadSynthetic(dataSource: DataSource, records: SyntheticRecords, size: DatasetSize, options: LoadOptions = {}): Promise<LoadResult> {
  const total = records.count(size);
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const schema = dataSource.driver.schema!;
  const tables = [...new Set(records.inserts.map((insert) => insert.table))];
  const lastRow = await dataSource.query(`SELECT 1 FROM ${records.table} WHERE id = ${syntheticId(records.typeName, "$1::int")}`, [total]);
  if (lastRow.length > 0) return { loaded: false, indexesRebuilt: 0 };

  return dataSource.transaction(async (db) => {
    if (options.statementTimeoutMs !== undefined) await db.query(`SET LOCAL statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
    // Index builds sort in memory up to this, per build (PostgreSQL's default, 64 MB, spills the trigram indexes to disk).
    await db.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const table of tables) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);

    // reltuples is PostgreSQL's estimate of the rows (-1: never analysed), enough to choose.
    const [{ rows }] = await db.query("SELECT greatest(reltuples, 0)::bigint AS rows FROM pg_class WHERE oid = $1::regclass", [`${schema}.${records.table}`]);
    const rebuild = total >= Number(rows);
    const indexes = rebuild ? await secondaryIndexes(db, schema, tables) : [];
    const constraints = rebuild ? await droppableConstraints(db, schema, tables) : [];
    for (const constraint of constraints) await db.query(`ALTER TABLE ${constraint.table} DROP CONSTRAINT ${constraint.name}`);
    for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);

    for (let from = 1; from <= total; from += chunkRows) {
      const to = Math.min(total, from + chunkRows - 1);
      for (const insert of records.inserts) await db.query(insert.sql, [from, to, ...insert.parameters(size)]);
      options.onProgress?.({ table: records.table, rowsDone: to, rowsTotal: total });
    }
    for (const [n, index] of indexes.entries()) {
      await db.query(index.definition);
      options.onProgress?.({ table: records.table, rowsDone: total, rowsTotal: total, indexes: { done: n + 1, total: indexes.length } });
    }
    // After the indexes: checking a foreign key reads the referencing table, and may use them; unique constraints before the foreign keys.
    for (const constraint of [...constraints].reverse()) await db.query(`ALTER TABLE ${constraint.table} ADD CONSTRAINT ${constraint.name} ${constraint.definition}`);

    // The one call site of what the disabled triggers would have maintained (the summaries).
    await records.afterLoad?.(db);
    for (const table of tables) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    return { loaded: true, indexesRebuilt: indexes.length };
  });
}
