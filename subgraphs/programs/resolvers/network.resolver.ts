import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../shared/errors";
import { selectedFields } from "../../../shared/selection";
import type { InstitutionType, ProgramKind } from "../entities/enums";
import { institutionReference } from "../entities/institution";
import { CooperationNetwork, NetworkEdge, NetworkNode, ProgramStatsBucket, ProgramStatsGrouping } from "../entities/network";
import { Program } from "../entities/program";
import type { ProgramsContext } from "../loaders";
import { ProgramFilter, applyProgramFilter } from "./filters";

const MAX_EDGES = 10_000;

/** SQL (and its parameters) selecting the ids (and `columns`) of the programs matching `filter`. */
function filteredProgramIds(context: ProgramsContext, filter: ProgramFilter | null, columns: string[] = []): [string, unknown[]] {
  const query = context.dataSource.getRepository(Program).createQueryBuilder("program").select("program.id", "id");
  for (const column of columns) query.addSelect(`program.${column}`, column);
  applyProgramFilter(query, filter);
  return query.getQueryAndParameters();
}

/**
 * Each grouping's key per program, one row per (program, key): counting rows
 * then counts programs, without DISTINCT over the whole set.
 */
const GROUPINGS: Record<ProgramStatsGrouping, { key: string; from: string }> = {
  KIND: { key: "p.kind", from: "program p" },
  STATUS: { key: "p.status", from: "program p" },
  YEAR_SIGNED: { key: "to_char(p.signed_on, 'YYYY')", from: "program p" },
  DIRECTION: { key: "g.direction", from: "program p LEFT JOIN (SELECT DISTINCT program_id, direction FROM program_direction) g ON g.program_id = p.id" },
  COUNTRY: {
    key: "g.country",
    from: "program p LEFT JOIN (SELECT DISTINCT program_id, institution_country_code AS country FROM program_party) g ON g.program_id = p.id",
  },
  FIELD: { key: "g.code", from: "program p LEFT JOIN LATERAL unnest(p.field_codes) AS g(code) ON true" },
  PARTY_TYPE: {
    key: "g.type",
    from: "program p LEFT JOIN (SELECT DISTINCT program_id, institution_type AS type FROM program_party) g ON g.program_id = p.id",
  },
};

const ACTIVITY_FIELDS = ["activityCount", "plannedParticipants", "actualParticipants"];

interface PairRow {
  source: string;
  source_type: InstitutionType;
  target: string;
  target_type: InstitutionType;
  kind: ProgramKind;
  programs: number;
  active: number;
  first_signed_on: string | null;
  latest_signed_on: string | null;
}

/** One edge per pair of institutions, summing its rows by kind; heaviest first. */
function edgesFrom(pairs: PairRow[]): NetworkEdge[] {
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
  for (const edge of edges.values()) edge.byKind.sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return [...edges.values()].sort((a, b) => b.weight - a.weight || a.sourceId.localeCompare(b.sourceId) || a.targetId.localeCompare(b.targetId));
}

/** The institutions of the edges kept, with degrees over the whole network; most programs first. */
function nodesOf(allEdges: NetworkEdge[], kept: NetworkEdge[], pairs: PairRow[], programsPerInstitution: Record<string, number>): NetworkNode[] {
  const types = new Map<string, InstitutionType>();
  for (const row of pairs) {
    types.set(row.source, row.source_type);
    types.set(row.target, row.target_type);
  }
  const degree = new Map<string, number>();
  for (const edge of allEdges) {
    degree.set(edge.sourceId, (degree.get(edge.sourceId) ?? 0) + 1);
    degree.set(edge.targetId, (degree.get(edge.targetId) ?? 0) + 1);
  }
  const nodes = new Map<string, NetworkNode>();
  for (const id of kept.flatMap((edge) => [edge.sourceId, edge.targetId])) {
    if (nodes.has(id)) continue;
    const type = types.get(id)!;
    nodes.set(id, Object.assign(new NetworkNode(), {
      id,
      institution: institutionReference(type, id),
      institutionType: type,
      programCount: programsPerInstitution[id] ?? 0,
      partnerCount: degree.get(id) ?? 0,
    }));
  }
  return [...nodes.values()].sort((a, b) => b.programCount - a.programCount || a.id.localeCompare(b.id));
}

@Resolver()
export class NetworkResolver {
  @Query(() => CooperationNetwork, { description: "Who cooperates with whom among the programs matching `filter`: institutions and the programs they share, for a network chart. One statement, whatever the size." })
  async cooperationNetwork(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs make up the network." }) filter: ProgramFilter | null,
    @Arg("maxEdges", () => Int, { nullable: true, defaultValue: 1000, description: `At most this many edges, heaviest first (1 to ${MAX_EDGES}).` }) maxEdges: number,
    @Ctx() context: ProgramsContext,
  ): Promise<CooperationNetwork> {
    if (!Number.isInteger(maxEdges) || maxEdges < 1 || maxEdges > MAX_EDGES) {
      throw badUserInput(`maxEdges must be a whole number from 1 to ${MAX_EDGES}, got ${maxEdges}`, "maxEdges");
    }
    const [programIds, parameters] = filteredProgramIds(context, filter, ["kind", "status", "signed_on"]);
    // Each party of each matching program once, carrying what the edges count; pairs of them are the edges.
    const [answer]: { program_count: number; pairs: PairRow[] | null; programs_per_institution: Record<string, number> | null }[] =
      await context.dataSource.query(
        `WITH filtered AS (${programIds}),
              parties AS (SELECT DISTINCT pp.program_id, pp.institution_id, pp.institution_type, f.kind, f.status, f.signed_on
                            FROM program_party pp JOIN filtered f ON f.id = pp.program_id),
              pairs AS (SELECT a.institution_id AS source, a.institution_type AS source_type, b.institution_id AS target, b.institution_type AS target_type,
                               a.kind, count(*)::int AS programs, count(*) FILTER (WHERE a.status = 'ACTIVE')::int AS active,
                               min(a.signed_on) AS first_signed_on, max(a.signed_on) AS latest_signed_on
                          FROM parties a JOIN parties b ON b.program_id = a.program_id AND a.institution_id < b.institution_id
                         GROUP BY 1, 2, 3, 4, 5),
              per_institution AS (SELECT institution_id, count(DISTINCT program_id)::int AS programs FROM parties GROUP BY 1)
         SELECT (SELECT count(DISTINCT program_id)::int FROM parties) AS program_count,
                (SELECT json_agg(pairs) FROM pairs) AS pairs,
                (SELECT json_object_agg(institution_id, programs) FROM per_institution) AS programs_per_institution`,
        parameters,
      );
    const allEdges = edgesFrom(answer.pairs ?? []);
    const kept = allEdges.slice(0, maxEdges);
    return Object.assign(new CooperationNetwork(), {
      nodes: nodesOf(allEdges, kept, answer.pairs ?? [], answer.programs_per_institution ?? {}),
      edges: kept,
      programCount: answer.program_count,
      edgeCount: allEdges.length,
    });
  }

  @Query(() => [ProgramStatsBucket], { description: "Counts and sums over the programs matching `filter`, grouped: how many programs of each kind, per year signed, per country... One statement." })
  async programStats(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs to count." }) filter: ProgramFilter | null,
    @Arg("groupBy", () => ProgramStatsGrouping, { description: "What to group them by." }) groupBy: ProgramStatsGrouping,
    @Ctx() context: ProgramsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProgramStatsBucket[]> {
    const [programIds, parameters] = filteredProgramIds(context, filter);
    const grouping = GROUPINGS[groupBy];
    // Activities are summed only when a client asks for their figures: it is most of the cost.
    const withActivities = ACTIVITY_FIELDS.some((field) => selectedFields(info).has(field));
    const activitySums = withActivities
      ? `, COALESCE(sum(t.activities), 0)::int AS "activityCount", COALESCE(sum(t.planned), 0)::int AS "plannedParticipants", COALESCE(sum(t.actual), 0)::int AS "actualParticipants"`
      : `, 0 AS "activityCount", 0 AS "plannedParticipants", 0 AS "actualParticipants"`;
    const activityJoin = withActivities
      ? `LEFT JOIN (SELECT program_id, count(*) AS activities, sum(planned_participants) AS planned, sum(actual_participants) AS actual
                      FROM activity WHERE program_id IN (SELECT id FROM filtered) GROUP BY program_id) t ON t.program_id = k.id`
      : "";
    const rows: ProgramStatsBucket[] = await context.dataSource.query(
      `WITH filtered AS (${programIds}),
            keyed AS (SELECT p.id, p.status, ${grouping.key} AS key FROM ${grouping.from} WHERE p.id IN (SELECT id FROM filtered))
       SELECT k.key, count(*)::int AS "programCount", count(*) FILTER (WHERE k.status = 'ACTIVE')::int AS "activeProgramCount" ${activitySums}
         FROM keyed k ${activityJoin}
        GROUP BY k.key
        ORDER BY "programCount" DESC, k.key NULLS LAST`,
      parameters,
    );
    return rows.map((row) => Object.assign(new ProgramStatsBucket(), row));
  }
}
