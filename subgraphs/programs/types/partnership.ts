import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../../shared/graphql/scalars";
import { InstitutionType } from "../entities/enums";
import { Institution, type InstitutionReference } from "./institution";

/** Not stored: computed from the parties of the programs two institutions share. */
@ObjectType("Partnership", { description: "Another institution that shares programs with this one, with a summary of those programs." })
export class Partnership {
  @Field(() => Institution, { description: "The partner institution." })
  partner: InstitutionReference;

  @Field(() => InstitutionType, { description: "Whether the partner is an enterprise or a university." })
  partnerType: InstitutionType;

  programIds: string[];

  @Field(() => Int, { description: "How many programs the two institutions share." })
  programCount: number;

  @Field(() => Int, { description: "How many of those programs are active." })
  activeProgramCount: number;

  @Field(() => DateScalar, { nullable: true, description: "Earliest signing date among the shared programs." })
  firstSignedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Latest signing date among the shared programs." })
  latestSignedOn: string | null;
}
