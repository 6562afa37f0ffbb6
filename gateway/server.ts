/**
 * The gateway: Apollo Gateway over a static supergraph, behind an Express app
 * with /graphql, /health, /ready, /metrics and the GraphiQL explorer at
 * /graphiql. It owns no data; every field comes from a subgraph, over HTTP or
 * in process. Requests pass its limits (gateway/limits/) before any subgraph
 * is asked.
 */
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { type Express } from "express";
import type { GraphQLFormattedError } from "graphql";
import { disableVendorTelemetry, readGatewayLimits, type AuthConfig, type GatewayLimits, type ResponseCacheConfig, type SubgraphName } from "../shared/config";
import { formatError } from "../shared/graphql/errors";
import { createApp, healthRoutes, jsonErrorHandler, noStore, notFoundHandler } from "../shared/http/server";
import type { Logger } from "../shared/logger";
import { createServiceMetrics, metricsRoute, type ServiceMetrics } from "../shared/metrics";
import { KnownOperationTypes } from "../shared/graphql/operation-types";
import { createRequestTracking } from "../shared/http/request-tracking";
import type { Subgraph } from "../shared/subgraph/server";
import { authenticate } from "./auth/authenticate-request";
import { checkingInstitutions, type AskSubgraph } from "./auth/institution-check";
import { createAuthenticator } from "./auth/verify-token";
import { createGatewayContext, principalOf, subgraphHeadersSignedWith, type GatewayContext } from "./context";
import { HEALTH_CHECK, HttpSubgraphDataSource, InProcessSubgraphDataSource } from "./data-sources";
import { EntityBatchingDataSource } from "./entity-batching";
import { graphqlHandler } from "./graphql-handler";
import { createResponseCache, type GatewayResponseCache } from "./response-cache";
import { FetchRecordingDataSource } from "./response-cache/recording-data-source";
import type { ListenOptions } from "./response-cache/change-listener";
import { dashboardRoutes } from "./dashboard/routes";
import { inProcessExecutor } from "./dashboard/execute";
import { graphiqlRoutes } from "./graphiql/routes";
import { importRoutes } from "./import/routes";
import { NoIntrospection } from "./introspection";
import { legacyJsonStatusPlugin } from "./legacy-json-status";
import { requireJsonPosts } from "./limits/cross-site";
import { limitTokens, rejectBatches } from "./limits/http-guards";
import { declaredCosts } from "./limits/declared-costs";
import { operationLimitsPlugin } from "./limits/operation-limits";
import { failedAuthentications } from "./limits/failed-authentication";
import { rateLimit } from "./limits/rate-limit";
import { subgraphFetchHistogram } from "./metrics";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Signs the caller's identity for the subgraphs (INTERNAL_SECRET). */
  internalSecret: string;
  /** How bearer tokens are verified and whether anonymous callers may read. */
  auth: AuthConfig;
  /** Where each subgraph listens; overrides the routing URLs inside the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Subgraphs running in this process, called without HTTP. */
  inProcess?: Partial<Record<SubgraphName, Subgraph>>;
  subgraphTimeoutMs: number;
  /** Serve GraphiQL (GRAPHIQL); default true. */
  graphiql?: boolean;
  /** Answer `__schema` and `__type` (INTROSPECTION); default true. */
  introspection?: boolean;
  /** Serve the dashboard, its persisted operations by GET and the exports (DASHBOARD); default true. */
  dashboard?: boolean;
  /** The response cache (RESPONSE_CACHE_*): none without databases to hear of writes on. */
  responseCache?: ResponseCacheConfig & ListenOptions;
  /** Defaults to the defaults of the QUERY_MAX_*, MAX_BODY_BYTES and RATE_LIMIT_* settings. */
  limits?: GatewayLimits;
  logger: Logger;
}

export interface Gateway {
  app: Express;
  server: ApolloServer<GatewayContext>;
  /** What /metrics serves; the entry point adds process figures. */
  metrics: ServiceMetrics;
  /** Present when answers are cached. */
  responseCache?: GatewayResponseCache;
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  disableVendorTelemetry();
  const limits = options.limits ?? readGatewayLimits({});
  const metrics = createServiceMetrics("gateway");
  const fetchHistogram = subgraphFetchHistogram(metrics.registry);
  const tracking = createRequestTracking(metrics, logger);
  const headers = subgraphHeadersSignedWith(options.internalSecret);
  const responseCache = options.responseCache ? createResponseCache(options.responseCache, metrics.registry, logger) : undefined;
  const dataSources = new Map<string, HttpSubgraphDataSource | InProcessSubgraphDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const local = options.inProcess?.[name as SubgraphName];
      const url = options.subgraphUrls[name as SubgraphName];
      if (!local && !url) throw new Error(`The supergraph names a subgraph "${name}" that this gateway does not know.`);
      const dataSource = local
        ? new InProcessSubgraphDataSource(local, options.subgraphTimeoutMs, headers, fetchHistogram)
        : new HttpSubgraphDataSource(name, url, options.subgraphTimeoutMs, headers, fetchHistogram);
      dataSources.set(name, dataSource);
      return new FetchRecordingDataSource(name, new EntityBatchingDataSource(dataSource));
    },
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    // hideSchemaDetailsFromClientErrors below covers validation only; a variable's value is coerced after it, and its
    // error would still suggest the input fields and enum values introspection hides ("Did you mean \"partyType\"?").
    formatError: options.introspection === false ? (formatted, error) => withoutSuggestions(formatError(formatted, error)) : formatError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (shared/lifecycle.ts): Apollo's own signal handlers would race it and hang.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    // Cross-site requests are refused by requireJsonPosts (limits/cross-site.ts), which lets spec-compliant GETs through.
    csrfPrevention: false,
    // Our own rule instead of Apollo's switch, for an error message that makes sense to a client.
    introspection: true,
    validationRules: [KnownOperationTypes, ...(options.introspection === false ? [NoIntrospection] : [])],
    // With introspection off, "Did you mean …?" in validation errors would name the fields it hides.
    hideSchemaDetailsFromClientErrors: options.introspection === false,
    // Apollo's landing pages load from a CDN; GraphiQL is served from local files instead.
    // No HTTP cache hints are used: without the cache-control plugin no resolver is wrapped per field.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), tracking.plugin, operationLimitsPlugin(limits, declaredCosts(options.supergraphSdl)), legacyJsonStatusPlugin, ...(responseCache ? [responseCache.plugin] : [])],
  });
  await server.start();

  const app = createApp();
  // Behind a reverse proxy, req.ip (the rate limiter's key for anonymous clients) comes from X-Forwarded-For.
  app.set("trust proxy", limits.trustProxy);
  healthRoutes(app, async () => {
    const checks: Record<string, string> = {};
    await Promise.all(
      [...dataSources].map(async ([name, dataSource]) => {
        // A subgraph that answers but cannot work (its database is down) is as good as gone.
        checks[name] = !(await isReachable(dataSource, logger)) ? "unreachable" : (await dataSource.isReady()) ? "ok" : "not ready";
      }),
    );
    return { ready: Object.values(checks).every((c) => c === "ok"), checks };
  });
  metricsRoute(app, metrics.registry);
  // What /graphql and the exports answer depends on the caller's credential.
  app.use(["/graphql", "/export", "/import"], noStore);
  // A token is believed once its institution is confirmed by the subgraph that owns it (auth/institution-check.ts).
  const authenticator = checkingInstitutions(createAuthenticator(options.auth), askAsGateway(dataSources, logger));
  const failures = failedAuthentications(limits.rateLimit);
  const execute = inProcessExecutor(server, tracking, logger);
  if (options.dashboard !== false) dashboardRoutes(app, { authenticator, failures, tracking, limits, execute, responseCache: responseCache?.http, logger });
  importRoutes(app, { authenticator, failures, tracking, limits, execute, logger });
  if (options.graphiql !== false) graphiqlRoutes(app, "/graphql", logger);
  app.use(
    "/graphql",
    tracking.middleware,
    authenticate(authenticator, failures),
    rateLimit(limits.rateLimit),
    requireJsonPosts,
    express.json({ limit: limits.maxBodyBytes }),
    rejectBatches,
    limitTokens(limits.maxTokens),
    graphqlHandler(server, (req, res, ticket) => tracking.track({ ...createGatewayContext(req.headers, logger, principalOf(res)), responseCache: ticket }, res), responseCache?.http),
  );
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(logger));

  return {
    app,
    server,
    metrics,
    responseCache,
    async stop() {
      await server.stop();
      await responseCache?.stop();
    },
  };
}

/** The gateway's own questions to a subgraph (not a client's plan: kept out of the fetch figures, like probes). */
function askAsGateway(dataSources: Map<string, GraphQLDataSource<GatewayContext>>, logger: Logger): AskSubgraph {
  return async (subgraph, query, variables) => {
    const dataSource = dataSources.get(subgraph);
    if (!dataSource) throw new Error(`this gateway has no ${subgraph} subgraph`);
    const response = await dataSource.process({ kind: HEALTH_CHECK as never, request: { query, variables }, context: { requestId: "token-check", logger } });
    if (response.errors?.length) throw new Error(`the ${subgraph} subgraph answered with errors`);
    return response.data;
  };
}

/** A subgraph is reachable when it answers the smallest query there is. */
async function isReachable(dataSource: GraphQLDataSource<GatewayContext>, logger: Logger): Promise<boolean> {
  try {
    const response = await dataSource.process({
      kind: HEALTH_CHECK as never,
      request: { query: "query Ready { __typename }" },
      context: { requestId: "readiness-check", logger },
    });
    return response.data?.__typename === "Query";
  } catch {
    return false;
  }
}

/** An error's message without graphql-js's "Did you mean …?" (as Apollo's own suggestion switch cuts it off). */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/ ?Did you mean .+?\?$/s, "");
  return message === formatted.message ? formatted : { ...formatted, message };
}
