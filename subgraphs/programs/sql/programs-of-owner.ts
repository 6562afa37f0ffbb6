/** The programs of institutions or units, several owners in one statement, for the DataLoaders of `programs` on them. */
import type { DataSource } from "typeorm";
import { Program } from "../entities/program";
import type { ProgramFilter } from "../resolvers/filters";
import { applyProgramFilter } from "./program-filter";

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
export function programsOfOwners(dataSource: DataSource, owner: ProgramOwner, ownerIds: readonly string[], filter: ProgramFilter | null) {
  const query = dataSource
    .getRepository(Program)
    .createQueryBuilder("program")
    .innerJoin(`(${LINKS[owner]})`, "link", "link.program_id = program.id")
    .setParameter("ownerIds", [...ownerIds]);
  applyProgramFilter(query, filter);
  return query;
}

/** How many filtered programs each owner has, in the order of `ownerIds` (0 for an owner without any). */
export async function programCountsOfOwners(dataSource: DataSource, owner: ProgramOwner, ownerIds: readonly string[], filter: ProgramFilter | null): Promise<number[]> {
  const rows: { owner_id: string; count: number }[] = await programsOfOwners(dataSource, owner, ownerIds, filter)
    .select("link.owner_id", "owner_id")
    .addSelect("count(*)::int", "count")
    .groupBy("link.owner_id")
    .getRawMany();
  const byId = new Map(rows.map((r) => [r.owner_id, r.count]));
  return ownerIds.map((id) => byId.get(id) ?? 0);
}
