/** The partners of institutions: who shares programs with each, computed from the programs' parties in one statement. */
import type { DataSource } from "typeorm";
import type { InstitutionType } from "../entities/enums";
import type { ProgramFilter } from "../resolvers/filters";
import { filteredProgramIds } from "./program-filter";
import { institutionReference } from "../types/institution";
import { Partnership } from "../types/partnership";

/**
 * Each institution's partnerships, in the order of `institutionIds`: most shared programs first.
 * With a filter, only the programs matching it count (a partner sharing none of them is left out).
 */
export async function partnershipsOf(dataSource: DataSource, institutionIds: readonly string[], filter: ProgramFilter | null = null): Promise<Partnership[][]> {
  // The filter's own statement numbers its parameters from $1; the institutions come after them.
  const [filtered, filterParameters] = filter ? filteredProgramIds(dataSource, filter) : [undefined, []];
  const ids = `$${filterParameters.length + 1}`;
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
      WHERE me.institution_id = ANY(${ids})${filtered ? `
        AND me.program_id IN (${filtered})` : ""}
      GROUP BY me.institution_id, other.institution_id, other.institution_type
      ORDER BY program_count DESC, latest_signed_on DESC NULLS LAST, partner_id`,
    [...filterParameters, [...institutionIds]],
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
}
