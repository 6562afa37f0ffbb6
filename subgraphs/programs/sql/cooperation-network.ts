/** The cooperation network of the programs matching a filter: one statement, whatever the size. */
import type { DataSource } from "typeorm";
import type { InstitutionType, ProgramKind } from "../entities/enums";
import type { ProgramFilter } from "../resolvers/filters";
import { CooperationNetwork, NetworkEdge, NetworkNode } from "../types/cooperation-network";
import { institutionReference } from "../types/institution";
import { filteredProgramIds } from "./program-filter";
import { summaryFilterOf } from "./summary-filter";
import { cooperationNetworkOfScope, networkScopeOf } from "./scope-network";
import { cooperationNetworkFromSummaries } from "./summary-network";

/** An edge as the statement returns it: the pair, its figures and its programs by kind. */
export interface EdgeRow {
  source: string;
  source_type: InstitutionType;
  target: string;
  target_type: InstitutionType;
  weight: number;
  active: number;
  first_signed_on: string | null;
  latest_signed_on: string | null;
  by_kind: { kind: ProgramKind; count: number }[];
}

/** A node as the statement returns it: an institution of a kept edge, with its figures over the whole network. */
export interface NodeRow {
  id: string;
  type: InstitutionType;
  programs: number;
  partners: number;
}

export function edgeFrom(row: EdgeRow): NetworkEdge {
  return Object.assign(new NetworkEdge(), {
    sourceId: row.source,
    targetId: row.target,
    source: institutionReference(row.source_type, row.source),
    target: institutionReference(row.target_type, row.target),
    weight: row.weight,
    activeCount: row.active,
    byKind: row.by_kind,
    firstSignedOn: row.first_signed_on,
    latestSignedOn: row.latest_signed_on,
  });
}

export function nodeFrom(row: NodeRow): NetworkNode {
  return Object.assign(new NetworkNode(), {
    id: row.id,
    institution: institutionReference(row.type, row.id),
    institutionType: row.type,
    programCount: row.programs,
    partnerCount: row.partners,
  });
}

/**
 * The network of the programs matching a checked filter, with its `maxEdges` heaviest edges and their institutions.
 * From the network per scope (./scope-network.ts) or the summaries when they can answer the filter (./summary-filter.ts says which), else from the programs table.
 */
export function cooperationNetwork(dataSource: DataSource, filter: ProgramFilter | null, maxEdges: number): Promise<CooperationNetwork> {
  const summary = summaryFilterOf(filter);
  // The network's summaries keep no end dates: expiringWithinDays is answered from the table.
  if (!summary || summary.expiringWithinDays != null) return cooperationNetworkByScan(dataSource, filter, maxEdges);
  // No filter, one country, one status or one kind: pre-aggregated, read as much as the answer.
  const scope = networkScopeOf(summary);
  return scope != null ? cooperationNetworkOfScope(dataSource, scope, maxEdges) : cooperationNetworkFromSummaries(dataSource, summary, maxEdges);
}

/**
 * The part of a network statement after `by_kind` (one row per pair and kind): the pairs, the
 * `limit` heaviest kept (heaviest first, then by ids), their institutions, and each one's number of
 * partners over the whole network. The scan and the summaries' statements share it, so they order
 * and count alike.
 */
export function pairsKeptAndDegrees(limit: string): string {
  return `pairs AS MATERIALIZED (
            SELECT source, source_type, target, target_type, sum(programs)::int AS weight, sum(active)::int AS active,
                   min(first_signed_on) AS first_signed_on, max(latest_signed_on) AS latest_signed_on
              FROM by_kind GROUP BY 1, 2, 3, 4),
          kept AS MATERIALIZED (SELECT * FROM pairs ORDER BY weight DESC, source, target LIMIT ${limit}),
          kept_nodes AS MATERIALIZED (SELECT source AS id, source_type AS type FROM kept UNION SELECT target, target_type FROM kept),
          degrees AS (SELECT id, count(*)::int AS partners FROM (SELECT source AS id FROM pairs UNION ALL SELECT target FROM pairs) ends
                       WHERE id IN (SELECT id FROM kept_nodes) GROUP BY id)`;
}

/** The kept edges' programs by kind, most first (after pairsKeptAndDegrees). */
export const KINDS_OF_KEPT = `kinds AS (SELECT k.source, k.target, json_agg(json_build_object('kind', k.kind, 'count', k.programs) ORDER BY k.programs DESC, k.kind::text COLLATE "C") AS by_kind
                      FROM by_kind k JOIN kept USING (source, target) GROUP BY 1, 2)`;

/** The answer's columns after program_count: the edge count, the kept edges and their nodes as JSON, in the answer's order. */
export const EDGE_COUNT_EDGES_AND_NODES = `(SELECT count(*)::int FROM pairs) AS edge_count,
            (SELECT json_agg(json_build_object('source', kept.source, 'source_type', kept.source_type, 'target', kept.target, 'target_type', kept.target_type,
                                               'weight', kept.weight, 'active', kept.active, 'first_signed_on', kept.first_signed_on,
                                               'latest_signed_on', kept.latest_signed_on, 'by_kind', kinds.by_kind)
                               ORDER BY kept.weight DESC, kept.source, kept.target)
               FROM kept JOIN kinds USING (source, target)) AS edges,
            (SELECT json_agg(json_build_object('id', n.id, 'type', n.type, 'programs', COALESCE(p.programs, 0), 'partners', COALESCE(d.partners, 0))
                               ORDER BY COALESCE(p.programs, 0) DESC, n.id)
               FROM kept_nodes n LEFT JOIN node_programs p USING (id) LEFT JOIN degrees d USING (id)) AS nodes`;

/** A network statement's one row, as the GraphQL answer. */
export function networkFrom(answer: { program_count: number; edge_count: number; edges: EdgeRow[] | null; nodes: NodeRow[] | null }): CooperationNetwork {
  return Object.assign(new CooperationNetwork(), {
    nodes: (answer.nodes ?? []).map(nodeFrom),
    edges: (answer.edges ?? []).map(edgeFrom),
    programCount: answer.program_count,
    edgeCount: answer.edge_count,
  });
}

/** The same from the programs table: the statement for the filters the summaries cannot answer, and the reference they are checked against. */
export async function cooperationNetworkByScan(dataSource: DataSource, filter: ProgramFilter | null, maxEdges: number): Promise<CooperationNetwork> {
  const [programIds, parameters] = filteredProgramIds(dataSource, filter, ["kind", "status", "signed_on"]);
  const limit = `$${parameters.length + 1}`;
  // Each party of each matching program once; pairs of them, by kind, are the edges. Only the heaviest
  // `maxEdges` edges and their institutions leave the database (a network of 100,000 programs has tens
  // of thousands of pairs), while counts and degrees are over the whole network.
  const [answer]: { program_count: number; edge_count: number; edges: EdgeRow[] | null; nodes: NodeRow[] | null }[] = await dataSource.query(
    `WITH filtered AS (${programIds}),
          parties AS MATERIALIZED (SELECT DISTINCT pp.program_id, pp.institution_id, pp.institution_type, f.kind, f.status, f.signed_on
                                     FROM program_party pp JOIN filtered f ON f.id = pp.program_id),
          by_kind AS MATERIALIZED (
            SELECT a.institution_id AS source, a.institution_type AS source_type, b.institution_id AS target, b.institution_type AS target_type,
                   a.kind, count(*)::int AS programs, count(*) FILTER (WHERE a.status = 'ACTIVE')::int AS active,
                   min(a.signed_on) AS first_signed_on, max(a.signed_on) AS latest_signed_on
              FROM parties a JOIN parties b ON b.program_id = a.program_id AND a.institution_id < b.institution_id
             GROUP BY 1, 2, 3, 4, 5),
          ${pairsKeptAndDegrees(limit)},
          node_programs AS (SELECT institution_id AS id, count(DISTINCT program_id)::int AS programs FROM parties
                             WHERE institution_id IN (SELECT id FROM kept_nodes) GROUP BY 1),
          ${KINDS_OF_KEPT}
     SELECT (SELECT count(DISTINCT program_id)::int FROM parties) AS program_count,
            ${EDGE_COUNT_EDGES_AND_NODES}`,
    [...parameters, maxEdges],
  );
  return networkFrom(answer);
}
