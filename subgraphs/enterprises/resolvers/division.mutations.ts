import { unitMutations } from "../../../shared/records/unit-mutations";
import { Division } from "../entities/division";
import { divisionFields, divisionRules } from "../fields";
import { ENTERPRISE_OWNS } from "../checks/enterprise-owner";

export const DivisionMutations = unitMutations({
  entity: Division,
  typeName: "Division",
  owner: ENTERPRISE_OWNS,
  table: "division",
  sameOwnerNoun: "division of the same enterprise",
  fields: divisionFields,
  inputTypes: {
    create: "A new division of an enterprise.",
    update: "Changes to a division: only the fields given change.",
  },
  rules: divisionRules,
  descriptions: {
    create: "Adds a division to an enterprise. Its editors and administrators.",
    owner: "The enterprise the division belongs to.",
    createInput: "The new division.",
    update: "Changes a division. Its enterprise's editors and administrators; `version` must be the one you read.",
    archive: "Archives a division: it stays, marked ARCHIVED, so programs naming it stay valid. Its enterprise's editors and administrators.",
  },
});
