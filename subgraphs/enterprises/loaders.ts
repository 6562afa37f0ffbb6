/** The DataLoaders of one request to the enterprises subgraph. */
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "../../shared/subgraph/context";
import { loaderByParent, loaderByUnique } from "../../shared/graphql/dataloaders";
import { Contact } from "./entities/contact";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { EnterpriseName } from "./entities/enterprise-name";

export function createLoaders(dataSource: DataSource) {
  return {
    enterprise: {
      byId: loaderByUnique(dataSource, Enterprise),
      bySlug: loaderByUnique(dataSource, Enterprise, "slug"),
    },
    division: {
      byId: loaderByUnique(dataSource, Division),
      bySlug: loaderByUnique(dataSource, Division, "slug"),
    },
    contact: { byId: loaderByUnique(dataSource, Contact) },
    namesByEnterprise: loaderByParent(dataSource, EnterpriseName, "enterpriseId", [{ property: "lang" }, { property: "kind" }, { property: "value" }]),
    divisionsByEnterprise: loaderByParent(dataSource, Division, "enterpriseId", [{ property: "name" }]),
    divisionsByParent: loaderByParent(dataSource, Division, "parentId", [{ property: "name" }]),
    contactsByEnterprise: loaderByParent(dataSource, Contact, "enterpriseId", [{ property: "name" }]),
    contactsByDivision: loaderByParent(dataSource, Contact, "divisionId", [{ property: "name" }]),
  };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
