/** The universities list: the universities matching a filter, in the order the list shows them. */
import type { DataSource } from "typeorm";
import { matchesNames } from "../../../shared/database/text-search";
import type { KeysetColumn } from "../../../shared/graphql/pagination";
import { University } from "../entities/university";
import type { UniversityFilter } from "../resolvers/filters";

/** By name; id breaks ties. */
export const UNIVERSITY_ORDER: KeysetColumn<University>[] = [
  { expression: "university.name", value: (u) => u.name, direction: "ASC" },
  { expression: "university.id", value: (u) => u.id, direction: "ASC" },
];

/** The universities matching a filter checked by checkUniversityFilter (../fields.ts), or all of them. */
export function universityList(dataSource: DataSource, filter: UniversityFilter | null) {
  const query = dataSource.getRepository(University).createQueryBuilder("university");
  if (filter?.text) matchesNames(query, "university", "university_name", "university_id", filter.text);
  if (filter?.kind) query.andWhere("university.kind = :kind", { kind: filter.kind });
  if (filter?.status) query.andWhere("university.status = :status", { status: filter.status });
  if (filter?.countryCode) query.andWhere("university.countryCode = :countryCode", { countryCode: filter.countryCode.toUpperCase() });
  if (filter?.fieldCode) query.andWhere(":fieldCode = ANY(university.fieldCodes)", { fieldCode: filter.fieldCode });
  if (filter?.parentId) query.andWhere("university.parentId = :parentId", { parentId: filter.parentId });
  return query;
}
