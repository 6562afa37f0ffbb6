import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { badUserInput, notFound } from "../../../shared/errors";
import { InstitutionStatus } from "../../../shared/institution-status";
import { validate } from "../../../shared/validation";
import { Division } from "../entities/division";
import { Enterprise } from "../entities/enterprise";
import type { EnterprisesContext } from "../loaders";
import { divisionRules } from "../validation";
import { DivisionCreateInput, DivisionUpdateInput } from "./inputs";

/** A division's parent must be another division of the same enterprise, and not below it. */
async function checkParent(context: EnterprisesContext, enterpriseId: string, parentId: string | null | undefined, selfId?: string): Promise<void> {
  if (!parentId) return;
  const chain: { id: string; enterprise_id: string }[] = await context.dataSource.query(
    `WITH RECURSIVE up AS (SELECT id, enterprise_id, parent_id, 1 AS depth FROM division WHERE id = $1
       UNION ALL SELECT d.id, d.enterprise_id, d.parent_id, up.depth + 1 FROM division d JOIN up ON d.id = up.parent_id WHERE up.depth < 100)
     SELECT id, enterprise_id FROM up`,
    [requireId(parentId, "Division", "parentId")],
  );
  if (chain.length === 0 || chain[0].enterprise_id !== enterpriseId) throw badUserInput("parentId must be a division of the same enterprise", "parentId");
  if (selfId && chain.some((d) => d.id === selfId)) throw badUserInput("parentId must not be the division itself or one inside it", "parentId");
}

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
