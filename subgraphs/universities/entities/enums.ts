import { registerEnumType } from "type-graphql";

export enum UniversityKind {
  UNIVERSITY = "UNIVERSITY",
  BRANCH = "BRANCH",
  TECHNICAL_SCHOOL = "TECHNICAL_SCHOOL",
  ACADEMY_OF_SCIENCES = "ACADEMY_OF_SCIENCES",
  RESEARCH_INSTITUTE = "RESEARCH_INSTITUTE",
}
registerEnumType(UniversityKind, {
  name: "UniversityKind",
  description: "What kind of educational or research institution a university record is.",
  valuesConfig: {
    UNIVERSITY: { description: "A university or other higher education institution." },
    BRANCH: { description: "A branch of a university in another city or country (its `parent` is the university)." },
    TECHNICAL_SCHOOL: { description: "A technical school or college training mid-level specialists." },
    ACADEMY_OF_SCIENCES: { description: "A national academy of sciences." },
    RESEARCH_INSTITUTE: { description: "A research institute." },
  },
});

export enum DepartmentKind {
  FACULTY = "FACULTY",
  DEPARTMENT = "DEPARTMENT",
  LABORATORY = "LABORATORY",
  OTHER = "OTHER",
}
registerEnumType(DepartmentKind, {
  name: "DepartmentKind",
  description: "What kind of academic unit a department record is.",
  valuesConfig: {
    FACULTY: { description: "A faculty (school, college) grouping departments." },
    DEPARTMENT: { description: "A department (chair) teaching one discipline." },
    LABORATORY: { description: "A teaching or research laboratory." },
    OTHER: { description: "Any other unit." },
  },
});
