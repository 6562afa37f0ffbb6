/**
 * Everything issue 17 adds to the gateway, behind DASHBOARD=on: the
 * dashboard page, the persisted-document GETs on /graphql and the exports.
 * The GETs and the exports authenticate and are rate-limited like /graphql
 * and run the operations through the gateway's own Apollo Server.
 */
import express, { type Express } from "express";
import type { GatewayLimits } from "../../shared/config";
import type { Logger } from "../../shared/logger";
import type { RequestTracking } from "../../shared/http/request-tracking";
import type { Authenticator } from "../auth/verify-token";
import { rateLimit } from "../limits/rate-limit";
import { authenticateDashboardCaller } from "./credentials";
import type { FailedAuthentications } from "../limits/failed-authentication";
import type { ExecuteOperation } from "./execute";
import type { HttpResponseCache } from "../response-cache/http";
import { exportHandler } from "./exports";
import { loadDashboardOperations } from "./operations";
import { dashboardPageRoutes } from "./page";
import { isPersistedGet, persistedDocumentHandler } from "./persisted";

export interface DashboardRouteOptions {
  authenticator: Authenticator;
  /** Shared with /graphql: failed authentications count against the address wherever they happen. */
  failures?: FailedAuthentications;
  tracking: RequestTracking;
  limits: GatewayLimits;
  execute: ExecuteOperation;
  /** Persisted GETs are answered from it when it holds them. */
  responseCache?: HttpResponseCache;
  logger: Logger;
}

/** Register before the GraphQL middleware (and before GraphiQL, which would take a browser's GET of /graphql). */
export function dashboardRoutes(app: Express, options: DashboardRouteOptions): void {
  const operations = loadDashboardOperations();
  const guarded = express.Router();
  guarded.use(options.tracking.middleware, authenticateDashboardCaller(options.authenticator, options.failures), rateLimit(options.limits.rateLimit));

  const persisted = express.Router();
  persisted.use(guarded, persistedDocumentHandler(operations, options.execute, options.responseCache));
  app.get("/graphql", (req, res, next) => (isPersistedGet(req) ? persisted(req, res, next) : next()));

  app.get("/export/:file", guarded, exportHandler(operations, options.execute, options.logger));
  dashboardPageRoutes(app, operations, options.logger);
}
