/** The filter of every list, network and statistic of programs, as a GraphQL input; its rules are in ../fields.ts, its SQL in ../sql/program-filter.ts. */
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../../shared/graphql/scalars";
import { CooperationDirection, InstitutionType, ProgramKind, ProgramStatus } from "../entities/enums";

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
