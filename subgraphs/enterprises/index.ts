/** The enterprises subgraph: enterprises and their divisions, in PostgreSQL schema "enterprises". */
import { CountryListResolver } from "../../shared/code-lists/resolvers";
import type { SubgraphDefinition } from "../../shared/subgraph/definition";
import { Contact } from "./entities/contact";
import { Division } from "./entities/division";
import { Enterprise } from "./entities/enterprise";
import { EnterpriseName } from "./entities/enterprise-name";
import { referenceResolvers } from "./entities/references";
import { createLoaders } from "./loaders";
import { migrations } from "./migrations";
import { ContactResolver } from "./resolvers/contact.resolver";
import { DivisionResolver } from "./resolvers/division.resolver";
import { EnterpriseResolver } from "./resolvers/enterprise.resolver";
import { seed } from "./seed";

export const enterprises: SubgraphDefinition<ReturnType<typeof createLoaders>> = {
  name: "enterprises",
  entities: [Enterprise, EnterpriseName, Division, Contact],
  migrations,
  resolvers: [EnterpriseResolver, DivisionResolver, ContactResolver, CountryListResolver],
  referenceResolvers,
  createLoaders,
  seed,
};
