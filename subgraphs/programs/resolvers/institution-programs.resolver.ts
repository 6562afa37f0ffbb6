/**
 * Fields this subgraph adds to Enterprise and University: the programs an
 * institution takes part in and the partners it shares them with. One
 * resolver serves both types, so they can never answer differently.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { ClassType } from "type-graphql";
import { InstitutionType } from "../entities/enums";
import { EnterpriseStub, UniversityStub } from "../entities/institution-stubs";
import { Partnership } from "../entities/partnership";
import { Program } from "../entities/program";
import type { ProgramsContext } from "../loaders";
import { ProgramFilter } from "./filters";
import { ProgramConnection } from "./program.resolver";

function institutionProgramsResolver(stub: ClassType<{ id: string }>, noun: string) {
  @Resolver(() => stub)
  class InstitutionProgramsResolver {
    @FieldResolver(() => ProgramConnection, { description: `Programs the ${noun} is a party to, newest signed first.` })
    programs(
      @Root() institution: { id: string },
      @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programs must meet." }) filter: ProgramFilter | null,
      @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 1000 (default 20)." }) first: number | null,
      @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after: string | null,
      @Ctx() context: ProgramsContext,
    ) {
      return context.loaders.programsOfInstitution(filter, { first, after }).load(institution.id);
    }

    @FieldResolver(() => [Partnership], { description: `Institutions that share programs with the ${noun}, most shared programs first.` })
    async partners(
      @Root() institution: { id: string },
      @Arg("type", () => InstitutionType, { nullable: true, description: "Only partners of this type (e.g. only universities)." }) type: InstitutionType | null,
      @Ctx() context: ProgramsContext,
    ): Promise<Partnership[]> {
      const partners = await context.loaders.partnersOfInstitution.load(institution.id);
      return type ? partners.filter((p) => p.partnerType === type) : partners;
    }
  }
  return InstitutionProgramsResolver;
}

export const EnterpriseProgramsResolver = institutionProgramsResolver(EnterpriseStub, "enterprise");
export const UniversityProgramsResolver = institutionProgramsResolver(UniversityStub, "university");

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => [Program], { description: "The programs the two institutions share, newest first." })
  async programs(@Root() partnership: Partnership, @Ctx() context: ProgramsContext): Promise<Program[]> {
    const programs = await context.loaders.program.byId.loadMany(partnership.programIds);
    return (programs.filter((p) => p && !(p instanceof Error)) as Program[]).sort(
      (a, b) => (b.signedOn ?? "").localeCompare(a.signedOn ?? "") || a.id.localeCompare(b.id),
    );
  }
}
