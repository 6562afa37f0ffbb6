/** Imports of an enterprise's divisions and contacts, through the same mechanisms as createDivision/updateDivision and createContact/updateContact. */
import { ownedImporter, type OwnedMutations } from "../../../shared/import/owned-import";
import { ENTERPRISE_OWNS } from "../checks/enterprise-owner";
import { Contact } from "../entities/contact";
import { Division } from "../entities/division";
import { ContactMutations } from "../resolvers/contact.mutations";
import { DivisionMutations } from "../resolvers/division.mutations";
import { contactLayout, divisionLayout } from "./layouts";

const DIVISION = { recordType: "Division", entity: Division, noun: "division" };

export const divisionImporter = ownedImporter({
  layout: divisionLayout,
  entity: Division,
  owner: ENTERPRISE_OWNS,
  mutations: new DivisionMutations() as unknown as OwnedMutations,
  uniqueColumns: ["slug"],
  fields: [
    { column: "slug", field: "slug", fixed: true },
    { column: "name", field: "name" },
    { column: "kind", field: "kind" },
    { column: "parent", field: "parentId", read: { reference: DIVISION } },
    { column: "description", field: "description" },
  ],
});

export const contactImporter = ownedImporter({
  layout: contactLayout,
  entity: Contact,
  owner: ENTERPRISE_OWNS,
  mutations: new ContactMutations() as unknown as OwnedMutations,
  fields: [
    { column: "name", field: "name" },
    { column: "position", field: "position" },
    { column: "email", field: "email" },
    { column: "phone", field: "phone" },
    { column: "division", field: "divisionId", read: { reference: DIVISION } },
  ],
});
