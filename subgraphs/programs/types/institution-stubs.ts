/**
 * The entity types other subgraphs own, as this subgraph sees them: a key
 * only. This subgraph adds fields to them (programs, partners) and returns
 * them from ProgramParty; the gateway fetches every other field from the owner.
 * Contacts and people this subgraph only names, as `node(id:)` answers.
 */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Node } from "../../../shared/graphql/node";

@Directive(`@key(fields: "id")`)
@ObjectType("Enterprise", { implements: Node })
export class EnterpriseStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("University", { implements: Node })
export class UniversityStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Division", { implements: Node })
export class DivisionStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("Department", { implements: Node })
export class DepartmentStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id", resolvable: false)`)
@ObjectType("Contact", { implements: Node })
export class ContactStub {
  @Field(() => ID)
  id: string;
}

@Directive(`@key(fields: "id", resolvable: false)`)
@ObjectType("Person", { implements: Node })
export class PersonStub {
  @Field(() => ID)
  id: string;
}
