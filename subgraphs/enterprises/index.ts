/** The enterprises subgraph: enterprises and their divisions, in PostgreSQL schema "enterprises". */
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { referenceResolvers } from "./entities/references";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { DivisionResolver } from "./resolvers/division.resolver";
import { EnterpriseResolver } from "./resolvers/enterprise.resolver";
import { seed } from "./seed";

export const enterprises: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "enterprises",
  entities: [Enterprise, Division],
  migrations,
  resolvers: [EnterpriseResolver, DivisionResolver],
  referenceResolvers,
  createLoaders,
  seed,
};
