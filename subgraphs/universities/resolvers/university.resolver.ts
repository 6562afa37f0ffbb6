import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Country, FieldOfEducation, country, fieldOfEducation } from "../../../shared/domain/code-lists/types";
import { LocalizedName } from "../../../shared/domain/localized-name";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { pageArgs, paginate, PageArguments } from "../../../shared/graphql/pagination";
import { Department } from "../entities/department";
import { Person } from "../entities/person";
import { University } from "../entities/university";
import type { UniversityName } from "../entities/university-name";
import type { UniversitiesContext } from "../context";
import { UNIVERSITY_ORDER, universityList } from "../sql/university-list";
import { UniversityConnection } from "../types/university-connection";
import { checkUniversityFilter } from "../fields";
import { UniversityFilter } from "./filters";

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => University, { nullable: true, description: "One university by `id` or by `slug` (give exactly one); null when there is none." })
  university(
    @Arg("id", () => ID, { nullable: true, description: "The university's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The university's slug, e.g. `tashstu-almalyk`." }) slug: string | null,
    @Ctx() context: UniversitiesContext,
  ): Promise<University | null> {
    return findByIdOrSlug(context.lookup, University, id, slug);
  }

  @Query(() => UniversityConnection, { description: "Universities, branches, schools and academies, ordered by name, a page at a time." })
  async universities(
    @Arg("filter", () => UniversityFilter, { nullable: true, description: "Conditions the universities must meet." }) filter: UniversityFilter | null,
    @Args(() => PageArguments) page: PageArguments,
    @Ctx() context: UniversitiesContext,
  ) {
    const query = universityList(context.dataSource, filter && checkUniversityFilter(filter));
    return paginate(query, pageArgs(context, page), UNIVERSITY_ORDER);
  }

  @FieldResolver(() => [LocalizedName], { description: "All names of the institution: official, short and acronyms, in every language and script the sources use." })
  names(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<UniversityName[]> {
    return context.loaders.namesByUniversity.load(university.id);
  }

  @FieldResolver(() => Country, { description: "Country, with its name in several languages." })
  country(@Root() university: University): Country {
    return country(university.countryCode);
  }

  @FieldResolver(() => [FieldOfEducation], { description: "Fields of education and training the institution teaches or researches (ISCED-F 2013)." })
  fieldsOfEducation(@Root() university: University): FieldOfEducation[] {
    return university.fieldCodes.map(fieldOfEducation);
  }

  @FieldResolver(() => [Person], { description: "People of the institution the sources name (directors, teachers, students), ordered by name." })
  people(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<Person[]> {
    return context.loaders.peopleByUniversity.load(university.id);
  }

  @FieldResolver(() => University, { nullable: true, description: "For a branch, the university it belongs to; otherwise null." })
  parent(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<University | null> | null {
    return university.parentId ? context.lookup(University).load(university.parentId) : null;
  }

  @FieldResolver(() => [University], { description: "Branches of this university, ordered by name." })
  branches(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<University[]> {
    return context.loaders.branchesByUniversity.load(university.id);
  }

  @FieldResolver(() => [Department], { description: "All faculties, departments and laboratories of the institution (the whole tree, flat), ordered by name." })
  departments(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<Department[]> {
    return context.loaders.departmentsByUniversity.load(university.id);
  }
}
