/** The DataLoaders of one request to the programs subgraph. */
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "../../shared/subgraph/context";
import { loaderByParent, loaderByUnique } from "../../shared/graphql/dataloaders";
import { pagesByParent, type KeysetColumn, type Page, type PageArgs } from "../../shared/graphql/pagination";
import type { InstitutionType } from "./entities/enums";
import { institutionReference } from "./entities/institution";
import { Activity } from "./entities/activity";
import { Partnership } from "./entities/partnership";
import { Program } from "./entities/program";
import { ProgramDirection } from "./entities/program-direction";
import { ProgramParty } from "./entities/program-party";
import { applyProgramFilter, type ProgramFilter } from "./resolvers/filters";

/** Newest first (by signing date, else start date); undated programs last; id breaks ties. */
export const PROGRAM_ORDER: KeysetColumn<Program>[] = [
  {
    expression: "COALESCE(program.signed_on, program.starts_on, DATE '0001-01-01')",
    value: (p) => p.signedOn ?? p.startsOn ?? "0001-01-01",
    direction: "DESC",
  },
  { expression: "program.id", value: (p) => p.id, direction: "ASC" },
];

/**
 * Whose programs a list shows: an institution's (it is a party), or a unit's
 * (a division or department that is a party or hosts an activity).
 */
export type ProgramOwner = "institution" | "unit";

const LINKS: Record<ProgramOwner, string> = {
  institution: "SELECT DISTINCT program_id, institution_id AS owner_id FROM program_party WHERE institution_id = ANY(:ownerIds)",
  unit: `SELECT program_id, unit_id AS owner_id FROM program_party WHERE unit_id = ANY(:ownerIds)
         UNION SELECT program_id, host_unit_id FROM activity WHERE host_unit_id = ANY(:ownerIds)`,
};

/** The filtered programs of several owners at once; `link.owner_id` tells whose each row is. */
function programsOf(dataSource: DataSource, owner: ProgramOwner, ownerIds: readonly string[], filter: ProgramFilter | null) {
  const query = dataSource
    .getRepository(Program)
    .createQueryBuilder("program")
    .innerJoin(`(${LINKS[owner]})`, "link", "link.program_id = program.id")
    .setParameter("ownerIds", [...ownerIds]);
  applyProgramFilter(query, filter);
  return query;
}

export function createLoaders(dataSource: DataSource) {
  const program = {
    byId: loaderByUnique(dataSource, Program),
    bySlug: loaderByUnique(dataSource, Program, "slug"),
  };

  // One loader per owner kind and distinct (filter, first, after) asked for in this request.
  const pageLoaders = new Map<string, DataLoader<string, Page<Program>>>();
  const programsOfOwner = (owner: ProgramOwner, filter: ProgramFilter | null, args: PageArgs) => {
    const key = JSON.stringify([owner, filter, args.first, args.after]);
    let loader = pageLoaders.get(key);
    if (!loader) {
      const counts = new DataLoader<string, number>(async (ownerIds) => {
        const rows: { owner_id: string; count: number }[] = await programsOf(dataSource, owner, ownerIds, filter)
          .select("link.owner_id", "owner_id")
          .addSelect("count(*)::int", "count")
          .groupBy("link.owner_id")
          .getRawMany();
        const byId = new Map(rows.map((r) => [r.owner_id, r.count]));
        return ownerIds.map((id) => byId.get(id) ?? 0);
      });
      loader = new DataLoader((ownerIds) =>
        pagesByParent({
          parentIds: ownerIds,
          query: programsOf(dataSource, owner, ownerIds, filter),
          parentKey: "link.owner_id",
          order: PROGRAM_ORDER,
          args,
          loadByIds: (ids) => program.byId.loadMany(ids) as Promise<(Program | Error | null)[]>,
          countTotal: (id) => counts.load(id),
        }),
      );
      pageLoaders.set(key, loader);
    }
    return loader;
  };

  const partnersOfInstitution = new DataLoader<string, Partnership[]>(async (institutionIds) => {
    const rows: {
      institution_id: string;
      partner_id: string;
      partner_type: InstitutionType;
      program_ids: string[];
      program_count: number;
      active_program_count: number;
      first_signed_on: string | null;
      latest_signed_on: string | null;
    }[] = await dataSource.query(
      `SELECT me.institution_id, other.institution_id AS partner_id, other.institution_type AS partner_type,
              array_agg(DISTINCT program.id) AS program_ids,
              count(DISTINCT program.id)::int AS program_count,
              count(DISTINCT program.id) FILTER (WHERE program.status = 'ACTIVE')::int AS active_program_count,
              min(program.signed_on) AS first_signed_on,
              max(program.signed_on) AS latest_signed_on
         FROM program_party me
         JOIN program_party other ON other.program_id = me.program_id AND other.institution_id <> me.institution_id
         JOIN program ON program.id = me.program_id
        WHERE me.institution_id = ANY($1)
        GROUP BY me.institution_id, other.institution_id, other.institution_type
        ORDER BY program_count DESC, latest_signed_on DESC NULLS LAST, partner_id`,
      [[...institutionIds]],
    );
    const grouped = new Map<string, Partnership[]>(institutionIds.map((id) => [id, []]));
    for (const row of rows) {
      grouped.get(row.institution_id)!.push(
        Object.assign(new Partnership(), {
          partner: institutionReference(row.partner_type, row.partner_id),
          partnerType: row.partner_type,
          programIds: row.program_ids,
          programCount: row.program_count,
          activeProgramCount: row.active_program_count,
          firstSignedOn: row.first_signed_on,
          latestSignedOn: row.latest_signed_on,
        }),
      );
    }
    return institutionIds.map((id) => grouped.get(id)!);
  });

  return {
    program,
    party: { byId: loaderByUnique(dataSource, ProgramParty) },
    activity: { byId: loaderByUnique(dataSource, Activity) },
    partiesByProgram: loaderByParent(dataSource, ProgramParty, "programId", [{ property: "role" }, { property: "id" }]),
    directionsByProgram: loaderByParent(dataSource, ProgramDirection, "programId", [{ property: "position" }]),
    activitiesByProgram: loaderByParent(dataSource, Activity, "programId", [{ property: "startsOn" }, { property: "title" }]),
    programsOfOwner,
    partnersOfInstitution,
  };
}

export type ProgramsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
