import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { FieldOfEducation, fieldOfEducation } from "../../../shared/domain/code-lists/types";
import { findByIdOrSlug } from "../../../shared/graphql/lookup";
import { Department } from "../entities/department";
import { Person } from "../entities/person";
import { University } from "../entities/university";
import type { UniversitiesContext } from "../context";

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { nullable: true, description: "One department by `id` or by `slug` (give exactly one); null when there is none." })
  department(
    @Arg("id", () => ID, { nullable: true, description: "The department's id." }) id: string | null,
    @Arg("slug", () => String, { nullable: true, description: "The department's slug." }) slug: string | null,
    @Ctx() context: UniversitiesContext,
  ): Promise<Department | null> {
    return findByIdOrSlug(context.lookup, Department, id, slug);
  }

  @FieldResolver(() => University, { description: "The institution the department belongs to." })
  async university(@Root() department: Department, @Ctx() context: UniversitiesContext): Promise<University> {
    return (await context.lookup(University).load(department.universityId))!;
  }

  @FieldResolver(() => Department, { nullable: true, description: "The unit this one sits inside (a faculty, say); null at the top of the tree." })
  parent(@Root() department: Department, @Ctx() context: UniversitiesContext): Promise<Department | null> | null {
    return department.parentId ? context.lookup(Department).load(department.parentId) : null;
  }

  @FieldResolver(() => [FieldOfEducation], { description: "Fields of education and training of the unit (ISCED-F 2013)." })
  fieldsOfEducation(@Root() department: Department): FieldOfEducation[] {
    return department.fieldCodes.map(fieldOfEducation);
  }

  @FieldResolver(() => [Person], { description: "People of this unit the sources name, ordered by name." })
  people(@Root() department: Department, @Ctx() context: UniversitiesContext): Promise<Person[]> {
    return context.loaders.peopleByDepartment.load(department.id);
  }

  @FieldResolver(() => [Department], { description: "Units directly inside this one, ordered by name." })
  children(@Root() department: Department, @Ctx() context: UniversitiesContext): Promise<Department[]> {
    return context.loaders.departmentsByParent.load(department.id);
  }
}
