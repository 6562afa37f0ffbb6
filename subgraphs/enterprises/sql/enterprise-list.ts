/** The enterprises list: the enterprises matching a filter, in the order the list shows them. */
import type { DataSource } from "typeorm";
import { matchesNames } from "../../../shared/database/text-search";
import type { KeysetColumn } from "../../../shared/graphql/pagination";
import { Enterprise } from "../entities/enterprise";
import type { EnterpriseFilter } from "../resolvers/filters";

/** By name; id breaks ties. */
export const ENTERPRISE_ORDER: KeysetColumn<Enterprise>[] = [
  { expression: "enterprise.name", value: (e) => e.name, direction: "ASC" },
  { expression: "enterprise.id", value: (e) => e.id, direction: "ASC" },
];

/** The enterprises matching a filter checked by checkEnterpriseFilter (../fields.ts), or all of them. */
export function enterpriseList(dataSource: DataSource, filter: EnterpriseFilter | null) {
  const query = dataSource.getRepository(Enterprise).createQueryBuilder("enterprise");
  if (filter?.text) matchesNames(query, "enterprise", "enterprise_name", "enterprise_id", filter.text);
  if (filter?.status) query.andWhere("enterprise.status = :status", { status: filter.status });
  if (filter?.countryCode) query.andWhere("enterprise.countryCode = :countryCode", { countryCode: filter.countryCode.toUpperCase() });
  if (filter?.industryCode) query.andWhere(":industryCode = ANY(enterprise.industryCodes)", { industryCode: filter.industryCode });
  return query;
}
