/** What every resolver of the programs subgraph receives: the shared context with this subgraph's DataLoaders. */
import type { SubgraphContext } from "../../shared/subgraph/context";
import type { createLoaders } from "./loaders";

export type ProgramsLoaders = ReturnType<typeof createLoaders>;

export type ProgramsContext = SubgraphContext<ProgramsLoaders>;
