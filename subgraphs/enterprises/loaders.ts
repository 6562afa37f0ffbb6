/** The DataLoaders of one request to the enterprises subgraph. */
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "../../shared/context";
import { loaderByParent, loaderByUnique } from "../../shared/dataloaders";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";

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
    divisionsByEnterprise: loaderByParent(dataSource, Division, "enterpriseId", [{ property: "name" }]),
    divisionsByParent: loaderByParent(dataSource, Division, "parentId", [{ property: "name" }]),
  };
}

export type EnterprisesContext = SubgraphContext<ReturnType<typeof createLoaders>>;
