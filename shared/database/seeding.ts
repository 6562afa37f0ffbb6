/**
 * Seeding adds the article facts that are missing and touches nothing else:
 * running it twice changes nothing, and it never overwrites an edit made
 * through the API.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";

export async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().returning("id").execute();
  return result.raw.length as number;
}
