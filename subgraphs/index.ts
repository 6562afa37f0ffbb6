/** The three subgraphs by name, for the code that starts, composes or migrates all of them. */
import type { SubgraphName } from "../shared/config";
import type { SubgraphDefinition } from "../shared/subgraph/definition";
import { enterprises } from "./enterprises";
import { programs } from "./programs";
import { universities } from "./universities";

export const subgraphs: Record<SubgraphName, SubgraphDefinition> = { enterprises, universities, programs };
