import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { findByIdOrSlug } from "../../../shared/lookup";
import { connectionType, paginate } from "../../../shared/pagination";
import { Program } from "../entities/program";
import { ProgramParty } from "../entities/program-party";
import { PROGRAM_ORDER, type ProgramsContext } from "../loaders";
import { ProgramFilter, applyProgramFilter } from "./filters";

export const ProgramConnection = connectionType("Program", Program, "programs");

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "One program by `id` or by `slug` (give exactly one); null when there is none." })
  program(
    @Arg("id", () => ID, { nullable: true, description: "The program's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The program's slug." }) slug: string | null,
    @Ctx() context: ProgramsContext,
  ): Promise<Program | null> {
    return findByIdOrSlug(context.loaders.program, id, slug);
  }

  @Query(() => ProgramConnection, { description: "Programs, newest signed first (undated last), a page at a time." })
  programs(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programs must meet." }) filter: ProgramFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 1000 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)." }) after: string | null,
    @Ctx() context: ProgramsContext,
  ) {
    const query = context.dataSource.getRepository(Program).createQueryBuilder("program");
    applyProgramFilter(query, filter);
    return paginate(query, { first, after }, PROGRAM_ORDER);
  }

  @FieldResolver(() => [ProgramParty], { description: "The institutions taking part, each with its role and unit." })
  parties(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramParty[]> {
    return context.loaders.partiesByProgram.load(program.id);
  }
}
