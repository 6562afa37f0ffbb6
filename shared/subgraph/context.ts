/** What every resolver of every subgraph receives as its context. */
import type { DataSource } from "typeorm";
import type { Access } from "../auth/access";
import type { RecordLookup } from "../graphql/dataloaders";
import type { Bulkhead } from "./bulkhead";
import type { PeerClient } from "./peers";
import type { Logger } from "../logger";

// Kept here for the code that reads them beside the context; they live in request-id.ts, which peers.ts can import without a cycle.
export { REQUEST_ID_HEADER, requestIdFrom } from "../http/request-id";

export interface SubgraphContext<Loaders = unknown> {
  /** Follows one client request across the gateway and the subgraphs it calls. */
  requestId: string;
  /** Fresh per request, so a cached row never leaks into another request. */
  loaders: Loaders;
  /** Any record by id (or slug), batched like the loaders and as fresh. */
  lookup: RecordLookup;
  dataSource: DataSource;
  logger: Logger;
  /** What the caller may read and write. */
  access: Access;
  /** The other subgraphs, for checking references before storing them. */
  peers: PeerClient;
  /** Where heavy aggregates run, under a concurrency limit of their own (AGGREGATE_CONCURRENCY). */
  aggregates: Bulkhead;
  /** The largest page a list serves (QUERY_MAX_LIST_SIZE, which the gateway enforces too). */
  maxPageSize: number;
  /** WEBHOOK_LOCAL_DESTINATIONS: webhook URLs may be http and point at loopback or private addresses. */
  webhookLocalDestinations: boolean;
}
