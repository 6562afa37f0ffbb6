import { Field, ID, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { containsText } from "../../../shared/text-search";
import { ProgramKind, ProgramStatus } from "../entities/enums";
import type { Program } from "../entities/program";

@InputType("ProgramFilter", { description: "Narrows a list of programs; all given conditions must hold." })
export class ProgramFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the title or description, case-insensitive." })
  text?: string | null;

  @Field(() => [ProgramKind], { nullable: true, description: "Only programs of these kinds." })
  kinds?: ProgramKind[] | null;

  @Field(() => [ProgramStatus], { nullable: true, description: "Only programs in these lifecycle states." })
  statuses?: ProgramStatus[] | null;

  @Field(() => ID, { nullable: true, description: "Only programs this enterprise or university is a party to." })
  partyId?: string | null;
}

/** The one place ProgramFilter becomes SQL, for every list and aggregate of programs. */
export function applyProgramFilter(query: SelectQueryBuilder<Program>, filter: ProgramFilter | null | undefined): void {
  const alias = query.alias;
  if (!filter) return;
  if (filter.text) containsText(query, [`${alias}.title`, `${alias}.description`], filter.text);
  if (filter.kinds?.length) query.andWhere(`${alias}.kind = ANY(:kinds)`, { kinds: filter.kinds });
  if (filter.statuses?.length) query.andWhere(`${alias}.status = ANY(:statuses)`, { statuses: filter.statuses });
  if (filter.partyId) {
    query.andWhere(`EXISTS (SELECT 1 FROM program_party party WHERE party.program_id = ${alias}.id AND party.institution_id = :partyId)`, {
      partyId: filter.partyId,
    });
  }
}
