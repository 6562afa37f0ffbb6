/**
 * cooperationNetwork for the dashboard's common filters (none, one country,
 * one status, one kind) from the network pre-aggregated per scope
 * (migration NetworkScopes): the `maxEdges` heaviest pairs are a range of an
 * index in the answer's order, counts and degrees are single rows, so a
 * request costs its answer, not the size of its network.
 */
import type { DataSource } from "typeorm";
import { CooperationNetwork } from "../types/cooperation-network";
import { networkFrom, type EdgeRow, type NodeRow } from "./cooperation-network";
import type { SummaryFilter } from "./summary-filter";

/** The scope (network_scopes in the migration) that is exactly the filter, or null when no one scope is. */
export function networkScopeOf(filter: SummaryFilter): string | null {
  if (filter.signed || filter.expiringWithinDays != null) return null;
  const { kinds, statuses, countries } = filter;
  const named = [kinds, statuses, countries].filter((list) => list != null);
  if (named.length === 0) return "";
  if (named.length > 1 || named[0]!.length !== 1) return null;
  if (countries) return countries[0] === "" ? null : `country:${countries[0]}`;
  return statuses ? `status:${statuses[0]}` : `kind:${kinds![0]}`;
}

/** The statement ($1 the scope, $2 maxEdges): the kept pairs are a range of ix_network_scope_pair_order, the rest single rows by primary key. */
export const SCOPE_NETWORK_STATEMENT = `WITH kept AS MATERIALIZED (SELECT * FROM network_scope_pair WHERE scope = $1 ORDER BY weight DESC, source, target LIMIT $2),
          kept_nodes AS MATERIALIZED (SELECT source AS id, source_type AS type FROM kept UNION SELECT target, target_type FROM kept)
     SELECT COALESCE((SELECT programs FROM network_scope_total WHERE scope = $1), 0) AS program_count,
            COALESCE((SELECT edges FROM network_scope_total WHERE scope = $1), 0) AS edge_count,
            (SELECT json_agg(json_build_object('source', source, 'source_type', source_type, 'target', target, 'target_type', target_type,
                                               'weight', weight, 'active', active, 'first_signed_on', first_signed_on,
                                               'latest_signed_on', latest_signed_on, 'by_kind', by_kind)
                               ORDER BY weight DESC, source, target)
               FROM kept) AS edges,
            (SELECT json_agg(json_build_object('id', k.id, 'type', k.type, 'programs', COALESCE(n.programs, 0), 'partners', COALESCE(n.partners, 0))
                               ORDER BY COALESCE(n.programs, 0) DESC, k.id)
               FROM kept_nodes k LEFT JOIN network_scope_node n ON n.scope = $1 AND n.institution_id = k.id AND n.institution_type = k.type) AS nodes`;

/** The same answer as cooperationNetworkByScan (./cooperation-network.ts) for the filter that `scope` stands for. */
export async function cooperationNetworkOfScope(dataSource: DataSource, scope: string, maxEdges: number): Promise<CooperationNetwork> {
  const [answer]: { program_count: number; edge_count: number; edges: EdgeRow[] | null; nodes: NodeRow[] | null }[] = await dataSource.query(
    SCOPE_NETWORK_STATEMENT,
    [scope, maxEdges],
  );
  return networkFrom(answer);
}
