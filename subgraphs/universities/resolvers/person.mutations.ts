import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, deleteRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { notFound } from "../../../shared/errors";
import { checkUnitOwner } from "../../../shared/unit-tree";
import { validate } from "../../../shared/validation";
import { Person } from "../entities/person";
import { University } from "../entities/university";
import type { UniversitiesContext } from "../loaders";
import { personRules } from "../validation";
import { PersonCreateInput, PersonUpdateInput } from "./inputs";

const checkDepartment = (context: UniversitiesContext, universityId: string, departmentId: string | null | undefined) =>
  checkUnitOwner(context.dataSource, { table: "department", ownerColumn: "university_id", noun: "unit of the same university" }, universityId, departmentId, "departmentId");

@Resolver(() => Person)
export class PersonMutations {
  @Mutation(() => Person, { description: "Adds a person to a university. Its editors and administrators." })
  async createPerson(
    @Arg("universityId", () => ID, { description: "The university." }) universityId: string,
    @Arg("input", () => PersonCreateInput, { description: "The new person." }) input: PersonCreateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<Person> {
    const owner = requireId(universityId, "University", "universityId");
    context.access.requireEdit(owner, "add a person to this university");
    if (!(await context.dataSource.getRepository(University).existsBy({ id: owner }))) throw notFound(`No University has id ${owner}.`);
    validate(input, personRules);
    await checkDepartment(context, owner, input.departmentId);
    return createRecord(context, {
      entity: Person,
      typeName: "Person",
      input,
      rules: personRules,
      values: () => ({ ...input, departmentId: input.departmentId?.toLowerCase() ?? null, honours: (input.honours ?? []) as Person["honours"], universityId: owner }),
      institutionIds: [owner],
    });
  }

  @Mutation(() => Person, { description: "Changes a person. Their university's editors and administrators; `version` must be the one you read." })
  updatePerson(
    @Arg("id", () => ID, { description: "The person's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => PersonUpdateInput, { description: "The fields to change." }) input: PersonUpdateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<Person> {
    const fields = givenFields(input);
    return updateRecord(context, {
      entity: Person,
      typeName: "Person",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.universityId, "change this person"),
      changes: async (row) => {
        await checkDepartment(context, row.universityId, fields.departmentId);
        return { ...fields, ...(fields.honours !== undefined ? { honours: (fields.honours ?? []) as Person["honours"] } : {}) } as Partial<Person>;
      },
      validateAfter: (after) => validate(after, personRules),
      institutionIds: (row) => [row.universityId],
    });
  }

  @Mutation(() => ID, { description: "Deletes a person (their audit entry keeps what was known). Their university's editors and administrators." })
  deletePerson(
    @Arg("id", () => ID, { description: "The person's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: UniversitiesContext,
  ): Promise<string> {
    return deleteRecord(context, {
      entity: Person,
      typeName: "Person",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.universityId, "delete this person"),
      institutionIds: (row) => [row.universityId],
    });
  }
}
