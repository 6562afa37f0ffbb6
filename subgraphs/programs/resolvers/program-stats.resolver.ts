import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Directive, Info, Query, Resolver } from "type-graphql";
import { selectedFields } from "../../../shared/graphql/selection";
import type { ProgramsContext } from "../context";
import { programStats } from "../sql/program-stats";
import { ProgramStatsBucket, ProgramStatsGrouping } from "../types/program-stats";
import { checkProgramFilter } from "../fields";
import { ProgramFilter } from "./filters";
import { AGGREGATE_WEIGHT, LARGEST_GROUPING } from "./aggregate-cost";

const ACTIVITY_FIELDS = ["activityCount", "plannedParticipants", "actualParticipants"];

@Resolver()
export class ProgramStatsResolver {
  @Query(() => [ProgramStatsBucket], { description: "Counts and sums over the programs matching `filter`, grouped: how many programs of each kind, per year signed, per country... One statement." })
  // What the gateway's cost estimate counts (gateway/limits/measure.ts): a scan of the programs, then one bucket per group (countries, the most numerous, ~250).
  @Directive(`@cost(weight: ${AGGREGATE_WEIGHT})`)
  @Directive(`@listSize(assumedSize: ${LARGEST_GROUPING})`)
  async programStats(
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs to count." }) filter: ProgramFilter | null,
    @Arg("groupBy", () => ProgramStatsGrouping, { description: "What to group them by." }) groupBy: ProgramStatsGrouping,
    @Ctx() context: ProgramsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProgramStatsBucket[]> {
    // Activities are summed only when a client asks for their figures: it is most of the cost.
    const selected = selectedFields(info);
    const withActivities = ACTIVITY_FIELDS.some((field) => selected.has(field));
    const checked = filter && checkProgramFilter(filter);
    // Under the aggregates' own concurrency limit: cheap reads keep their pool connections.
    return context.aggregates.run(() => programStats(context.dataSource, checked, groupBy, withActivities));
  }
}
