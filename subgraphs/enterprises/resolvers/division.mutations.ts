import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { notFound } from "../../../shared/errors";
import { checkUnitParent, type UnitTable } from "../../../shared/unit-tree";
import { InstitutionStatus } from "../../../shared/institution-status";
import { validate } from "../../../shared/validation";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterprisesContext } from "../loaders";
import { divisionRules } from "../validation";
import { DivisionCreateInput, DivisionUpdateInput } from "./inputs";

const DIVISIONS: UnitTable = { table: "division", ownerColumn: "enterprise_id", noun: "division of the same enterprise" };
const checkParent = (context: EnterprisesContext, enterpriseId: string, parentId: string | null | undefined, selfId?: string) =>
  checkUnitParent(context.dataSource, DIVISIONS, enterpriseId, parentId, selfId);

@Resolver(() => Division)
export class DivisionMutations {
  @Mutation(() => Division, { description: "Adds a division to an enterprise. Its editors and administrators." })
  async createDivision(
    @Arg("enterpriseId", () => ID, { description: "The enterprise the division belongs to." }) enterpriseId: string,
    @Arg("input", () => DivisionCreateInput, { description: "The new division." }) input: DivisionCreateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Division> {
    const owner = requireId(enterpriseId, "Enterprise", "enterpriseId");
    context.access.requireEdit(owner, "add a division to this enterprise");
    if (!(await context.dataSource.getRepository(Enterprise).existsBy({ id: owner }))) throw notFound(`No Enterprise has id ${owner}.`);
    validate(input, divisionRules);
    await checkParent(context, owner, input.parentId);
    return createRecord(context, {
      entity: Division,
      typeName: "Division",
      input,
      rules: divisionRules,
      values: () => ({ ...input, parentId: input.parentId ?? null, enterpriseId: owner, status: InstitutionStatus.ACTIVE }),
      institutionIds: [owner],
    });
  }

  @Mutation(() => Division, { description: "Changes a division. Its enterprise's editors and administrators; `version` must be the one you read." })
  updateDivision(
    @Arg("id", () => ID, { description: "The division's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => DivisionUpdateInput, { description: "The fields to change." }) input: DivisionUpdateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Division> {
    const fields = givenFields(input);
    return updateRecord(context, {
      entity: Division,
      typeName: "Division",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.enterpriseId, "change this division"),
      changes: async (row) => {
        await checkParent(context, row.enterpriseId, fields.parentId, row.id);
        return fields as Partial<Division>;
      },
      validateAfter: (after) => validate(after, divisionRules),
      institutionIds: (row) => [row.enterpriseId],
    });
  }

  @Mutation(() => Division, { description: "Archives a division: it stays, marked ARCHIVED, so programs naming it stay valid. Its enterprise's editors and administrators." })
  archiveDivision(
    @Arg("id", () => ID, { description: "The division's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: EnterprisesContext,
  ): Promise<Division> {
    return updateRecord(context, {
      entity: Division,
      typeName: "Division",
      id,
      version,
      action: "ARCHIVE",
      authorize: (row) => context.access.requireEdit(row.enterpriseId, "archive this division"),
      changes: () => ({ status: InstitutionStatus.ARCHIVED }),
      institutionIds: (row) => [row.enterpriseId],
    });
  }
}
