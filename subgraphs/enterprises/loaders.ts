/** The DataLoaders of one request to the enterprises subgraph. */
import type { DataSource } from "typeorm";
import { loaderByParent } from "../../shared/graphql/dataloaders";
import { Contact } from "./entities/contact";
import { Division } from "./entities/division";
import { EnterpriseName } from "./entities/enterprise-name";

export function createLoaders(dataSource: DataSource) {
  return {
    namesByEnterprise: loaderByParent(dataSource, EnterpriseName, "enterpriseId", [{ property: "lang" }, { property: "kind" }, { property: "value" }]),
    divisionsByEnterprise: loaderByParent(dataSource, Division, "enterpriseId", [{ property: "name" }]),
    divisionsByParent: loaderByParent(dataSource, Division, "parentId", [{ property: "name" }]),
    contactsByEnterprise: loaderByParent(dataSource, Contact, "enterpriseId", [{ property: "name" }]),
    contactsByDivision: loaderByParent(dataSource, Contact, "divisionId", [{ property: "name" }]),
  };
}
