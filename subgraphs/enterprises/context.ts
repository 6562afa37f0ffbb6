/** What every resolver of the enterprises subgraph receives: the shared context with this subgraph's DataLoaders. */
import type { SubgraphContext } from "../../shared/subgraph/context";
import type { createLoaders } from "./loaders";

export type EnterprisesLoaders = ReturnType<typeof createLoaders>;

export type EnterprisesContext = SubgraphContext<EnterprisesLoaders>;
