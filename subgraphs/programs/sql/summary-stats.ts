/**
 * programStats from the summaries: the cells of the matching periods, kinds,
 * statuses and country subsets, summed per key. What it reads grows with the
 * number of keys and periods, not with the programs.
 */
import type { DataSource } from "typeorm";
import { ProgramStatsBucket, ProgramStatsGrouping } from "../types/program-stats";
import { LARGEST_COUNTRY_SUBSET, SqlParameters, cellsOf, countryCells, kindAndStatus, periodCells, type SummaryFilter } from "./summary-filter";

/** Groupings whose key is a column of program_cube; the others are rows of program_key_cube. */
const CUBE_KEYS: Partial<Record<ProgramStatsGrouping, string>> = {
  KIND: "c.kind",
  STATUS: "c.status",
  YEAR_SIGNED: "CASE WHEN c.level = 'U' THEN NULL ELSE to_char(c.period, 'YYYY') END",
};

/** Whether the summaries can group a servable filter this way (see summaryFilterOf). */
export function summariesCanGroup(filter: SummaryFilter, groupBy: ProgramStatsGrouping): boolean {
  // Only the counts' summary keeps end dates.
  if (filter.expiringWithinDays != null) return false;
  if (groupBy === ProgramStatsGrouping.COUNTRY) return !filter.countries || filter.countries.length < LARGEST_COUNTRY_SUBSET;
  if (CUBE_KEYS[groupBy]) return true;
  // program_key_cube keeps no countries.
  return !filter.countries;
}

/** Rows of (key, status, weight, cell figures) that sum to the answer. */
function weightedCells(filter: SummaryFilter, groupBy: ProgramStatsGrouping, parameters: SqlParameters): string {
  const cellConditions = [periodCells(filter, parameters, "c"), ...kindAndStatus(filter, parameters, "c")];
  const cubeKey = CUBE_KEYS[groupBy];
  if (cubeKey) {
    const countries = countryCells(filter, parameters, "c");
    return `SELECT ${cubeKey} AS key, c.status, ${countries.weight} AS w, c.programs, c.activities, c.planned, c.actual
              FROM ${cellsOf(filter, "program_cube")} c WHERE ${[...cellConditions, countries.condition].join(" AND ")}`;
  }
  if (groupBy !== ProgramStatsGrouping.COUNTRY) {
    return `SELECT NULLIF(c.key, '') AS key, c.status, 1 AS w, c.programs, c.activities, c.planned, c.actual
              FROM ${cellsOf(filter, "program_key_cube")} c WHERE ${[`c.grouped_by = ${parameters.add(groupBy)}`, ...cellConditions].join(" AND ")}`;
  }
  if (!filter.countries) {
    // A program counts once under each of its countries ('' for a party without one, or no party): the one-country subsets.
    return `SELECT NULLIF(c.countries[1], '') AS key, c.status, 1 AS w, c.programs, c.activities, c.planned, c.actual
              FROM ${cellsOf(filter, "program_cube")} c WHERE ${[...cellConditions, "cardinality(c.countries) = 1"].join(" AND ")}`;
  }
  // Programs with a party in key country k and one in S: the sum over nonempty T ⊆ S of (-1)^(|T|+1) N(T ∪ {k}),
  // N(U) being the programs of cell subset U. A cell U stands for T = U - {k} (when nonempty and in S) and for T = U (when in S).
  const s = parameters.add(filter.countries, "::text[]");
  return `SELECT NULLIF(k.key, '') AS key, c.status,
                 (CASE WHEN cardinality(c.countries) > 1 AND array_remove(c.countries, k.key) <@ ${s} THEN (CASE WHEN cardinality(c.countries) % 2 = 0 THEN 1 ELSE -1 END) ELSE 0 END)
               + (CASE WHEN c.countries <@ ${s} THEN (CASE WHEN cardinality(c.countries) % 2 = 1 THEN 1 ELSE -1 END) ELSE 0 END) AS w,
                 c.programs, c.activities, c.planned, c.actual
            FROM ${cellsOf(filter, "program_cube")} c, unnest(c.countries) AS k(key)
           WHERE ${[...cellConditions, `c.countries && ${s}`, `cardinality(c.countries) <= ${filter.countries.length + 1}`].join(" AND ")}`;
}

/** The buckets, as programStatsByScan (./program-stats.ts) gives them for the same data: same keys, figures and order. */
export async function programStatsFromSummaries(dataSource: DataSource, filter: SummaryFilter, groupBy: ProgramStatsGrouping, withActivities: boolean): Promise<ProgramStatsBucket[]> {
  const parameters = new SqlParameters();
  const cells = weightedCells(filter, groupBy, parameters);
  const figure = (column: string) => (withActivities ? `sum(w * ${column})::int` : "0");
  const rows: ProgramStatsBucket[] = await dataSource.query(
    `SELECT key, "programCount", "activeProgramCount", "activityCount", "plannedParticipants", "actualParticipants"
       FROM (SELECT key, sum(w * programs)::int AS "programCount", COALESCE(sum(w * programs) FILTER (WHERE status = 'ACTIVE'), 0)::int AS "activeProgramCount",
                    ${figure("activities")} AS "activityCount", ${figure("planned")} AS "plannedParticipants", ${figure("actual")} AS "actualParticipants"
               FROM (${cells}) cells GROUP BY key) buckets
      WHERE "programCount" > 0
      ORDER BY "programCount" DESC, key NULLS LAST`,
    parameters.values,
  );
  return rows.map((row) => Object.assign(new ProgramStatsBucket(), row));
}
