/**
 * One JSON log line and one set of metrics per GraphQL HTTP request, on the
 * gateway and on every subgraph alike. The request id comes from the caller's
 * `x-request-id` (the gateway passes its own on to the subgraphs) or is minted
 * here, and is echoed in the response, so one client request can be followed
 * across services by grepping for it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { RequestHandler, Response } from "express";
import { REQUEST_ID_HEADER, requestIdFrom } from "../subgraph/context";
import { isDatabaseUnavailable, isUnexpectedError } from "../graphql/errors";
import type { Logger } from "../logger";
import { OperationNames, type ServiceMetrics } from "../metrics";

/** What the log line and the metrics learn about one request while it is handled. */
export interface RequestRecord {
  requestId: string;
  operationName?: string;
  errorCodes: string[];
}

const RECORD = "partnergraphRequest";
/**
 * The record rides along in the GraphQL context under a symbol, so the
 * contexts' own types need no field for it. (Apollo hands plugins a shallow
 * copy of the context, so it must be a property, not a lookup by identity.)
 */
const CONTEXT_KEY = Symbol("partnergraph.requestRecord");

/** The record of the request this response answers, if it came through the tracking middleware. */
export function requestRecord(res: Response): RequestRecord | undefined {
  return res.locals[RECORD] as RequestRecord | undefined;
}

export interface RequestTracking {
  /** First on /graphql: settles the request id, and when the response is done writes the log line and metrics. */
  middleware: RequestHandler;
  /** Called by the context function: lets the Apollo plugin find the HTTP request's record from the GraphQL context. */
  track<Context extends object>(context: Context, res: Response): Context;
  /** Fills in the operation name and error codes; logs unexpected errors with the request's logger (and so its id). */
  plugin: ApolloServerPlugin<{ logger: Logger }>;
}

export function createRequestTracking(metrics: ServiceMetrics, logger: Logger): RequestTracking {
  const operationNames = new OperationNames();

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // Whoever reads the header later (the GraphQL context) sees the same id, minted or not.
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const record: RequestRecord = { requestId, errorCodes: [] };
    res.locals[RECORD] = record;
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const operation = operationNames.label(record.operationName);
      metrics.requests.inc({ operation, status: String(res.statusCode) });
      metrics.duration.observe({ operation }, seconds);
      for (const code of record.errorCodes) metrics.errors.inc({ code });
      logger.info(
        {
          requestId,
          method: req.method,
          operation: record.operationName ?? null,
          status: res.statusCode,
          durationMs: Math.round(seconds * 10_000) / 10,
          ...(record.errorCodes.length ? { errors: record.errorCodes } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
    next();
  };

  const plugin: ApolloServerPlugin<{ logger: Logger }> = {
    async requestDidStart({ contextValue }) {
      const record = (contextValue as Record<symbol, RequestRecord | undefined>)[CONTEXT_KEY];
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isUnexpectedError(error)) {
              contextValue.logger.error({ err: rootError(error), path: error.path }, "unexpected error");
            } else if (isDatabaseUnavailable(error)) {
              // Expected while PostgreSQL restarts (and /ready says so): one line, no stack.
              contextValue.logger.warn({ reason: (rootError(error) as Error).message, path: error.path }, "database unavailable");
            }
          }
        },
        async willSendResponse({ operationName, request, response }) {
          if (!record) return;
          record.operationName = operationName ?? request.operationName ?? undefined;
          if (response.body.kind === "single") {
            for (const error of response.body.singleResult.errors ?? []) record.errorCodes.push(String(error.extensions?.code));
          }
        },
      };
    },
  };

  return {
    middleware,
    plugin,
    track(context, res) {
      const record = requestRecord(res);
      if (record) (context as Record<symbol, RequestRecord>)[CONTEXT_KEY] = record;
      return context;
    },
  };
}

function rootError(error: GraphQLError): unknown {
  return error.originalError ?? error;
}
