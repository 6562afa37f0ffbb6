/** The SQL that applies a ProgramFilter (../resolvers/filters.ts) to a query of programs. */
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { matchesText } from "../../../shared/database/text-search";
import { Program } from "../entities/program";
import type { ProgramFilter } from "../resolvers/filters";

/** Programs whose effective start (signing, else start date) is on or before a date. */
const STARTED = (alias: string) => `COALESCE(${alias}.starts_on, ${alias}.signed_on)`;

/**
 * The one place ProgramFilter becomes SQL, for every list, network and
 * statistic of programs, so they always agree on what a filter means.
 * The filter has passed checkProgramFilter (../fields.ts) in the resolver.
 */
export function applyProgramFilter(query: SelectQueryBuilder<Program>, filter: ProgramFilter | null | undefined): void {
  if (!filter) return;
  const p = query.alias;
  const party = (condition: string) => `EXISTS (SELECT 1 FROM program_party party WHERE party.program_id = ${p}.id AND ${condition})`;
  if (filter.text) matchesText(query, [`${p}.title`, `${p}.description`], filter.text);
  if (filter.kinds?.length) query.andWhere(`${p}.kind = ANY(:kinds)`, { kinds: filter.kinds });
  if (filter.statuses?.length) query.andWhere(`${p}.status = ANY(:statuses)`, { statuses: filter.statuses });
  if (filter.partyId) query.andWhere(party("party.institution_id = :partyId"), { partyId: filter.partyId.toLowerCase() });
  if (filter.partyType) query.andWhere(party("party.institution_type = :partyType"), { partyType: filter.partyType });
  if (filter.partyCountryCodes?.length) {
    query.andWhere(party("party.institution_country_code = ANY(:partyCountryCodes)"), { partyCountryCodes: filter.partyCountryCodes });
  }
  if (filter.directions?.length) {
    query.andWhere(`EXISTS (SELECT 1 FROM program_direction d WHERE d.program_id = ${p}.id AND d.direction = ANY(:directions))`, {
      directions: filter.directions,
    });
  }
  if (filter.fieldCodes?.length) query.andWhere(`${p}.field_codes && :fieldCodes::text[]`, { fieldCodes: filter.fieldCodes });
  if (filter.signedFrom) query.andWhere(`${p}.signed_on >= :signedFrom`, { signedFrom: filter.signedFrom });
  if (filter.signedTo) query.andWhere(`${p}.signed_on <= :signedTo`, { signedTo: filter.signedTo });
  if (filter.activeOn) {
    query.andWhere(
      `${p}.status <> 'DRAFT' AND (${STARTED(p)} IS NULL OR ${STARTED(p)} <= :activeOn) AND (${p}.ends_on IS NULL OR ${p}.ends_on >= :activeOn)`,
      { activeOn: filter.activeOn },
    );
  }
  if (filter.expiringWithinDays != null) {
    query.andWhere(`${p}.status = 'ACTIVE' AND ${p}.ends_on BETWEEN CURRENT_DATE AND CURRENT_DATE + :expiringWithinDays::int`, {
      expiringWithinDays: filter.expiringWithinDays,
    });
  }
}

/** SQL (and its parameters) selecting the ids (and `columns`) of the programs matching `filter`. */
export function filteredProgramIds(dataSource: DataSource, filter: ProgramFilter | null, columns: string[] = []): [string, unknown[]] {
  const query = dataSource.getRepository(Program).createQueryBuilder("program").select("program.id", "id");
  for (const column of columns) query.addSelect(`program.${column}`, column);
  applyProgramFilter(query, filter);
  return query.getQueryAndParameters();
}
