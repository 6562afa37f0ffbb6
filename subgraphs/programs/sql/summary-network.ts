/**
 * cooperationNetwork from the summaries: the edges and nodes of every
 * program are kept per (pair or institution, kind, status, signing date,
 * the program's countries), so a request sums the cells of the matching
 * programs instead of joining programs with their parties and pairing them.
 *
 * Its edge count and degrees are over the whole matching network, so it
 * reads one row per edge cell of that network: less than the join, but a
 * network twice as large costs twice as much.
 */
import type { DataSource } from "typeorm";
import { CooperationNetwork } from "../types/cooperation-network";
import { EDGE_COUNT_EDGES_AND_NODES, KINDS_OF_KEPT, networkFrom, pairsKeptAndDegrees, type EdgeRow, type NodeRow } from "./cooperation-network";
import { SqlParameters, cellsOf, countryCells, kindAndStatus, periodCells, type SummaryFilter } from "./summary-filter";

/** Conditions on network_edge_cube or network_node_cube (countries there is the program's whole set, so `&&` is exact). */
function networkCells(filter: SummaryFilter, parameters: SqlParameters, alias: string): string {
  const conditions = kindAndStatus(filter, parameters, alias);
  if (filter.signed) conditions.push(`${alias}.signed_on BETWEEN ${parameters.add(filter.signed.from, "::date")} AND ${parameters.add(filter.signed.to, "::date")}`);
  if (filter.countries) conditions.push(`${alias}.countries && ${parameters.add(filter.countries, "::text[]")}`);
  return conditions.length ? conditions.join(" AND ") : "true";
}

/** The same answer as cooperationNetworkByScan (./cooperation-network.ts) for the same data. */
export async function cooperationNetworkFromSummaries(dataSource: DataSource, filter: SummaryFilter, maxEdges: number): Promise<CooperationNetwork> {
  const parameters = new SqlParameters();
  const edgeCells = networkCells(filter, parameters, "e");
  const nodeCells = networkCells(filter, parameters, "n");
  const countries = countryCells(filter, parameters, "c");
  const programCells = [periodCells(filter, parameters, "c"), ...kindAndStatus(filter, parameters, "c"), countries.condition].join(" AND ");
  const limit = parameters.add(maxEdges, "::int");
  const [answer]: { program_count: number; edge_count: number; edges: EdgeRow[] | null; nodes: NodeRow[] | null }[] = await dataSource.query(
    `WITH by_kind AS MATERIALIZED (
            SELECT e.source, e.source_type, e.target, e.target_type, e.kind, sum(e.programs)::int AS programs,
                   COALESCE(sum(e.programs) FILTER (WHERE e.status = 'ACTIVE'), 0)::int AS active,
                   min(NULLIF(e.signed_on, 'infinity')) AS first_signed_on, max(NULLIF(e.signed_on, 'infinity')) AS latest_signed_on
              FROM network_edge_cube e WHERE ${edgeCells}
             GROUP BY 1, 2, 3, 4, 5),
          ${pairsKeptAndDegrees(limit)},
          node_programs AS (SELECT n.institution_id AS id, sum(n.programs)::int AS programs FROM network_node_cube n
                             WHERE n.institution_id IN (SELECT id FROM kept_nodes) AND ${nodeCells} GROUP BY 1),
          ${KINDS_OF_KEPT}
     SELECT (SELECT COALESCE(sum(${countries.weight} * c.with_parties), 0)::int FROM ${cellsOf(filter, "program_cube")} c WHERE ${programCells}) AS program_count,
            ${EDGE_COUNT_EDGES_AND_NODES}`,
    parameters.values,
  );
  return networkFrom(answer);
}
