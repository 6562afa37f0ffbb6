/**
 * The entity types other subgraphs own, as this subgraph sees them: a key
 * only. This subgraph adds fields to them (programs, partners) and returns
 * them from ProgramParty; the gateway fetches every other field from the owner.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive(`@key(fields: "id")`)
@ObjectType("Enterprise")
export class EnterpriseStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("University")
export class UniversityStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Division")
export class DivisionStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Department")
export class DepartmentStub {
  @Field(() => ID)
  id: string;
}
