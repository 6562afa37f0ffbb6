/** The column layouts of a university's own records in an import file: its departments and people (README, "Bulk import"). */
import { EXTERNAL_REF, LIST_SEPARATOR, type ImportLayout } from "../../../shared/import/layout";
import { DepartmentKind } from "../entities/enums";

export const departmentLayout: ImportLayout = {
  name: "departments",
  recordType: "Department",
  subgraph: "universities",
  mutation: "importDepartments",
  description: "One row per faculty, department or laboratory of the importing university, created like createDepartment does; a known externalRef changes it like updateDepartment does.",
  columns: [
    EXTERNAL_REF,
    { name: "slug", description: "Unique, stable identifier: lowercase letters, digits and hyphens (fixed once created).", example: "tashstu-almalyk-mining-faculty", required: true },
    { name: "name", description: "Display name, in any language.", example: "Горный факультет", required: true },
    { name: "kind", description: `What kind of unit: ${Object.values(DepartmentKind).join(", ")}.`, example: "FACULTY", required: true },
    { name: "parent", description: "The unit it sits inside (a faculty, say), if any: its id, slug or externalRef (a row above in the same file included).", example: "" },
    { name: "fieldCodes", description: `ISCED-F codes of its fields of education, separated by \`${LIST_SEPARATOR}\`.`, example: "0724" },
    { name: "description", description: "What it teaches or does.", example: "" },
  ],
};

export const personLayout: ImportLayout = {
  name: "people",
  recordType: "Person",
  subgraph: "universities",
  mutation: "importPeople",
  description: "One row per person (staff or student) of the importing university, created like createPerson does; a known externalRef changes it like updatePerson does. Honours are not imported (updatePerson sets them).",
  columns: [
    EXTERNAL_REF,
    { name: "name", description: "Full name, in any language and script.", example: "Турсунов Шерзод", required: true },
    { name: "position", description: "Position or status, e.g. `Director`, `Student`.", example: "Dean" },
    { name: "academicDegree", description: "Academic degree.", example: "" },
    { name: "department", description: "The faculty or department the person belongs to, if any: its id, slug or externalRef.", example: "tashstu-almalyk-power-engineering-faculty" },
    { name: "originCountryCode", description: "Country the person comes from, ISO 3166-1 alpha-2.", example: "UZ" },
    { name: "email", description: "E-mail address (confidential).", example: "" },
    { name: "phone", description: "Phone number (confidential).", example: "" },
  ],
};
