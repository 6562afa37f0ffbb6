/**
 * The entity types other subgraphs own, as this subgraph sees them: a key
 * only. This subgraph adds fields to them (programs, partners) and returns
 * them from ProgramParty; the gateway fetches every other field from the owner.
 * One per institution and unit type of each kind in the subgraph registry;
 * and the contacts and people this subgraph only names, as `node(id:)` answers.
 */
import { Directive, Field, ID, ObjectType, type ClassType } from "type-graphql";
import { Node } from "../../../shared/graphql/node";
import { INSTITUTION_KINDS, type PartyKind } from "../entities/institution-kinds";

export interface KeyOnly {
  id: string;
}

function keyOnlyType(name: string, resolvable = true): ClassType<KeyOnly> {
  @Directive(resolvable ? `@key(fields: "id")` : `@key(fields: "id", resolvable: false)`)
  @ObjectType(name, { implements: Node })
  class Stub {
    @Field(() => ID)
    id: string;
  }
  return Stub;
}

const stubs = (type: "institution" | "unit") =>
  Object.fromEntries(INSTITUTION_KINDS.map((kind) => [kind.kind, keyOnlyType(kind[type].type)])) as Record<PartyKind, ClassType<KeyOnly>>;

/** The institution type of each kind (Enterprise, University), then the unit type (Division, Department). */
export const INSTITUTION_STUBS = stubs("institution");
export const UNIT_STUBS = stubs("unit");

// The kinds ProgramParty and Activity name in fields of their own (`enterprise`, `hostDivision`).
export const EnterpriseStub = INSTITUTION_STUBS.ENTERPRISE;
export type EnterpriseStub = KeyOnly;
export const UniversityStub = INSTITUTION_STUBS.UNIVERSITY;
export type UniversityStub = KeyOnly;
export const DivisionStub = UNIT_STUBS.ENTERPRISE;
export type DivisionStub = KeyOnly;
export const DepartmentStub = UNIT_STUBS.UNIVERSITY;
export type DepartmentStub = KeyOnly;

// Members are named by node(id:) only; this subgraph never resolves them.
export const ContactStub = keyOnlyType("Contact", false);
export type ContactStub = KeyOnly;
export const PersonStub = keyOnlyType("Person", false);
export type PersonStub = KeyOnly;
