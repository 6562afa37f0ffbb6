import { Field, ID, ObjectType } from "type-graphql";
import { InstitutionType, PartyRole } from "../entities/enums";

/** A party as a version of the terms names it (the party rows show the terms the program's fields show). */
@ObjectType("ProgramTermsParty", { description: "An institution's part in one version of a program's terms: which institution, which of its units, in what role." })
export class ProgramTermsParty {
  @Field(() => InstitutionType, { description: "Whether the party is an enterprise or a university." })
  institutionType: InstitutionType;

  @Field(() => ID, { description: "Id of the enterprise or university." })
  institutionId: string;

  @Field(() => ID, { nullable: true, description: "Id of its division or department that takes part, if one is named." })
  unitId: string | null;

  @Field(() => PartyRole, { description: "The part the institution plays in this version." })
  role: PartyRole;
}
