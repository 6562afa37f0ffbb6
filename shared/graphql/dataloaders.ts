/**
 * Per-request DataLoaders: every lookup by id or by parent id made while one
 * request resolves is gathered into a single `= ANY($1)` statement, so a page
 * of 1,000 items costs the same number of statements as a page of 10.
 */
import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/** Loads rows by a unique column (`id`, `slug`); a missing key yields null. */
export function loaderByUnique<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string = "id",
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource
      .getRepository(entity)
      .createQueryBuilder("row")
      .where(`row.${property} = ANY(:keys)`, { keys: [...keys] })
      .getMany();
    const byKey = new Map(rows.map((row) => [row[property] as string, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Any record by id or another unique column, one loader per (entity, column) per request: `context.lookup(Department, "slug")`. */
export type RecordLookup = <T extends ObjectLiteral>(entity: EntityTarget<T>, property?: keyof T & string) => DataLoader<string, T | null>;

/** A request's RecordLookup: loaders made on first use, so a new record type needs no loader of its own. */
export function recordLookup(dataSource: DataSource): RecordLookup {
  const loaders = new Map<EntityTarget<ObjectLiteral>, Map<string, DataLoader<string, ObjectLiteral | null>>>();
  return <T extends ObjectLiteral>(entity: EntityTarget<T>, property: keyof T & string = "id") => {
    let byProperty = loaders.get(entity as EntityTarget<ObjectLiteral>);
    if (!byProperty) loaders.set(entity as EntityTarget<ObjectLiteral>, (byProperty = new Map()));
    let loader = byProperty.get(property);
    if (!loader) byProperty.set(property, (loader = loaderByUnique(dataSource, entity, property) as DataLoader<string, ObjectLiteral | null>));
    return loader as DataLoader<string, T | null>;
  };
}

/** Loads the rows whose `parentProperty` equals each key, in `orderBy` order. */
export function loaderByParent<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  parentProperty: keyof T & string,
  orderBy: { property: keyof T & string; direction?: "ASC" | "DESC" }[] = [],
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const query = dataSource
      .getRepository(entity)
      .createQueryBuilder("row")
      .where(`row.${parentProperty} = ANY(:parentIds)`, { parentIds: [...parentIds] });
    for (const { property, direction = "ASC" } of orderBy) query.addOrderBy(`row.${property}`, direction);
    return groupBy(await query.getMany(), (row) => row[parentProperty] as string, parentIds);
  });
}

/** Splits `rows` by `key` into one list per wanted key, in the order of `keys`. */
export function groupBy<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/**
 * Loaders made on demand, one per distinct key (such as a field's arguments) within a request: lookups
 * asked with the same arguments batch into one statement, and different ones never mix.
 */
export function loadersByKey<V>(): (key: unknown, make: () => DataLoader<string, V>) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (key, make) => {
    const id = JSON.stringify(key);
    let loader = loaders.get(id);
    if (!loader) loaders.set(id, (loader = make()));
    return loader;
  };
}
