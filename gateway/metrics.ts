/** The gateway's own figures besides the shared request metrics: how long each subgraph takes to answer, and its response cache. */
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
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

/** What the response cache (response-cache/) does: hit rate, why answers went, how full it is, whether it listens. */
export interface ResponseCacheMetrics {
  lookups: Counter<"result">;
  invalidations: Counter<"cause">;
  evictions: Counter;
  entries: Gauge;
  bytes: Gauge;
  listening: Gauge;
}

export function responseCacheMetrics(registry: Registry): ResponseCacheMetrics {
  const prefix = "partnergraph_response_cache";
  return {
    lookups: new Counter({
      name: `${prefix}_lookups_total`,
      help: "Reads the response cache was asked for: hit (answered from memory), miss (computed, and kept if nothing changed meanwhile), off (not listening for writes).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    invalidations: new Counter({
      name: `${prefix}_invalidations_total`,
      help: "Times answers were dropped: cause is the subgraph that committed a write, mutation (one through this gateway), listening lost, or clock (a new quarter hour).",
      labelNames: ["cause"] as const,
      registers: [registry],
    }),
    evictions: new Counter({ name: `${prefix}_evictions_total`, help: "Answers dropped to stay within RESPONSE_CACHE_MAX_BYTES, least recently used first.", registers: [registry] }),
    entries: new Gauge({ name: `${prefix}_entries`, help: "Answers in the response cache.", registers: [registry] }),
    bytes: new Gauge({ name: `${prefix}_bytes`, help: "Bytes the response cache holds (bodies, keys and bookkeeping), at most RESPONSE_CACHE_MAX_BYTES.", registers: [registry] }),
    listening: new Gauge({ name: `${prefix}_listening`, help: "1 while the gateway listens for writes on every database (the cache is on), else 0.", registers: [registry] }),
  };
}
