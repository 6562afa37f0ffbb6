/**
 * The one way a subgraph is served: its federated schema in an ApolloServer,
 * a fresh context (DataLoaders) per request, errors carrying codes, and an
 * HTTP app with /graphql, /health, /ready and /metrics. The gateway may also
 * call `execute` in process; both paths build the context the same way.
 */
import { ApolloServer, type GraphQLRequest } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import express, { type Express } from "express";
import type { FormattedExecutionResult, GraphQLSchema } from "graphql";
import { GraphQLError } from "graphql";
import { accessFor } from "../auth/access";
import { createIdentityVerifier, IdentityError, type BoundRequest } from "../auth/internal-identity";
import type { PeerClient } from "./peers";
import type { Bulkhead } from "./bulkhead";
import { runCancellable } from "../database/request-cancellation";
import { REQUEST_ID_HEADER, requestIdFrom, type SubgraphContext } from "./context";
import type { SubgraphDataSource } from "../database/data-source";
import { registerDatabaseMetrics } from "../database/metrics";
import { ErrorCode, formatError } from "../graphql/errors";
import { createApp, healthRoutes, jsonErrorHandler, noStore, notFoundHandler, type ReadinessCheck } from "../http/server";
import type { Logger } from "../logger";
import { createServiceMetrics, metricsRoute, type ServiceMetrics } from "../metrics";
import { KnownOperationTypes } from "../graphql/operation-types";
import { createRequestTracking } from "../http/request-tracking";
import type { SubgraphDefinition } from "./definition";
import { buildFederatedSchema } from "./schema";
import { recordLookup } from "../graphql/dataloaders";

export type HeaderMap = Record<string, string | string[] | undefined>;

/** The request a signed identity must be bound to: its HTTP method and the GraphQL request in its body. */
export type ReceivedRequest = Omit<BoundRequest, "audience">;

export interface Subgraph {
  name: string;
  schema: GraphQLSchema;
  server: ApolloServer<SubgraphContext>;
  dataSource: SubgraphDataSource;
  app: Express;
  /** What /metrics serves; the entry point adds process figures when the subgraph has a process of its own. */
  metrics: ServiceMetrics;
  /** What its /ready reports: the database answers and no migration is pending. */
  readiness: ReadinessCheck;
  createContext(headers: HeaderMap, request: ReceivedRequest): Promise<SubgraphContext>;
  /**
   * Runs one operation in process, as if it had arrived over HTTP (POST) with these headers;
   * when `signal` fires (the caller gave up), its statements are cancelled in PostgreSQL.
   */
  execute(request: GraphQLRequest, headers: HeaderMap, signal?: AbortSignal): Promise<FormattedExecutionResult>;
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  maxBodyBytes: number;
  /** Verifies the signed identity every request must carry (INTERNAL_SECRET). */
  internalSecret: string;
  peers: PeerClient;
  /** The largest page a list serves (QUERY_MAX_LIST_SIZE). */
  maxPageSize: number;
  /** Where heavy aggregates run (AGGREGATE_CONCURRENCY, AGGREGATE_QUEUE_SIZE). */
  aggregates: Bulkhead;
  /** WEBHOOK_LOCAL_DESTINATIONS (off when not given). */
  webhookLocalDestinations?: boolean;
}

/** What a body holds of a GraphQL request; anything else (a GET, a list) binds to nothing a signer signs. */
function receivedRequest(method: string, body: unknown): ReceivedRequest {
  const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { method, query: fields.query, operationName: fields.operationName, variables: fields.variables };
}

/**
 * How long /ready waits for PostgreSQL. A server that hangs (rather than
 * refusing connections) would otherwise hold the probe open indefinitely.
 */
const READINESS_DEADLINE_MS = 3000;

class DeadlineError extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export async function createSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  dataSource: SubgraphDataSource,
  logger: Logger,
  { maxBodyBytes, internalSecret, peers, maxPageSize, aggregates, webhookLocalDestinations = false }: SubgraphServerOptions,
): Promise<Subgraph> {
  const schema = await buildFederatedSchema(definition);
  const metrics = createServiceMetrics(definition.name);
  registerDatabaseMetrics(metrics.registry, dataSource);
  const tracking = createRequestTracking(metrics, logger);
  const server = new ApolloServer<SubgraphContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (shared/lifecycle.ts): Apollo's own signal handlers would race it and hang.
    stopOnTerminationSignals: false,
    validationRules: [KnownOperationTypes],
    // No Apollo Studio traces and no HTTP cache hints: either would wrap every field's resolver.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), tracking.plugin],
  });
  await server.start();

  /**
   * Only callers holding the deployment's secret (the gateway, the other subgraphs) are believed,
   * and only for the one request they signed for this subgraph (see internal-identity.ts).
   */
  const verifyIdentity = createIdentityVerifier(internalSecret, definition.name);
  const createContext = async (headers: HeaderMap, request: ReceivedRequest): Promise<SubgraphContext> => {
    const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
    let access;
    try {
      access = accessFor(verifyIdentity(headers, request));
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      logger.warn({ requestId, reason: error.message }, "refused a request without a valid signed identity");
      throw new GraphQLError("This service answers only the PartnerGraph gateway: send your request to the gateway.", {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    const lookup = recordLookup(dataSource);
    return { requestId, loaders: definition.createLoaders(dataSource, lookup), lookup, dataSource, logger: logger.child({ requestId }), access, peers, maxPageSize, aggregates, webhookLocalDestinations };
  };

  const readiness: ReadinessCheck = async () => {
    const checks: Record<string, string> = {};
    try {
      await withDeadline(dataSource.query("SELECT 1"), READINESS_DEADLINE_MS);
      checks.database = "ok";
      checks.migrations = (await dataSource.showMigrations()) ? "pending" : "ok";
    } catch (error) {
      checks.database = error instanceof DeadlineError ? "not answering" : "unreachable";
    }
    return { ready: checks.database === "ok" && checks.migrations === "ok", checks };
  };
  const app = createApp();
  healthRoutes(app, readiness);
  metricsRoute(app, metrics.registry);
  app.use(
    "/graphql",
    noStore,
    tracking.middleware,
    express.json({ limit: maxBodyBytes }),
    // After the body is read (its stream events would leave the request's async context): a caller that
    // closes the connection before the answer (the gateway at SUBGRAPH_TIMEOUT_MS) has its statements cancelled.
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const abandoned = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) abandoned.abort();
      });
      runCancellable(abandoned.signal, next);
    },
    expressMiddleware(server, { context: async ({ req, res }) => tracking.track(await createContext(req.headers, receivedRequest(req.method, req.body)), res) }),
  );
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(logger));

  return {
    name: definition.name,
    schema,
    server,
    dataSource,
    app,
    metrics,
    readiness,
    createContext,
    execute: (request, headers, signal) => runCancellable(signal ?? new AbortController().signal, async () => {
      let contextValue: SubgraphContext;
      try {
        contextValue = await createContext(headers, { method: "POST", query: request.query, operationName: request.operationName, variables: request.variables });
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [formatError(error.toJSON(), error)] };
        throw error;
      }
      const response = await server.executeOperation(request, { contextValue });
      if (response.body.kind !== "single") throw new Error("incremental delivery is not used between gateway and subgraphs");
      return response.body.singleResult;
    }),
    stop: () => server.stop(),
  };
}
