import { memberMutations } from "../../../shared/records/member-mutations";
import { Contact } from "../entities/contact";
import { contactFields, contactRules } from "../fields";
import { ENTERPRISE_OWNS } from "../checks/enterprise-owner";

export const ContactMutations = memberMutations({
  entity: Contact,
  typeName: "Contact",
  owner: ENTERPRISE_OWNS,
  unit: { field: "divisionId", table: "division", sameOwnerNoun: "division of the same enterprise" },
  fields: contactFields,
  inputTypes: {
    create: "A new person or service line of an enterprise.",
    update: "Changes to a contact: only the fields given change.",
  },
  rules: contactRules,
  descriptions: {
    create: "Adds a person or service line to an enterprise. Its editors and administrators.",
    owner: "The enterprise.",
    createInput: "The new contact.",
    update: "Changes a contact. Its enterprise's editors and administrators; `version` must be the one you read.",
    delete: "Deletes a contact (its audit entry keeps what it was). Its enterprise's editors and administrators.",
  },
});
