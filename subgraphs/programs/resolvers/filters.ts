import { Field, ID, InputType, Int } from "type-graphql";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { DateScalar } from "../../../shared/graphql/scalars";
import { countryCode, each, fieldOfEducationCode, integer, maxItems, searchText, uuid, checkedFilter } from "../../../shared/records/validation";
import { registeredRules } from "../../../shared/records/input-fields";
import { matchesText } from "../../../shared/database/text-search";
import { CooperationDirection, InstitutionType, ProgramKind, ProgramStatus } from "../entities/enums";
import { Program } from "../entities/program";

@InputType("ProgramFilter", { description: "Narrows a list of programs (or the network and statistics built from them); all given conditions must hold." })
export class ProgramFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the title or description, case- and accent-insensitive." })
  text?: string | null;

  @Field(() => [ProgramKind], { nullable: true, description: "Only programs of these kinds." })
  kinds?: ProgramKind[] | null;

  @Field(() => [ProgramStatus], { nullable: true, description: "Only programs in these lifecycle states." })
  statuses?: ProgramStatus[] | null;

  @Field(() => ID, { nullable: true, description: "Only programs this enterprise or university is a party to." })
  partyId?: string | null;

  @Field(() => InstitutionType, { nullable: true, description: "Only programs with at least one party of this type." })
  partyType?: InstitutionType | null;

  @Field(() => [String], { nullable: true, description: "Only programs with a party from one of these countries (ISO 3166-1 alpha-2)." })
  partyCountryCodes?: string[] | null;

  @Field(() => [CooperationDirection], { nullable: true, description: "Only programs providing for at least one of these directions." })
  directions?: CooperationDirection[] | null;

  @Field(() => [String], { nullable: true, description: "Only programs concerning at least one of these fields of education (ISCED-F codes)." })
  fieldCodes?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Only programs signed on or after this date." })
  signedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only programs signed on or before this date." })
  signedTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only programs in force on this date: not drafts, started (or signed) by then, not ended before. Programs whose dates the source does not give count as in force." })
  activeOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Only active programs whose end date falls within this many days from today (0 = ending today)." })
  expiringWithinDays?: number | null;
}

const filterRules = registeredRules<ProgramFilter>("ProgramFilter", {
  text: [searchText(200)],
  partyId: [uuid],
  partyCountryCodes: [maxItems(300), each(countryCode)],
  fieldCodes: [maxItems(100), each(fieldOfEducationCode)],
  expiringWithinDays: [integer(0, 36_500)],
  kinds: [maxItems(50)],
  statuses: [maxItems(50)],
  directions: [maxItems(50)],
});

/** Programs whose effective start (signing, else start date) is on or before a date. */
const STARTED = (alias: string) => `COALESCE(${alias}.starts_on, ${alias}.signed_on)`;

/**
 * The one place ProgramFilter becomes SQL, for every list, network and
 * statistic of programs, so they always agree on what a filter means.
 */
export function applyProgramFilter(query: SelectQueryBuilder<Program>, filter: ProgramFilter | null | undefined): void {
  if (!filter) return;
  // Ids in any case, country codes in any case: as the enterprises and universities filters take them.
  filter = checkedFilter(filter, filterRules);
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
export function filteredProgramIds(context: { dataSource: DataSource }, filter: ProgramFilter | null, columns: string[] = []): [string, unknown[]] {
  const query = context.dataSource.getRepository(Program).createQueryBuilder("program").select("program.id", "id");
  for (const column of columns) query.addSelect(`program.${column}`, column);
  applyProgramFilter(query, filter);
  return query.getQueryAndParameters();
}
