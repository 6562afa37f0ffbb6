/** Statistics of the programs matching a filter, grouped one way: one statement. */
import type { DataSource } from "typeorm";
import type { ProgramFilter } from "../resolvers/filters";
import { ProgramStatsBucket, type ProgramStatsGrouping } from "../types/program-stats";
import { filteredProgramIds } from "./program-filter";
import { summaryFilterOf } from "./summary-filter";
import { programStatsFromSummaries, summariesCanGroup } from "./summary-stats";

/**
 * Each grouping's key per program, one row per (program, key): counting rows
 * then counts programs. Keys from another table are made distinct after the
 * join, so only the matching programs' rows are deduplicated, not the table.
 */
const GROUPINGS: Record<ProgramStatsGrouping, { key: string; from: string; distinct?: boolean }> = {
  KIND: { key: "p.kind", from: "program p" },
  STATUS: { key: "p.status", from: "program p" },
  YEAR_SIGNED: { key: "to_char(p.signed_on, 'YYYY')", from: "program p" },
  DIRECTION: { key: "g.direction", from: "program p LEFT JOIN program_direction g ON g.program_id = p.id", distinct: true },
  COUNTRY: { key: "g.institution_country_code", from: "program p LEFT JOIN program_party g ON g.program_id = p.id", distinct: true },
  FIELD: { key: "g.code", from: "program p LEFT JOIN LATERAL unnest(p.field_codes) AS g(code) ON true" },
  PARTY_TYPE: { key: "g.institution_type", from: "program p LEFT JOIN program_party g ON g.program_id = p.id", distinct: true },
};

/**
 * The buckets of the programs matching a checked filter, most programs first; activity figures are 0 unless `withActivities`.
 * From the summaries when they can answer the filter (./summary-filter.ts says which), else from the programs table.
 */
export function programStats(dataSource: DataSource, filter: ProgramFilter | null, groupBy: ProgramStatsGrouping, withActivities: boolean): Promise<ProgramStatsBucket[]> {
  const summary = summaryFilterOf(filter);
  if (summary && summariesCanGroup(summary, groupBy)) return programStatsFromSummaries(dataSource, summary, groupBy, withActivities);
  return programStatsByScan(dataSource, filter, groupBy, withActivities);
}

/** The same from the programs table: the statement for the filters the summaries cannot answer, and the reference they are checked against. */
export async function programStatsByScan(dataSource: DataSource, filter: ProgramFilter | null, groupBy: ProgramStatsGrouping, withActivities: boolean): Promise<ProgramStatsBucket[]> {
  const [programIds, parameters] = filteredProgramIds(dataSource, filter);
  const grouping = GROUPINGS[groupBy];
  // Without a filter every program counts: no semi-join with the whole table.
  const where = filter ? "WHERE p.id IN (SELECT id FROM filtered)" : "";
  // Activities, when asked for, are summed by key through the (program, key) rows, not per program first: half the work at 100,000 programs.
  const activities = withActivities
    ? `, activities AS (SELECT k.key, count(*)::int AS activities, COALESCE(sum(a.planned_participants), 0)::int AS planned,
                              COALESCE(sum(a.actual_participants), 0)::int AS actual
                         FROM activity a JOIN keyed k ON k.id = a.program_id GROUP BY k.key)`
    : "";
  const activityFigures = withActivities
    ? `COALESCE(a.activities, 0) AS "activityCount", COALESCE(a.planned, 0) AS "plannedParticipants", COALESCE(a.actual, 0) AS "actualParticipants"`
    : `0 AS "activityCount", 0 AS "plannedParticipants", 0 AS "actualParticipants"`;
  const rows: ProgramStatsBucket[] = await dataSource.query(
    `WITH filtered AS (${programIds}),
          keyed AS MATERIALIZED (SELECT ${grouping.distinct ? "DISTINCT" : ""} p.id, p.status, ${grouping.key} AS key FROM ${grouping.from} ${where}),
          programs AS (SELECT key, count(*)::int AS programs, count(*) FILTER (WHERE status = 'ACTIVE')::int AS active FROM keyed GROUP BY key)
          ${activities}
     SELECT g.key, g.programs AS "programCount", g.active AS "activeProgramCount", ${activityFigures}
       FROM programs g ${withActivities ? "LEFT JOIN activities a ON a.key IS NOT DISTINCT FROM g.key" : ""}
      ORDER BY "programCount" DESC, g.key NULLS LAST`,
    parameters,
  );
  return rows.map((row) => Object.assign(new ProgramStatsBucket(), row));
}
