/** The gateway's own figure besides the shared request metrics: how long each subgraph takes to answer. */
import { Histogram, type Registry } from "prom-client";
import { DURATION_BUCKETS } from "../shared/metrics";

export type SubgraphFetchHistogram = Histogram<"subgraph" | "outcome">;

export function subgraphFetchHistogram(registry: Registry): SubgraphFetchHistogram {
  return new Histogram({
    name: "partnergraph_subgraph_fetch_duration_seconds",
    help: "Time for one subgraph fetch of a query plan, over HTTP or in process; outcome is error when no answer came.",
    labelNames: ["subgraph", "outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
}
