/** A subgraph's database in its /metrics: connections of its pool and SQL statements sent. */
import { Counter, Gauge, type Registry } from "prom-client";
import type { SubgraphDataSource } from "./data-source";

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** node-postgres' Pool behind TypeORM's driver; absent before initialize() and after destroy(). */
function poolOf(dataSource: SubgraphDataSource): PoolCounts | undefined {
  return (dataSource.driver as unknown as { master?: PoolCounts }).master;
}

export function registerDatabaseMetrics(registry: Registry, dataSource: SubgraphDataSource): void {
  new Gauge({
    name: "partnergraph_db_pool_connections",
    help: "Connections of the subgraph's pool: total open, idle, and callers waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = poolOf(dataSource);
      this.set({ state: "total" }, pool?.totalCount ?? 0);
      this.set({ state: "idle" }, pool?.idleCount ?? 0);
      this.set({ state: "waiting" }, pool?.waitingCount ?? 0);
    },
  });
  new Counter({
    name: "partnergraph_db_statements_total",
    help: "SQL statements the subgraph has sent since it started (benchmarks read it to count statements per request).",
    registers: [registry],
    collect() {
      // The DataSource keeps the count (shared/database/data-source.ts); the counter mirrors it.
      this.reset();
      this.inc(dataSource.statements.count);
    },
  });
}
