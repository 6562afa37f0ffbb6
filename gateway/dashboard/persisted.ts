/**
 * The dashboard's operations by GET with a persisted-document id, so a
 * Grafana Infinity panel or a BI tool needs only a URL:
 *
 *   /graphql?documentId=sha256:<hex>&variables={"maxEdges":50}
 *   /graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}   (Apollo's APQ form)
 *
 * The checked-in operations (operations/) are the allow-list: any other id
 * is refused with PERSISTED_QUERY_NOT_FOUND, and no document text is taken
 * from the URL. Plain GETs work without CSRF headers because nothing here
 * can change anything: every operation on the list is a query.
 */
import type { Request, RequestHandler } from "express";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";
import type { ExecuteOperation } from "./execute";
import type { HttpResponseCache } from "../response-cache/http";
import { operationById, type DashboardOperations } from "./operations";

/** The id a GET names, if it names one: `documentId`, or APQ's `extensions.persistedQuery.sha256Hash`. */
export function requestedDocumentId(req: Request): string | undefined {
  if (typeof req.query.documentId === "string") return req.query.documentId;
  if (typeof req.query.extensions !== "string" || !req.query.extensions.includes("persistedQuery")) return undefined;
  try {
    const hash = (JSON.parse(req.query.extensions) as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery?.sha256Hash;
    return typeof hash === "string" ? `sha256:${hash}` : "";
  } catch {
    return "";
  }
}

export function isPersistedGet(req: Request): boolean {
  return req.method === "GET" && req.query.query === undefined && requestedDocumentId(req) !== undefined;
}

export function persistedDocumentHandler(operations: DashboardOperations, execute: ExecuteOperation, cache?: HttpResponseCache): RequestHandler {
  return async (req, res, next) => {
    try {
      // Dashboards poll the same few URLs: answered from memory while no write came in between.
      const served = cache ? await cache.serve(req, res) : { answered: false as const };
      if (served.answered) return;
      const operation = operationById(operations, requestedDocumentId(req) ?? "");
      if (!operation) {
        sendError(res, 404, "PERSISTED_QUERY_NOT_FOUND", "No dashboard operation has this id; /dashboard/operations.json lists them.");
        return;
      }
      const variables = variablesOf(req);
      if (!variables) {
        sendError(res, 400, ErrorCode.BAD_USER_INPUT, "variables must be a JSON object.");
        return;
      }
      const { status, data, errors } = await execute(req, res, operation.query, variables, { ticket: served.ticket });
      const body = JSON.stringify({ ...(errors?.length ? { errors } : {}), ...(data !== undefined ? { data } : {}) });
      res.status(status).type("json").send(body);
      cache?.keep(served.ticket, res, [["content-type", String(res.getHeader("content-type"))]], body);
    } catch (error) {
      next(error);
    }
  };
}

/** `?variables=` as an object (none given: no variables), or undefined when it is not a JSON object. */
function variablesOf(req: Request): Record<string, unknown> | undefined {
  const text = req.query.variables;
  if (text === undefined || text === "") return {};
  if (typeof text !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
