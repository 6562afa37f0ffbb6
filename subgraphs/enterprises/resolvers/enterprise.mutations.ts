import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, givenFields, updateRecord } from "../../../shared/audit/writes";
import { InstitutionStatus } from "../../../shared/institution-status";
import { replaceNames } from "../../../shared/localized-name";
import { validate } from "../../../shared/validation";
import { Enterprise } from "../entities/enterprise";
import { EnterpriseName } from "../entities/enterprise-name";
import type { EnterprisesContext } from "../loaders";
import { enterpriseRules } from "../validation";
import { EnterpriseCreateInput, EnterpriseUpdateInput } from "./inputs";

@Resolver(() => Enterprise)
export class EnterpriseMutations {
  @Mutation(() => Enterprise, { description: "Adds an enterprise. Administrators only." })
  async createEnterprise(
    @Arg("input", () => EnterpriseCreateInput, { description: "The new enterprise." }) input: EnterpriseCreateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Enterprise> {
    context.access.requireAdmin("add an enterprise");
    const { names, industryCodes, ...fields } = input;
    return createRecord(context, {
      entity: Enterprise,
      typeName: "Enterprise",
      input,
      rules: enterpriseRules,
      values: () => ({ ...fields, industryCodes: industryCodes ?? [], status: InstitutionStatus.ACTIVE }),
      institutionIds: [],
      alongside: async (manager, id) => (await replaceNames(manager, EnterpriseName, "enterpriseId", id, names ?? [])).after,
    });
  }

  @Mutation(() => Enterprise, { description: "Changes an enterprise's fields. Its own editors and administrators; `version` must be the one you read (else CONFLICT)." })
  updateEnterprise(
    @Arg("id", () => ID, { description: "The enterprise's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read; a newer one on the server means someone changed it meanwhile (CONFLICT)." }) version: number,
    @Arg("input", () => EnterpriseUpdateInput, { description: "The fields to change." }) input: EnterpriseUpdateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Enterprise> {
    const { names, ...fields } = givenFields(input);
    return updateRecord(context, {
      entity: Enterprise,
      typeName: "Enterprise",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.id, "change this enterprise"),
      changes: () => fields as Partial<Enterprise>,
      validateAfter: (after) => validate({ ...after, names }, enterpriseRules),
      institutionIds: (row) => [row.id],
      alongside: async (manager, row) => (names ? replaceNames(manager, EnterpriseName, "enterpriseId", row.id, names) : undefined),
    });
  }

  @Mutation(() => Enterprise, { description: "Archives an enterprise: it stays in the graph, marked ARCHIVED, so programs naming it stay valid. Administrators only." })
  archiveEnterprise(
    @Arg("id", () => ID, { description: "The enterprise's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: EnterprisesContext,
  ): Promise<Enterprise> {
    return updateRecord(context, {
      entity: Enterprise,
      typeName: "Enterprise",
      id,
      version,
      action: "ARCHIVE",
      authorize: () => context.access.requireAdmin("archive an enterprise"),
      changes: () => ({ status: InstitutionStatus.ARCHIVED }),
      institutionIds: (row) => [row.id],
    });
  }
}
