/** The filter of the enterprises list, as a GraphQL input; its rules are in ../fields.ts, its SQL in ../sql/. */
import { Field, InputType } from "type-graphql";
import { InstitutionStatus } from "../../../shared/domain/institution-status";

@InputType("EnterpriseFilter", { description: "Narrows a list of enterprises; all given conditions must hold." })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: "Words to find in the enterprise's names (any language) or acronym, case-insensitive." })
  text?: string | null;

  @Field(() => InstitutionStatus, { nullable: true, description: "Only enterprises with this status." })
  status?: InstitutionStatus | null;

  @Field(() => String, { nullable: true, description: "Only enterprises registered in this country (ISO 3166-1 alpha-2, e.g. `UZ`)." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Only enterprises with this NACE Rev. 2 industry code, e.g. `24.44`." })
  industryCode?: string | null;
}
