/** Imports of a university's departments and people, through the same mechanisms as createDepartment/updateDepartment and createPerson/updatePerson. */
import { ownedImporter, type OwnedMutations } from "../../../shared/import/owned-import";
import { UNIVERSITY_OWNS } from "../checks/university-owner";
import { Department } from "../entities/department";
import { Person } from "../entities/person";
import { DepartmentMutations } from "../resolvers/department.mutations";
import { PersonMutations } from "../resolvers/person.mutations";
import { departmentLayout, personLayout } from "./layouts";

const DEPARTMENT = { recordType: "Department", entity: Department, noun: "department" };

export const departmentImporter = ownedImporter({
  layout: departmentLayout,
  entity: Department,
  owner: UNIVERSITY_OWNS,
  mutations: new DepartmentMutations() as unknown as OwnedMutations,
  uniqueColumns: ["slug"],
  fields: [
    { column: "slug", field: "slug", fixed: true },
    { column: "name", field: "name" },
    { column: "kind", field: "kind" },
    { column: "parent", field: "parentId", read: { reference: DEPARTMENT } },
    { column: "fieldCodes", field: "fieldCodes", read: "list" },
    { column: "description", field: "description" },
  ],
});

export const personImporter = ownedImporter({
  layout: personLayout,
  entity: Person,
  owner: UNIVERSITY_OWNS,
  mutations: new PersonMutations() as unknown as OwnedMutations,
  fields: [
    { column: "name", field: "name" },
    { column: "position", field: "position" },
    { column: "academicDegree", field: "academicDegree" },
    { column: "department", field: "departmentId", read: { reference: DEPARTMENT } },
    { column: "originCountryCode", field: "originCountryCode" },
    { column: "email", field: "email" },
    { column: "phone", field: "phone" },
  ],
});
