/**
 * Many rows of one entity in as few INSERT statements as PostgreSQL's limit
 * of bind parameters per statement allows: a write of many records (an
 * import) costs a statement per table and chunk, not per row.
 *
 * The statement is built here from the entity's metadata, each value made
 * ready by the driver exactly as TypeORM's insert does (transformers, json,
 * dates; a function value is SQL; an undefined one the column's DEFAULT, a
 * version 1), because TypeORM's query builder looks every named parameter
 * up again across the whole query: most of an import's time went there for
 * statements of thousands of parameters. Nothing is read back (no RETURNING):
 * callers that need the stored rows read them.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";

/** Well under the protocol's 65,535 parameters per statement. */
const PARAMETERS_PER_STATEMENT = 30_000;

export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => column.isInsert && !(column.isGenerated && column.generationStrategy === "increment"));
  // Each subgraph's entities live in its data source's schema.
  const schema = metadata.schema ?? (manager.connection.options as { schema?: string }).schema;
  const table = schema ? `${driver.escape(schema)}.${driver.escape(metadata.tableName)}` : driver.escape(metadata.tableName);
  const into = `INSERT INTO ${table} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")}) VALUES `;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length));
  for (let from = 0; from < rows.length; from += perStatement) {
    const parameters: unknown[] = [];
    const tuples = rows.slice(from, from + perStatement).map((row) => {
      const values = columns.map((column) => {
        const given = column.getEntityValue(row as ObjectLiteral);
        if (typeof given === "function") return String(given());
        const value = driver.preparePersistentValue(given, column);
        if (value === undefined) return column.isVersion ? "1" : "DEFAULT";
        if (value === null) return "NULL";
        parameters.push(value);
        return `$${parameters.length}`;
      });
      return `(${values.join(", ")})`;
    });
    await manager.query(into + tuples.join(", "), parameters);
  }
}
