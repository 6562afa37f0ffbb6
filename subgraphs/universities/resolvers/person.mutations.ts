import { memberMutations } from "../../../shared/records/member-mutations";
import { Person } from "../entities/person";
import { personFields, personRules } from "../fields";
import { UNIVERSITY_OWNS } from "../checks/university-owner";

export const PersonMutations = memberMutations({
  entity: Person,
  typeName: "Person",
  owner: UNIVERSITY_OWNS,
  unit: { field: "departmentId", table: "department", sameOwnerNoun: "unit of the same university" },
  fields: personFields,
  inputTypes: {
    create: "A new person of a university.",
    update: "Changes to a person: only the fields given change.",
  },
  rules: personRules,
  descriptions: {
    create: "Adds a person to a university. Its editors and administrators.",
    owner: "The university.",
    createInput: "The new person.",
    update: "Changes a person. Their university's editors and administrators; `version` must be the one you read.",
    delete: "Deletes a person (their audit entry keeps what was known). Their university's editors and administrators.",
  },
});
