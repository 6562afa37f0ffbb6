/** The DataLoaders of one request to the programs subgraph. */
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "../../shared/context";
import { loaderByParent, loaderByUnique } from "../../shared/dataloaders";
import { pagesByParent, type KeysetColumn, type Page, type PageArgs } from "../../shared/pagination";
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

/** Programs a party takes part in, filtered; `link` joins each program to its parties' institutions. */
function programsOfInstitutions(dataSource: DataSource, institutionIds: readonly string[], filter: ProgramFilter | null) {
  const query = dataSource
    .getRepository(Program)
    .createQueryBuilder("program")
    .innerJoin(
      (sub) => sub.select("DISTINCT party.program_id", "program_id").addSelect("party.institution_id", "institution_id").from(ProgramParty, "party").where("party.institution_id = ANY(:institutionIds)"),
      "link",
      "link.program_id = program.id",
    )
    .setParameter("institutionIds", [...institutionIds]);
  applyProgramFilter(query, filter);
  return query;
}

export function createLoaders(dataSource: DataSource) {
  const program = {
    byId: loaderByUnique(dataSource, Program),
    bySlug: loaderByUnique(dataSource, Program, "slug"),
  };

  // One loader per distinct (filter, first, after) asked for in this request.
  const pageLoaders = new Map<string, DataLoader<string, Page<Program>>>();
  const programsOfInstitution = (filter: ProgramFilter | null, args: PageArgs) => {
    const key = JSON.stringify([filter, args.first, args.after]);
    let loader = pageLoaders.get(key);
    if (!loader) {
      const counts = new DataLoader<string, number>(async (institutionIds) => {
        const rows: { institution_id: string; count: number }[] = await programsOfInstitutions(dataSource, institutionIds, filter)
          .select("link.institution_id", "institution_id")
          .addSelect("count(*)::int", "count")
          .groupBy("link.institution_id")
          .getRawMany();
        const byId = new Map(rows.map((r) => [r.institution_id, r.count]));
        return institutionIds.map((id) => byId.get(id) ?? 0);
      });
      loader = new DataLoader((institutionIds) =>
        pagesByParent({
          parentIds: institutionIds,
          query: programsOfInstitutions(dataSource, institutionIds, filter),
          parentKey: "link.institution_id",
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
    partiesByProgram: loaderByParent(dataSource, ProgramParty, "programId", [{ property: "role" }, { property: "id" }]),
    directionsByProgram: loaderByParent(dataSource, ProgramDirection, "programId", [{ property: "position" }]),
    activitiesByProgram: loaderByParent(dataSource, Activity, "programId", [{ property: "startsOn" }, { property: "title" }]),
    programsOfInstitution,
    partnersOfInstitution,
  };
}

export type ProgramsContext = SubgraphContext<ReturnType<typeof createLoaders>>;
