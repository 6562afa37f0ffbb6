/**
 * Runs one of the dashboard's operations through the gateway's own Apollo
 * Server, in process: the same plugins (limits, logging, metrics) and the
 * same subgraph calls as a POST to /graphql, for the caller the request
 * authenticated as.
 */
import type { ApolloServer } from "@apollo/server";
import type { Request, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../../shared/logger";
import type { RequestTracking } from "../../shared/http/request-tracking";
import { createGatewayContext, principalOf, type GatewayContext } from "../context";
import type { CacheTicket } from "../response-cache/store";

export interface OperationResult {
  /** The HTTP status a GraphQL-over-HTTP server would answer with. */
  status: number;
  data?: Record<string, any> | null;
  errors?: readonly GraphQLFormattedError[];
}

export type ExecuteOperation = (
  req: Request,
  res: Response,
  query: string,
  variables: Record<string, unknown>,
  /** `ticket`: the response cache's, when the answer may be kept (persisted GETs); a longer subgraph deadline for this operation (an import's). */
  options?: { ticket?: CacheTicket; subgraphTimeoutMs?: number },
) => Promise<OperationResult>;

export function inProcessExecutor(server: ApolloServer<GatewayContext>, tracking: RequestTracking, logger: Logger): ExecuteOperation {
  return async (req, res, query, variables, { ticket, subgraphTimeoutMs } = {}) => {
    const contextValue = tracking.track({ ...createGatewayContext(req.headers, logger, principalOf(res)), responseCache: ticket, subgraphTimeoutMs }, res);
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("a dashboard operation answered incrementally");
    const { data, errors } = response.body.singleResult;
    return { status: response.http.status ?? (data ? 200 : 400), data: data as OperationResult["data"], errors };
  };
}
