/**
 * The number of programs matching a filter (a list's `totalCount`) from the
 * summaries: a sum over the cells of the matching periods, kinds, statuses
 * and country subsets; for `expiringWithinDays`, a count of the facts of the
 * ACTIVE programs ending in the window (by index: as many as it counts).
 */
import type { DataSource } from "typeorm";
import type { ProgramFilter } from "../resolvers/filters";
import { SqlParameters, cellsOf, countryCells, kindAndStatus, periodCells, summaryFilterOf, type SummaryFilter } from "./summary-filter";

function expiringCount(filter: SummaryFilter, days: number, parameters: SqlParameters): string {
  // The facts hold each program's whole country set, so `&&` is exact here; the end date is compared with today as the list does.
  const conditions = [`f.status = 'ACTIVE'`, `f.ends_on BETWEEN CURRENT_DATE AND CURRENT_DATE + ${parameters.add(days, "::int")}`, ...kindAndStatus(filter, parameters, "f")];
  if (filter.signed) conditions.push(`f.signed_on BETWEEN ${parameters.add(filter.signed.from, "::date")} AND ${parameters.add(filter.signed.to, "::date")}`);
  if (filter.countries) conditions.push(`f.countries && ${parameters.add(filter.countries, "::text[]")}`);
  return `SELECT count(*)::int AS count FROM program_summary_fact f WHERE ${conditions.join(" AND ")}`;
}

function matchingCount(filter: SummaryFilter, parameters: SqlParameters): string {
  const countries = countryCells(filter, parameters, "c");
  const conditions = [periodCells(filter, parameters, "c"), ...kindAndStatus(filter, parameters, "c"), countries.condition];
  return `SELECT COALESCE(sum(${countries.weight} * c.programs), 0)::int AS count FROM ${cellsOf(filter, "program_cube")} c WHERE ${conditions.join(" AND ")}`;
}

/** How many programs match a checked filter, or null when the summaries cannot say (then count the list's own query). */
export async function programCountFromSummaries(dataSource: DataSource, filter: ProgramFilter | null): Promise<number | null> {
  const summary = summaryFilterOf(filter);
  if (!summary) return null;
  const parameters = new SqlParameters();
  const statement = summary.expiringWithinDays == null ? matchingCount(summary, parameters) : expiringCount(summary, summary.expiringWithinDays, parameters);
  const [row]: { count: number }[] = await dataSource.query(statement, parameters.values);
  return row.count;
}
