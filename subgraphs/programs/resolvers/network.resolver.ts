import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../shared/graphql/errors";
import type { ProgramsContext } from "../context";
import { cooperationNetwork } from "../sql/cooperation-network";
import { CooperationNetwork } from "../types/cooperation-network";
import { checkProgramFilter } from "../fields";
import { ProgramFilter } from "./filters";
import { AGGREGATE_WEIGHT } from "./aggregate-cost";

const MAX_EDGES = 10_000;

@Resolver()
export class NetworkResolver {
  @Query(() => CooperationNetwork, { description: "Who cooperates with whom among the programs matching `filter`: institutions and the programs they share, for a network chart. One statement, whatever the size." })
  // What the gateway's cost estimate counts (gateway/limits/measure.ts): a scan of the programs, then up to `maxEdges` edges and twice as many nodes.
  @Directive(`@cost(weight: ${AGGREGATE_WEIGHT})`)
  @Directive(`@listSize(slicingArguments: ["maxEdges"], sizedFields: ["nodes", "edges"], requireOneSlicingArgument: false, assumedSize: 1000)`)
  async cooperationNetwork(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs make up the network." }) filter: ProgramFilter | null,
    @Arg("maxEdges", () => Int, { nullable: true, defaultValue: 1000, description: `At most this many edges, heaviest first (1 to ${MAX_EDGES}).` }) maxEdges: number,
    @Ctx() context: ProgramsContext,
  ): Promise<CooperationNetwork> {
    if (!Number.isInteger(maxEdges) || maxEdges < 1 || maxEdges > MAX_EDGES) {
      throw badUserInput(`maxEdges must be a whole number from 1 to ${MAX_EDGES}, got ${maxEdges}`, "maxEdges");
    }
    const checked = filter && checkProgramFilter(filter);
    // Under the aggregates' own concurrency limit: cheap reads keep their pool connections.
    return context.aggregates.run(() => cooperationNetwork(context.dataSource, checked, maxEdges));
  }
}
