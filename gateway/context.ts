/** What the gateway knows about one client request, and what it forwards to the subgraphs. */
import type { IncomingHttpHeaders } from "node:http";
import { REQUEST_ID_HEADER, requestIdFrom } from "../shared/context";
import type { Logger } from "../shared/logger";

export interface GatewayContext {
  requestId: string;
  logger: Logger;
}

export function createGatewayContext(headers: IncomingHttpHeaders, logger: Logger): GatewayContext {
  const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
  return { requestId, logger: logger.child({ requestId }) };
}

/** Headers every subgraph call carries, whether it goes over HTTP or stays in process. */
export function subgraphHeaders(context: Partial<GatewayContext> | undefined): Record<string, string> {
  return context?.requestId ? { [REQUEST_ID_HEADER]: context.requestId } : {};
}
