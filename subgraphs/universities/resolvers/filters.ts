/** The filter of the universities list, as a GraphQL input; its rules are in ../fields.ts, its SQL in ../sql/. */
import { Field, ID, InputType } from "type-graphql";
import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { UniversityKind } from "../entities/enums";

@InputType("UniversityFilter", { description: "Narrows a list of universities; all given conditions must hold." })
export class UniversityFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the university's names (any language) or acronym, case-insensitive." })
  text?: string | null;

  @Field(() => UniversityKind, { nullable: true, description: "Only institutions of this kind." })
  kind?: UniversityKind | null;

  @Field(() => InstitutionStatus, { nullable: true, description: "Only institutions with this status." })
  status?: InstitutionStatus | null;

  @Field(() => String, { nullable: true, description: "Only institutions in this country (ISO 3166-1 alpha-2, e.g. `UZ`)." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Only institutions teaching or researching this ISCED-F field, e.g. `0724`." })
  fieldCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only branches of this university." })
  parentId?: string | null;
}
