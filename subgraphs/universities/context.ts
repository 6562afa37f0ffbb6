/** What every resolver of the universities subgraph receives: the shared context with this subgraph's DataLoaders. */
import type { SubgraphContext } from "../../shared/subgraph/context";
import type { createLoaders } from "./loaders";

export type UniversitiesLoaders = ReturnType<typeof createLoaders>;

export type UniversitiesContext = SubgraphContext<UniversitiesLoaders>;
