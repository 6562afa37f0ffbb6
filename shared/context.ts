/** What every resolver of every subgraph receives as its context. */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Access } from "./access";
import type { PeerClient } from "./peers";
import type { Logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";

export interface SubgraphContext<Loaders = unknown> {
  /** Follows one client request across the gateway and the subgraphs it calls. */
  requestId: string;
  /** Fresh per request, so a cached row never leaks into another request. */
  loaders: Loaders;
  dataSource: DataSource;
  logger: Logger;
  /** What the caller may read and write. */
  access: Access;
  /** The other subgraphs, for checking references before storing them. */
  peers: PeerClient;
  /** The largest page a list serves (QUERY_MAX_LIST_SIZE, which the gateway enforces too). */
  maxPageSize: number;
}

/** Accepts a caller's request id only if it looks like one, else mints a new one. */
export function requestIdFrom(headerValue: string | string[] | undefined | null): string {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return value && /^[\w.:-]{1,100}$/.test(value) ? value : randomUUID();
}
