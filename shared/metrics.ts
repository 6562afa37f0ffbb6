/**
 * Prometheus metrics (prom-client), one registry per service, served at
 * `/metrics` next to `/health`. Every service counts its GraphQL requests the
 * same way; the gateway adds subgraph fetch times (gateway/metrics.ts), a
 * subgraph its database pool and statements (shared/database/metrics.ts).
 */
import type { Express } from "express";
import { onlyMethods } from "./http/server";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface ServiceMetrics {
  registry: Registry;
  /** HTTP requests to /graphql, rejected ones included, by operation name and status code. */
  requests: Counter<"operation" | "status">;
  /** Errors in answers (and refusals before GraphQL), by `extensions.code`. */
  errors: Counter<"code">;
  /** Time from request to response, by operation name. */
  duration: Histogram<"operation">;
}

/** Seconds; from a cached lookup to a page of a thousand with its parties. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  // In `npm start` several services share one process; the label tells their series apart.
  registry.setDefaultLabels({ service });
  return {
    registry,
    requests: new Counter({
      name: "partnergraph_http_requests_total",
      help: "GraphQL HTTP requests, by operation name and HTTP status.",
      labelNames: ["operation", "status"] as const,
      registers: [registry],
    }),
    errors: new Counter({
      name: "partnergraph_graphql_errors_total",
      help: "Errors returned to callers, by extensions.code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "partnergraph_request_duration_seconds",
      help: "Time to answer a GraphQL request, by operation name.",
      labelNames: ["operation"] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
  };
}

/**
 * Process figures (CPU, memory, event loop lag, GC): once per process, by the
 * entry point, since they describe the process rather than one service in it.
 */
export function collectProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
}

/** `/metrics` in the Prometheus text format; open like /health, it carries no data of the graph. */
export function metricsRoute(app: Express, registry: Registry): void {
  app.get("/metrics", async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.all("/metrics", onlyMethods("GET", "HEAD"));
}

const MAX_OPERATION_NAMES = 200;

/**
 * Operation names become label values, and clients choose them: past a few
 * hundred distinct names the rest are counted as "other", so a client that
 * invents names cannot make the metrics grow without bound.
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  label(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_OPERATION_NAMES) return "other";
    this.seen.add(name);
    return name;
  }
}
