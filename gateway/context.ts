/** What the gateway knows about one client request, and what it forwards to the subgraphs. */
import type { IncomingHttpHeaders } from "node:http";
import type { Response } from "express";
import { signIdentity, type BoundRequest } from "../shared/auth/internal-identity";
import type { Principal } from "../shared/auth/principal";
import { REQUEST_ID_HEADER, requestIdFrom } from "../shared/subgraph/context";
import type { Logger } from "../shared/logger";
import type { CacheTicket } from "./response-cache/store";

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** The verified caller (anonymous when the gateway allows that). */
  principal?: Principal;
  /** Set when the answer may go into the response cache (response-cache/); the plugin and the data sources fill it in. */
  responseCache?: CacheTicket;
  /** A longer deadline for this request's subgraph fetches than SUBGRAPH_TIMEOUT_MS (an import's: IMPORT_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
}

/** Set by the authentication middleware before anything else reads the request. */
export function principalOf(res: Response): Principal | undefined {
  return res.locals.principal as Principal | undefined;
}

export function createGatewayContext(headers: IncomingHttpHeaders, logger: Logger, principal: Principal | undefined): GatewayContext {
  const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
  return { requestId, logger: logger.child({ requestId }), principal };
}

/** The gateway's own calls (readiness probes) speak for the gateway itself. */
const GATEWAY: Principal = { role: "service", subject: "service:gateway" };

export type SubgraphHeaders = (context: Partial<GatewayContext> | undefined, request: BoundRequest) => Record<string, string>;

/**
 * Headers every subgraph call carries, whether it goes over HTTP or stays in
 * process: the request id and the caller, signed with the deployment's secret
 * for this one request to this one subgraph.
 */
export function subgraphHeadersSignedWith(internalSecret: string): SubgraphHeaders {
  return (context, request) => ({
    ...(context?.requestId ? { [REQUEST_ID_HEADER]: context.requestId } : {}),
    ...signIdentity(context?.principal ?? GATEWAY, internalSecret, request),
  });
}
