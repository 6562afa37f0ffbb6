/**
 * Which ProgramFilters the summaries (migration ProgramSummaries) can answer,
 * and the SQL conditions on their cells that stand for such a filter.
 *
 * Served: kinds, statuses, signedFrom/signedTo, partyCountryCodes (up to
 * three countries: the summaries keep subsets of up to three of a program's
 * countries) and, for counts, expiringWithinDays. Everything else (text,
 * partyId, partyType, directions, fieldCodes, activeOn, more countries) is
 * answered by the statement over the programs table, as before the summaries.
 */
import type { ProgramFilter } from "../resolvers/filters";

/** The largest country subset the summaries keep (summary_subsets in the migration). */
export const LARGEST_COUNTRY_SUBSET = 3;

/** A filter the summaries can answer, its lists sorted and without repeats. */
export interface SummaryFilter {
  kinds: string[] | null;
  statuses: string[] | null;
  /** Inclusive signing range; null when the filter names neither end. */
  signed: { from: string; to: string } | null;
  countries: string[] | null;
  expiringWithinDays: number | null;
}

const EARLIEST = "0001-01-01";
const LATEST = "9999-12-31";

const listOf = (values: readonly string[] | null | undefined) => (values?.length ? [...new Set(values)].sort() : null);

/**
 * The filter as the summaries take it, or null when they cannot answer it.
 * Conditions are read exactly as applyProgramFilter (./program-filter.ts) reads them: an empty list is no condition.
 */
export function summaryFilterOf(filter: ProgramFilter | null, largestCountryList = LARGEST_COUNTRY_SUBSET): SummaryFilter | null {
  if (!filter) return { kinds: null, statuses: null, signed: null, countries: null, expiringWithinDays: null };
  if (filter.text || filter.partyId || filter.partyType || filter.directions?.length || filter.fieldCodes?.length || filter.activeOn) return null;
  const countries = listOf(filter.partyCountryCodes);
  if (countries && countries.length > largestCountryList) return null;
  return {
    kinds: listOf(filter.kinds),
    statuses: listOf(filter.statuses),
    signed: filter.signedFrom || filter.signedTo ? { from: filter.signedFrom || EARLIEST, to: filter.signedTo || LATEST } : null,
    countries,
    expiringWithinDays: filter.expiringWithinDays ?? null,
  };
}

/** Positional parameters of one statement. */
export class SqlParameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** A run of signing periods at one level of program_cube: years (1 January), months (the 1st) or days. */
export interface PeriodRun {
  level: "Y" | "M" | "D";
  from: string;
  to: string;
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const text = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: string, days: number) => text(new Date(day(date).getTime() + days * 86_400_000));
const yearOf = (date: string) => Number(date.slice(0, 4));
const pad = (year: number) => String(year).padStart(4, "0");
/** First of the month `months` after the month of `date`. */
function monthStart(date: string, months = 0): string {
  const d = day(date);
  return text(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

function dayRuns(from: string, to: string): PeriodRun[] {
  return from <= to ? [{ level: "D", from, to }] : [];
}

function monthRuns(from: string, to: string): PeriodRun[] {
  if (from > to) return [];
  const first = from === monthStart(from) ? from : monthStart(from, 1);
  const afterLast = monthStart(plusDays(to, 1)) === plusDays(to, 1) ? plusDays(to, 1) : monthStart(to);
  if (first >= afterLast) return dayRuns(from, to);
  return [...dayRuns(from, plusDays(first, -1)), { level: "M", from: first, to: monthStart(afterLast, -1) }, ...dayRuns(afterLast, to)];
}

/**
 * The inclusive range [from, to] as whole years, whole months and days
 * (at most two partial months of them): what a request reads stays small
 * whatever the range.
 */
export function periodRuns(from: string, to: string): PeriodRun[] {
  if (from > to) return [];
  const firstYear = from.endsWith("-01-01") ? yearOf(from) : yearOf(from) + 1;
  const lastYear = to.endsWith("-12-31") ? yearOf(to) : yearOf(to) - 1;
  if (firstYear > lastYear) return monthRuns(from, to);
  return [
    ...monthRuns(from, plusDays(`${pad(firstYear)}-01-01`, -1)),
    { level: "Y", from: `${pad(firstYear)}-01-01`, to: `${pad(lastYear)}-01-01` },
    ...(lastYear < 9999 ? monthRuns(`${pad(lastYear + 1)}-01-01`, to) : []),
  ];
}

/** Conditions on a cube's kind and status columns. */
export function kindAndStatus(filter: SummaryFilter, parameters: SqlParameters, alias: string): string[] {
  const conditions: string[] = [];
  if (filter.kinds) conditions.push(`${alias}.kind = ANY(${parameters.add(filter.kinds, "::text[]")})`);
  if (filter.statuses) conditions.push(`${alias}.status = ANY(${parameters.add(filter.statuses, "::text[]")})`);
  return conditions;
}

/** The condition on a cube's (level, period) cells that counts every matching program once. */
export function periodCells(filter: SummaryFilter, parameters: SqlParameters, alias: string): string {
  if (!filter.signed) return `${alias}.level IN ('Y', 'U')`;
  const runs = periodRuns(filter.signed.from, filter.signed.to);
  if (!runs.length) return "false";
  return `(${runs
    .map((run) => `(${alias}.level = '${run.level}' AND ${alias}.period BETWEEN ${parameters.add(run.from, "::date")} AND ${parameters.add(run.to, "::date")})`)
    .join(" OR ")})`;
}

/**
 * The relation of a cube's cells for the filter: the cube, and when a
 * signing range has partial months, the day cells its view makes from the
 * facts (program_day_cells, program_key_day_cells), columns in the cube's order.
 */
export function cellsOf(filter: SummaryFilter, cube: "program_cube" | "program_key_cube"): string {
  const days = filter.signed && periodRuns(filter.signed.from, filter.signed.to).some((run) => run.level === "D");
  if (!days) return cube;
  const columns =
    cube === "program_cube"
      ? "level, period, kind, status, countries, programs, with_parties, activities, planned, actual"
      : "grouped_by, key, level, period, kind, status, programs, activities, planned, actual";
  const view = cube === "program_cube" ? "program_day_cells" : "program_key_day_cells";
  return `(SELECT ${columns} FROM ${cube} UNION ALL SELECT ${columns} FROM ${view})`;
}

/** Every nonempty subset of a sorted list (it has at most LARGEST_COUNTRY_SUBSET elements). */
export function subsetsOf(items: string[]): string[][] {
  const subsets: string[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) subsets.push(items.filter((_, i) => mask & (1 << i)));
  return subsets;
}

/**
 * The cells of a cube with a `countries` subset column that stand for the
 * country condition, and the weight of each: without countries the empty
 * subset (every program once); with countries S, inclusion-exclusion, each
 * nonempty subset T of S weighted (-1)^(|T|+1), so that a program with a
 * party in several of S still counts once.
 */
export function countryCells(filter: SummaryFilter, parameters: SqlParameters, alias: string): { condition: string; weight: string } {
  if (!filter.countries) return { condition: `${alias}.countries = '{}'`, weight: "1" };
  const subsets = subsetsOf(filter.countries).map((subset) => `${alias}.countries = ${parameters.add(subset, "::text[]")}`);
  return { condition: `(${subsets.join(" OR ")})`, weight: `(CASE WHEN cardinality(${alias}.countries) % 2 = 1 THEN 1 ELSE -1 END)` };
}
