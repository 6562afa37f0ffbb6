/** The DataLoaders of one request to the universities subgraph. */
import type { DataSource } from "typeorm";
import { loaderByParent } from "../../shared/graphql/dataloaders";
import { Department } from "./entities/department";
import { Person } from "./entities/person";
import { University } from "./entities/university";
import { UniversityName } from "./entities/university-name";

export function createLoaders(dataSource: DataSource) {
  return {
    namesByUniversity: loaderByParent(dataSource, UniversityName, "universityId", [{ property: "lang" }, { property: "kind" }, { property: "value" }]),
    branchesByUniversity: loaderByParent(dataSource, University, "parentId", [{ property: "name" }]),
    departmentsByUniversity: loaderByParent(dataSource, Department, "universityId", [{ property: "name" }]),
    departmentsByParent: loaderByParent(dataSource, Department, "parentId", [{ property: "name" }]),
    peopleByUniversity: loaderByParent(dataSource, Person, "universityId", [{ property: "name" }]),
    peopleByDepartment: loaderByParent(dataSource, Person, "departmentId", [{ property: "name" }]),
  };
}
