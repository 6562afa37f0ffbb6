/**
 * The entity types other subgraphs own, as this subgraph sees them: a key
 * only. This subgraph adds fields to them (programs, partners) and returns
 * them from ProgramParty; the gateway fetches every other field from the owner.
 * One per institution and unit type of each kind in the subgraph registry.
 */
import { Directive, Field, ID, ObjectType, type ClassType } from "type-graphql";
import { INSTITUTION_KINDS, type PartyKind } from "./institution-kinds";

export interface KeyOnly {
  id: string;
}

function keyOnlyType(name: string): ClassType<KeyOnly> {
  @Directive(`@key(fields: "id")`)
  @ObjectType(name)
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
