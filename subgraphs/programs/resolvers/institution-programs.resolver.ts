/**
 * Fields this subgraph adds to the entity types the other subgraphs own:
 * the programs an institution takes part in (and the partners it shares
 * them with), and the programs a division or department takes part in or
 * hosts. One resolver class per type, built by one function, so the types
 * can never answer differently. The fields are nullable: when this subgraph
 * is down, an enterprise's own fields still arrive and only these are null.
 */
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ClassType } from "type-graphql";
import { InstitutionType } from "../entities/enums";
import { INSTITUTION_KINDS } from "../entities/institution-kinds";
import { INSTITUTION_STUBS, UNIT_STUBS } from "../types/institution-stubs";
import { Partnership } from "../types/partnership";
import { Program } from "../entities/program";
import { pageArgs, PageArguments } from "../../../shared/graphql/pagination";
import type { ProgramsContext } from "../context";
import type { ProgramOwner } from "../sql/programs-of-owner";
import { ProgramConnection } from "../types/program-connection";
import { checkProgramFilter } from "../fields";
import { ProgramFilter } from "./filters";

function ownedProgramsResolver(stub: ClassType<{ id: string }>, owner: ProgramOwner, description: string) {
  @Resolver(() => stub)
  class OwnedProgramsResolver {
    @FieldResolver(() => ProgramConnection, { nullable: true, description: `${description} Null only when the programs service is unavailable.` })
    programs(
      @Root() parent: { id: string },
      @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programs must meet." }) filter: ProgramFilter | null,
      @Args(() => PageArguments) page: PageArguments,
      @Ctx() context: ProgramsContext,
    ) {
      return context.loaders.programsOfOwner(owner, filter && checkProgramFilter(filter), pageArgs(context, page)).load(parent.id);
    }
  }
  return OwnedProgramsResolver;
}

function partnersResolver(stub: ClassType<{ id: string }>, noun: string) {
  @Resolver(() => stub)
  class PartnersResolver {
    @FieldResolver(() => [Partnership], {
      nullable: true,
      description: `Institutions that share programs with the ${noun}, most shared programs first, with counts and dates. Null only when the programs service is unavailable.`,
    })
    async partners(
      @Root() institution: { id: string },
      @Arg("type", () => InstitutionType, { nullable: true, description: "Only partners of this type (e.g. only universities)." }) type: InstitutionType | null,
      @Arg("filter", () => ProgramFilter, {
        nullable: true,
        description: "Only the programs meeting these conditions count: the counts and dates are theirs, and a partner sharing none of them is left out.",
      })
      filter: ProgramFilter | null,
      @Ctx() context: ProgramsContext,
    ): Promise<Partnership[]> {
      const partners = await context.loaders.partnersOfInstitution(filter && checkProgramFilter(filter)).load(institution.id);
      return type ? partners.filter((p) => p.partnerType === type) : partners;
    }
  }
  return PartnersResolver;
}

/** For every institution kind of the subgraph registry: its institutions' and units' programs, its institutions' partners. */
export const institutionProgramResolvers = [
  ...INSTITUTION_KINDS.map(({ kind, institution }) => ownedProgramsResolver(INSTITUTION_STUBS[kind], "institution", `Programs the ${institution.noun} is a party to, newest first.`)),
  ...INSTITUTION_KINDS.map(({ kind, unit }) => ownedProgramsResolver(UNIT_STUBS[kind], "unit", `Programs the ${unit.noun} takes part in or hosts activities of, newest first.`)),
  ...INSTITUTION_KINDS.map(({ kind, institution }) => partnersResolver(INSTITUTION_STUBS[kind], institution.noun)),
];

@Resolver(() => Partnership)
export class PartnershipResolver {
  @FieldResolver(() => [Program], { description: "The programs the two institutions share, newest first." })
  async programs(@Root() partnership: Partnership, @Ctx() context: ProgramsContext): Promise<Program[]> {
    const programs = await context.lookup(Program).loadMany(partnership.programIds);
    return (programs.filter((p) => p && !(p instanceof Error)) as Program[]).sort(
      (a, b) => (b.signedOn ?? b.startsOn ?? "").localeCompare(a.signedOn ?? a.startsOn ?? "") || a.id.localeCompare(b.id),
    );
  }
}
