/** The universities subgraph: universities, branches and departments, in PostgreSQL schema "universities". */
import { FieldOfEducationListResolver } from "../../shared/code-lists/resolvers";
import { AuditEntry } from "../../shared/audit/audit-entry";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Department } from "./entities/department";
import { Person } from "./entities/person";
import { referenceResolvers } from "./entities/references";
import { University } from "./entities/university";
import { UniversityName } from "./entities/university-name";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { DepartmentResolver } from "./resolvers/department.resolver";
import { HonourResolver, PersonResolver } from "./resolvers/person.resolver";
import { UniversityResolver } from "./resolvers/university.resolver";
import { seed } from "./seed";

export const universities: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "universities",
  entities: [University, UniversityName, Department, Person, AuditEntry],
  migrations,
  resolvers: [UniversityResolver, DepartmentResolver, PersonResolver, HonourResolver, FieldOfEducationListResolver],
  referenceResolvers,
  createLoaders,
  seed,
};
