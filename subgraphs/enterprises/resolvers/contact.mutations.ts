import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { createRecord, deleteRecord, givenFields, requireId, updateRecord } from "../../../shared/audit/writes";
import { notFound } from "../../../shared/errors";
import { checkUnitOwner } from "../../../shared/unit-tree";
import { validate } from "../../../shared/validation";
import { Contact } from "../entities/contact";
import { Enterprise } from "../entities/enterprise";
import type { EnterprisesContext } from "../loaders";
import { contactRules } from "../validation";
import { ContactCreateInput, ContactUpdateInput } from "./inputs";

const checkDivision = (context: EnterprisesContext, enterpriseId: string, divisionId: string | null | undefined) =>
  checkUnitOwner(context.dataSource, { table: "division", ownerColumn: "enterprise_id", noun: "division of the same enterprise" }, enterpriseId, divisionId, "divisionId");

@Resolver(() => Contact)
export class ContactMutations {
  @Mutation(() => Contact, { description: "Adds a person or service line to an enterprise. Its editors and administrators." })
  async createContact(
    @Arg("enterpriseId", () => ID, { description: "The enterprise." }) enterpriseId: string,
    @Arg("input", () => ContactCreateInput, { description: "The new contact." }) input: ContactCreateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Contact> {
    const owner = requireId(enterpriseId, "Enterprise", "enterpriseId");
    context.access.requireEdit(owner, "add a contact to this enterprise");
    if (!(await context.dataSource.getRepository(Enterprise).existsBy({ id: owner }))) throw notFound(`No Enterprise has id ${owner}.`);
    validate(input, contactRules);
    await checkDivision(context, owner, input.divisionId);
    return createRecord(context, {
      entity: Contact,
      typeName: "Contact",
      input,
      rules: contactRules,
      values: () => ({ ...input, divisionId: input.divisionId ?? null, enterpriseId: owner }),
      institutionIds: [owner],
    });
  }

  @Mutation(() => Contact, { description: "Changes a contact. Its enterprise's editors and administrators; `version` must be the one you read." })
  updateContact(
    @Arg("id", () => ID, { description: "The contact's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Arg("input", () => ContactUpdateInput, { description: "The fields to change." }) input: ContactUpdateInput,
    @Ctx() context: EnterprisesContext,
  ): Promise<Contact> {
    const fields = givenFields(input);
    return updateRecord(context, {
      entity: Contact,
      typeName: "Contact",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.enterpriseId, "change this contact"),
      changes: async (row) => {
        await checkDivision(context, row.enterpriseId, fields.divisionId);
        return fields as Partial<Contact>;
      },
      validateAfter: (after) => validate(after, contactRules),
      institutionIds: (row) => [row.enterpriseId],
    });
  }

  @Mutation(() => ID, { description: "Deletes a contact (its audit entry keeps what it was). Its enterprise's editors and administrators." })
  deleteContact(
    @Arg("id", () => ID, { description: "The contact's id." }) id: string,
    @Arg("version", () => Int, { description: "The version you read." }) version: number,
    @Ctx() context: EnterprisesContext,
  ): Promise<string> {
    return deleteRecord(context, {
      entity: Contact,
      typeName: "Contact",
      id,
      version,
      authorize: (row) => context.access.requireEdit(row.enterpriseId, "delete this contact"),
      institutionIds: (row) => [row.enterpriseId],
    });
  }
}
