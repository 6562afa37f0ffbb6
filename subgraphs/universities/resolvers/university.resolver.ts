import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { findByIdOrSlug } from "../../../shared/lookup";
import { connectionType, paginate } from "../../../shared/pagination";
import { containsText } from "../../../shared/text-search";
import { Department } from "../entities/department";
import { University } from "../entities/university";
import type { UniversitiesContext } from "../loaders";
import { UniversityFilter } from "./filters";

export const UniversityConnection = connectionType("University", University, "universities");

@Resolver(() => University)
export class UniversityResolver {
  @Query(() => University, { nullable: true, description: "One university by `id` or by `slug` (give exactly one); null when there is none." })
  university(
    @Arg("id", () => ID, { nullable: true, description: "The university's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The university's slug, e.g. `tashstu-almalyk`." }) slug: string | null,
    @Ctx() context: UniversitiesContext,
  ): Promise<University | null> {
    return findByIdOrSlug(context.loaders.university, id, slug);
  }

  @Query(() => UniversityConnection, { description: "Universities, branches, schools and academies, ordered by name, a page at a time." })
  async universities(
    @Arg("filter", () => UniversityFilter, { nullable: true, description: "Conditions the universities must meet." }) filter: UniversityFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 0 to 1000 (default 20)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (`pageInfo.endCursor` of the previous page)." }) after: string | null,
    @Ctx() context: UniversitiesContext,
  ) {
    const query = context.dataSource.getRepository(University).createQueryBuilder("university");
    if (filter?.text) containsText(query, ["university.name", "university.shortName"], filter.text);
    if (filter?.kind) query.andWhere("university.kind = :kind", { kind: filter.kind });
    if (filter?.status) query.andWhere("university.status = :status", { status: filter.status });
    if (filter?.countryCode) query.andWhere("university.countryCode = :countryCode", { countryCode: filter.countryCode.toUpperCase() });
    return paginate(query, { first, after }, [
      { expression: "university.name", value: (u) => u.name, direction: "ASC" },
      { expression: "university.id", value: (u) => u.id, direction: "ASC" },
    ]);
  }

  @FieldResolver(() => University, { nullable: true, description: "For a branch, the university it belongs to; otherwise null." })
  parent(@Root() university: University, @Ctx() context: UniversitiesContext): Promise<University | null> | null {
    return university.parentId ? context.loaders.university.byId.load(university.parentId) : null;
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
