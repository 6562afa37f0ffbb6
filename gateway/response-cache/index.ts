/**
 * The gateway's exact response cache, assembled: the store (store.ts), the
 * connections that hear of writes (change-listener.ts), the HTTP edge
 * (http.ts), the Apollo plugin (plugin.ts) and the data source wrapper that
 * notes what each answer depends on (recording-data-source.ts).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Registry } from "prom-client";
import type { ResponseCacheConfig } from "../../shared/config";
import type { Logger } from "../../shared/logger";
import { peersOf } from "../../shared/subgraph/registry";
import type { GatewayContext } from "../context";
import { responseCacheMetrics } from "../metrics";
import { listenForChanges, type ListenOptions } from "./change-listener";
import { httpResponseCache, type HttpResponseCache } from "./http";
import { responseCachePlugin } from "./plugin";
import { ResponseCache } from "./store";

export interface GatewayResponseCache {
  store: ResponseCache;
  http: HttpResponseCache;
  plugin: ApolloServerPlugin<GatewayContext>;
  stop(): Promise<void>;
}

/** None when it is switched off (RESPONSE_CACHE_MAX_BYTES=0) or nothing says where writes can be heard of. */
export function createResponseCache(
  config: { maxBytes: number; databaseUrls: ResponseCacheConfig["databaseUrls"] } & ListenOptions,
  registry: Registry,
  logger: Logger,
): GatewayResponseCache | undefined {
  if (config.maxBytes <= 0) return undefined;
  if (!config.databaseUrls?.length) {
    logger.info("response cache off: set RESPONSE_CACHE_DATABASE_URL to the databases the subgraphs write to");
    return undefined;
  }
  const metrics = responseCacheMetrics(registry);
  const store = new ResponseCache(config.maxBytes, (subgraph) => peersOf(subgraph), metrics);
  const listener = listenForChanges(config.databaseUrls, store, logger, config);
  return { store, http: httpResponseCache(store, () => listener.confirm(), metrics), plugin: responseCachePlugin(store), stop: () => listener.stop() };
}
