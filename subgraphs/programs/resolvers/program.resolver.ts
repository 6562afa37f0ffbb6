import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { confidential } from "../../../shared/auth/access";
import { FieldOfEducation, fieldOfEducation } from "../../../shared/domain/code-lists/types";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { pageArgs, paginate, PageArguments } from "../../../shared/graphql/pagination";
import { Activity } from "../entities/activity";
import { Money } from "../types/money";
import { Program } from "../entities/program";
import { ProgramDirection } from "../entities/program-direction";
import { ProgramParty } from "../entities/program-party";
import type { ProgramsContext } from "../context";
import { PROGRAM_ORDER, programList, programTotal } from "../sql/program-list";
import { ProgramConnection } from "../types/program-connection";
import { checkProgramFilter } from "../fields";
import { ProgramFilter } from "./filters";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "One program by `id` or by `slug` (give exactly one); null when there is none." })
  program(
    @Arg("id", () => ID, { nullable: true, description: "The program's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The program's slug." }) slug: string | null,
    @Ctx() context: ProgramsContext,
  ): Promise<Program | null> {
    return findByIdOrSlug(context.lookup, Program, id, slug);
  }

  @Query(() => ProgramConnection, { description: "Programs, newest signed first (undated last), a page at a time." })
  programs(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Conditions the programs must meet." }) filter: ProgramFilter | null,
    @Args(() => PageArguments) page: PageArguments,
    @Ctx() context: ProgramsContext,
  ) {
    const checked = filter && checkProgramFilter(filter);
    const query = programList(context.dataSource, checked);
    const countQuery = query.clone();
    return paginate(query, pageArgs(context, page), PROGRAM_ORDER, () => programTotal(context.dataSource, checked, countQuery));
  }

  @FieldResolver(() => [ProgramParty], { description: "The institutions taking part, each with its role and unit." })
  parties(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramParty[]> {
    return context.loaders.partiesByProgram.load(program.id);
  }

  @FieldResolver(() => [ProgramDirection], { description: "Directions of cooperation the program provides for, in the order the source lists them." })
  directions(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<ProgramDirection[]> {
    return context.loaders.directionsByProgram.load(program.id);
  }

  @FieldResolver(() => [Activity], { description: "What happens under the program: openings, internships, exchanges, excursions; earliest first, undated last." })
  activities(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<Activity[]> {
    return context.loaders.activitiesByProgram.load(program.id);
  }

  @FieldResolver(() => [FieldOfEducation], { description: "Fields of education and training the program concerns (ISCED-F 2013)." })
  fieldsOfEducation(@Root() program: Program): FieldOfEducation[] {
    return program.fieldCodes.map(fieldOfEducation);
  }

  @FieldResolver(() => Money, { nullable: true, description: "Budget of the program. Confidential: visible to its parties' credentials (reader, editor) and administrators; others get FORBIDDEN (UNAUTHENTICATED without a token)." })
  async budget(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<Money | null> {
    const parties = await context.loaders.partiesByProgram.load(program.id);
    const budget = program.budgetAmount && program.budgetCurrency ? { amount: program.budgetAmount, currency: program.budgetCurrency } : null;
    return confidential(context.access, parties.map((p) => p.institutionId), "Program.budget", budget);
  }

  @FieldResolver(() => String, { nullable: true, description: "The parties' internal notes. Confidential, like `budget`." })
  async internalNotes(@Root() program: Program, @Ctx() context: ProgramsContext): Promise<string | null> {
    const parties = await context.loaders.partiesByProgram.load(program.id);
    return confidential(context.access, parties.map((p) => p.institutionId), "Program.internalNotes", program.internalNotes);
  }
}
