/**
 * Seeding adds the article facts that are missing and touches nothing else:
 * running it twice changes nothing, and it never overwrites an edit made
 * through the API.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";

/** The seed articles, by the file names in shared/seeds. */
export const SEED_FILES = {
  ammcEngineeringSchool: "000_e338ef00ab197b35.txt",
  ammcScienceIndustry: "001_31ee88d75e0a73f3.txt",
  stupinoAgreement: "002_284e99fecb209429.txt",
  academyMemorandum: "003_d4b2015dd18e71f4.txt",
  misisWuhanAgreement: "004_7d65f7e7a199bf1a.txt",
} as const;

export async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().returning("id").execute();
  return result.raw.length as number;
}
