import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { notFound } from "../../../shared/errors";
import { checkUnitParent, type UnitTable } from "../../../shared/unit-tree";
import { InstitutionStatus } from "../../../shared/institution-status";
import { validate } from "../../../shared/validation";
import { Department } from "../entities/department";
import { University } from "../entities/university";
import type { UniversitiesContext } from "../loaders";
import { departmentRules } from "../validation";
import { DepartmentCreateInput, DepartmentUpdateInput } from "./inputs";

const DEPARTMENTS: UnitTable = { table: "department", ownerColumn: "university_id", noun: "unit of the same university" };
const checkParent = (context: UniversitiesContext, universityId: string, parentId: string | null | undefined, selfId?: string) =>
  checkUnitParent(context.dataSource, DEPARTMENTS, universityId, parentId, selfId);

@Resolver(() => Department)
export class DepartmentMutations {
  @Mutation(() => Department, { description: "Adds a faculty, department or laboratory to a university. Its editors and administrators." })
  async createDepartment(
    @Arg("universityId", () => ID, { description: "The university the unit belongs to." }) universityId: string,
    @Arg("input", () => DepartmentCreateInput, { description: "The new unit." }) input: DepartmentCreateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<Department> {
    const owner = requireId(universityId, "University", "universityId");
    context.access.requireEdit(owner, "add a department to this university");
    if (!(await context.dataSource.getRepository(University).existsBy({ id: owner }))) throw notFound(`No University has id ${owner}.`);
    validate(input, departmentRules);
    await checkParent(context, owner, input.parentId);
    const { fieldCodes, ...fields } = input;
    return createRecord(context, {
      entity: Department,
      typeName: "Department",
      input,
      rules: departmentRules,
      values: () => ({ ...fields, parentId: fields.parentId?.toLowerCase() ?? null, fieldCodes: fieldCodes ?? [], universityId: owner, status: InstitutionStatus.ACTIVE }),
      institutionIds: [owner],
    });
  }

  @Mutation(() => Department, { description: "Changes a department. Its university's editors and administrators; `version` must be the one you read." })
  updateDepartment(
    @Arg("id", () => ID, { description: "The department's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => DepartmentUpdateInput, { description: "The fields to change." }) input: DepartmentUpdateInput,
    @Ctx() context: UniversitiesContext,
  ): Promise<Department> {
    const fields = givenFields(input);
    return updateRecord(context, {
      entity: Department,
      typeName: "Department",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.universityId, "change this department"),
      changes: async (row) => {
        await checkParent(context, row.universityId, fields.parentId, row.id);
        return fields as Partial<Department>;
      },
      validateAfter: (after) => validate(after, departmentRules),
      institutionIds: (row) => [row.universityId],
    });
  }

  @Mutation(() => Department, { description: "Archives a department: it stays, marked ARCHIVED, so programs naming it stay valid. Its university's editors and administrators." })
  archiveDepartment(
    @Arg("id", () => ID, { description: "The department's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: UniversitiesContext,
  ): Promise<Department> {
    return updateRecord(context, {
      entity: Department,
      typeName: "Department",
      id,
      version,
      action: "ARCHIVE",
      authorize: (row) => context.access.requireEdit(row.universityId, "archive this department"),
      changes: () => ({ status: InstitutionStatus.ARCHIVED }),
      institutionIds: (row) => [row.universityId],
    });
  }
}
