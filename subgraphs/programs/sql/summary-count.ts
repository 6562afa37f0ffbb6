/**
 * The number of programs matching a filter (a list's `totalCount`) from the
 * summaries: a sum over the cells of the matching periods (or, for
 * `expiringWithinDays`, end dates), kinds, statuses and country subsets.
 */
import type { DataSource } from "typeorm";
import { ProgramStatus } from "../entities/enums";
import type { ProgramFilter } from "../resolvers/filters";
import { SqlParameters, countryCells, kindAndStatus, periodCells, summaryFilterOf, type SummaryFilter } from "./summary-filter";

function expiringCount(filter: SummaryFilter, days: number, parameters: SqlParameters): string | null {
  // program_expiry_cube holds ACTIVE programs by end date, with no signing dates: a signing range with it is answered from the table.
  if (filter.signed) return null;
  if (filter.statuses && !filter.statuses.includes(ProgramStatus.ACTIVE)) return "SELECT 0 AS count";
  const countries = countryCells(filter, parameters, "c");
  const conditions = [
    `c.ends_on BETWEEN CURRENT_DATE AND CURRENT_DATE + ${parameters.add(days, "::int")}`,
    ...kindAndStatus({ ...filter, statuses: null }, parameters, "c"),
    countries.condition,
  ];
  return `SELECT COALESCE(sum(${countries.weight} * c.programs), 0)::int AS count FROM program_expiry_cube c WHERE ${conditions.join(" AND ")}`;
}

function matchingCount(filter: SummaryFilter, parameters: SqlParameters): string {
  const countries = countryCells(filter, parameters, "c");
  const conditions = [periodCells(filter, parameters, "c"), ...kindAndStatus(filter, parameters, "c"), countries.condition];
  return `SELECT COALESCE(sum(${countries.weight} * c.programs), 0)::int AS count FROM program_cube c WHERE ${conditions.join(" AND ")}`;
}

/** How many programs match a checked filter, or null when the summaries cannot say (then count the list's own query). */
export async function programCountFromSummaries(dataSource: DataSource, filter: ProgramFilter | null): Promise<number | null> {
  const summary = summaryFilterOf(filter);
  if (!summary) return null;
  const parameters = new SqlParameters();
  const statement = summary.expiringWithinDays == null ? matchingCount(summary, parameters) : expiringCount(summary, summary.expiringWithinDays, parameters);
  if (!statement) return null;
  const [row]: { count: number }[] = await dataSource.query(statement, parameters.values);
  return row.count;
}
