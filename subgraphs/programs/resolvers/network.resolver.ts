import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../shared/errors";
import type { InstitutionType, ProgramKind } from "../entities/enums";
import { institutionReference } from "../entities/institution";
import { CooperationNetwork, NetworkEdge, NetworkNode, ProgramStatsBucket, ProgramStatsGrouping } from "../entities/network";
import { Program } from "../entities/program";
import type { ProgramsContext } from "../loaders";
import { ProgramFilter, applyProgramFilter } from "./filters";

const MAX_EDGES = 10_000;

/** SQL (and its parameters) selecting the ids of the programs matching `filter`. */
function filteredProgramIds(context: ProgramsContext, filter: ProgramFilter | null): [string, unknown[]] {
  const query = context.dataSource.getRepository(Program).createQueryBuilder("program").select("program.id", "id");
  applyProgramFilter(query, filter);
  return query.getQueryAndParameters();
}

/** The expression each grouping buckets by, and the join it needs (aliases start with g_, unlike the query's own). */
const GROUPINGS: Record<ProgramStatsGrouping, { key: string; join?: string }> = {
  KIND: { key: "p.kind" },
  STATUS: { key: "p.status" },
  YEAR_SIGNED: { key: "to_char(p.signed_on, 'YYYY')" },
  DIRECTION: { key: "g_direction.direction", join: "LEFT JOIN program_direction g_direction ON g_direction.program_id = p.id" },
  COUNTRY: {
    key: "g_country.country",
    join: "LEFT JOIN (SELECT DISTINCT program_id, institution_country_code AS country FROM program_party) g_country ON g_country.program_id = p.id",
  },
  FIELD: { key: "g_field.code", join: "LEFT JOIN LATERAL unnest(p.field_codes) AS g_field(code) ON true" },
  PARTY_TYPE: {
    key: "g_type.type",
    join: "LEFT JOIN (SELECT DISTINCT program_id, institution_type AS type FROM program_party) g_type ON g_type.program_id = p.id",
  },
};

@Resolver()
export class NetworkResolver {
  @Query(() => CooperationNetwork, { description: "Who cooperates with whom among the programs matching `filter`: institutions and the programs they share, for a network chart. Two statements, whatever the size." })
  async cooperationNetwork(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs make up the network." }) filter: ProgramFilter | null,
    @Arg("maxEdges", () => Int, { nullable: true, defaultValue: 1000, description: `At most this many edges, heaviest first (1 to ${MAX_EDGES}).` }) maxEdges: number,
    @Ctx() context: ProgramsContext,
  ): Promise<CooperationNetwork> {
    if (!Number.isInteger(maxEdges) || maxEdges < 1 || maxEdges > MAX_EDGES) {
      throw badUserInput(`maxEdges must be a whole number from 1 to ${MAX_EDGES}, got ${maxEdges}`, "maxEdges");
    }
    const [programIds, parameters] = filteredProgramIds(context, filter);
    const parties = `parties AS (
        SELECT DISTINCT pp.program_id, pp.institution_id, pp.institution_type
          FROM program_party pp JOIN filtered f ON f.id = pp.program_id)`;
    const pairs: {
      source: string; source_type: InstitutionType; target: string; target_type: InstitutionType;
      kind: ProgramKind; programs: number; active: number; first_signed_on: string | null; latest_signed_on: string | null;
    }[] = await context.dataSource.query(
      `WITH filtered AS (${programIds}), ${parties}
       SELECT a.institution_id AS source, a.institution_type AS source_type, b.institution_id AS target, b.institution_type AS target_type,
              p.kind, count(*)::int AS programs, count(*) FILTER (WHERE p.status = 'ACTIVE')::int AS active,
              min(p.signed_on) AS first_signed_on, max(p.signed_on) AS latest_signed_on
         FROM parties a
         JOIN parties b ON b.program_id = a.program_id AND a.institution_id < b.institution_id
         JOIN program p ON p.id = a.program_id
        GROUP BY 1, 2, 3, 4, 5`,
      parameters,
    );
    const [{ program_count }]: { program_count: number }[] = await context.dataSource.query(
      `WITH filtered AS (${programIds}) SELECT count(*)::int AS program_count FROM filtered`,
      parameters,
    );

    const edges = new Map<string, NetworkEdge>();
    for (const row of pairs) {
      const key = `${row.source}:${row.target}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = Object.assign(new NetworkEdge(), {
          sourceId: row.source,
          targetId: row.target,
          source: institutionReference(row.source_type, row.source),
          target: institutionReference(row.target_type, row.target),
          weight: 0,
          activeCount: 0,
          byKind: [],
          firstSignedOn: null,
          latestSignedOn: null,
        });
        edges.set(key, edge);
      }
      edge.weight += row.programs;
      edge.activeCount += row.active;
      edge.byKind.push({ kind: row.kind, count: row.programs });
      if (row.first_signed_on && (!edge.firstSignedOn || row.first_signed_on < edge.firstSignedOn)) edge.firstSignedOn = row.first_signed_on;
      if (row.latest_signed_on && (!edge.latestSignedOn || row.latest_signed_on > edge.latestSignedOn)) edge.latestSignedOn = row.latest_signed_on;
    }
    const allEdges = [...edges.values()].sort(
      (a, b) => b.weight - a.weight || a.sourceId.localeCompare(b.sourceId) || a.targetId.localeCompare(b.targetId),
    );
    const kept = allEdges.slice(0, maxEdges);
    for (const edge of kept) edge.byKind.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));

    // Nodes for the edges kept; degrees over the whole network.
    const types = new Map<string, InstitutionType>();
    const degree = new Map<string, number>();
    for (const row of pairs) {
      types.set(row.source, row.source_type);
      types.set(row.target, row.target_type);
    }
    for (const edge of allEdges) {
      degree.set(edge.sourceId, (degree.get(edge.sourceId) ?? 0) + 1);
      degree.set(edge.targetId, (degree.get(edge.targetId) ?? 0) + 1);
    }
    const nodes = new Map<string, NetworkNode>();
    for (const id of kept.flatMap((edge) => [edge.sourceId, edge.targetId])) {
      if (nodes.has(id)) continue;
      const type = types.get(id)!;
      nodes.set(id, Object.assign(new NetworkNode(), { id, institution: institutionReference(type, id), institutionType: type, programCount: 0, partnerCount: 0 }));
    }
    const programCounts = await this.programCountsOf(context, programIds, parameters, [...nodes.keys()]);
    for (const n of nodes.values()) {
      n.programCount = programCounts.get(n.id) ?? 0;
      n.partnerCount = degree.get(n.id) ?? 0;
    }
    return Object.assign(new CooperationNetwork(), {
      nodes: [...nodes.values()].sort((a, b) => b.programCount - a.programCount || a.id.localeCompare(b.id)),
      edges: kept,
      programCount: program_count,
      edgeCount: allEdges.length,
    });
  }

  /** How many of the filtered programs each institution is a party to (one statement). */
  private async programCountsOf(context: ProgramsContext, programIds: string, parameters: unknown[], institutionIds: string[]): Promise<Map<string, number>> {
    if (institutionIds.length === 0) return new Map();
    const rows: { institution_id: string; programs: number }[] = await context.dataSource.query(
      `WITH filtered AS (${programIds})
       SELECT pp.institution_id, count(DISTINCT pp.program_id)::int AS programs
         FROM program_party pp JOIN filtered f ON f.id = pp.program_id
        WHERE pp.institution_id = ANY($${parameters.length + 1})
        GROUP BY 1`,
      [...parameters, institutionIds],
    );
    return new Map(rows.map((r) => [r.institution_id, r.programs]));
  }

  @Query(() => [ProgramStatsBucket], { description: "Counts and sums over the programs matching `filter`, grouped: how many programs of each kind, per year signed, per country... One statement." })
  async programStats(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs to count." }) filter: ProgramFilter | null,
    @Arg("groupBy", () => ProgramStatsGrouping, { description: "What to group them by." }) groupBy: ProgramStatsGrouping,
    @Ctx() context: ProgramsContext,
  ): Promise<ProgramStatsBucket[]> {
    const [programIds, parameters] = filteredProgramIds(context, filter);
    const grouping = GROUPINGS[groupBy];
    const rows: ProgramStatsBucket[] = await context.dataSource.query(
      `WITH filtered AS (${programIds}),
            activity_totals AS (
              SELECT a.program_id, count(*)::int AS activities,
                     COALESCE(sum(a.planned_participants), 0)::int AS planned, COALESCE(sum(a.actual_participants), 0)::int AS actual
                FROM activity a JOIN filtered f ON f.id = a.program_id GROUP BY a.program_id)
       SELECT ${grouping.key} AS key,
              count(DISTINCT p.id)::int AS "programCount",
              count(DISTINCT p.id) FILTER (WHERE p.status = 'ACTIVE')::int AS "activeProgramCount",
              COALESCE(sum(t.activities), 0)::int AS "activityCount",
              COALESCE(sum(t.planned), 0)::int AS "plannedParticipants",
              COALESCE(sum(t.actual), 0)::int AS "actualParticipants"
         FROM program p
         JOIN filtered f ON f.id = p.id
         LEFT JOIN activity_totals t ON t.program_id = p.id
         ${grouping.join ?? ""}
        GROUP BY 1
        ORDER BY "programCount" DESC, key NULLS LAST`,
      parameters,
    );
    return rows.map((row) => Object.assign(new ProgramStatsBucket(), row));
  }
}
