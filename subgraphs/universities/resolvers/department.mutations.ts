import { unitMutations } from "../../../shared/records/unit-mutations";
import { Department } from "../entities/department";
import { departmentFields, departmentRules } from "../fields";
import { UNIVERSITY_OWNS } from "../checks/university-owner";

export const DepartmentMutations = unitMutations({
  entity: Department,
  typeName: "Department",
  owner: UNIVERSITY_OWNS,
  table: "department",
  sameOwnerNoun: "unit of the same university",
  fields: departmentFields,
  inputTypes: {
    create: "A new faculty, department or laboratory of a university.",
    update: "Changes to a department: only the fields given change.",
  },
  rules: departmentRules,
  descriptions: {
    create: "Adds a faculty, department or laboratory to a university. Its editors and administrators.",
    owner: "The university the unit belongs to.",
    createInput: "The new unit.",
    update: "Changes a department. Its university's editors and administrators; `version` must be the one you read.",
    archive: "Archives a department: it stays, marked ARCHIVED, so programs naming it stay valid. Its university's editors and administrators.",
  },
});
