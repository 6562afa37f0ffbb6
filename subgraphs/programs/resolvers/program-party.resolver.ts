import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { InstitutionType } from "../entities/enums";
import { Institution, institutionReference, type InstitutionReference } from "../types/institution";
import { DepartmentStub, DivisionStub, EnterpriseStub, UniversityStub } from "../types/institution-stubs";
import { Program } from "../entities/program";
import { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";

/** The party's institution and unit are references the gateway completes from their own subgraphs. */
@Resolver(() => ProgramParty)
export class ProgramPartyResolver {
  @FieldResolver(() => Program, { description: "The program this party takes part in." })
  async program(@Root() party: ProgramParty, @Ctx() context: ProgramsContext): Promise<Program> {
    return (await context.lookup(Program).load(party.programId))!;
  }

  @FieldResolver(() => Institution, { description: "The enterprise or university taking part." })
  institution(@Root() party: ProgramParty): InstitutionReference {
    return institutionReference(party.institutionType, party.institutionId);
  }

  @FieldResolver(() => EnterpriseStub, { nullable: true, description: "The enterprise taking part, when the party is an enterprise." })
  enterprise(@Root() party: ProgramParty): EnterpriseStub | null {
    return party.institutionType === InstitutionType.ENTERPRISE ? { id: party.institutionId } : null;
  }

  @FieldResolver(() => UniversityStub, { nullable: true, description: "The university taking part, when the party is a university." })
  university(@Root() party: ProgramParty): UniversityStub | null {
    return party.institutionType === InstitutionType.UNIVERSITY ? { id: party.institutionId } : null;
  }

  @FieldResolver(() => DivisionStub, { nullable: true, description: "The division of the enterprise that takes part, if one is named." })
  division(@Root() party: ProgramParty): DivisionStub | null {
    return party.institutionType === InstitutionType.ENTERPRISE && party.unitId ? { id: party.unitId } : null;
  }

  @FieldResolver(() => DepartmentStub, { nullable: true, description: "The department of the university that takes part, if one is named." })
  department(@Root() party: ProgramParty): DepartmentStub | null {
    return party.institutionType === InstitutionType.UNIVERSITY && party.unitId ? { id: party.unitId } : null;
  }
}
