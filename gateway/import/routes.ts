/**
 * Bulk import over HTTP, beside /graphql and behind the same authentication
 * and rate limit: `POST /import/<type>` with the file as the body (CSV, XLSX
 * or JSON; `?dryRun=false` to apply, `?institution=<id>` for administrators)
 * answers the import's report. It runs the subgraph's import mutation
 * (`importPrograms`, ...) through the gateway's own Apollo Server, as a
 * POST to /graphql would, with the same operation limits and logs.
 *
 * Why an endpoint and not only the mutation: a file travels as it is (an
 * XLSX workbook as bytes, not base64 inside JSON), under a size limit of its
 * own (IMPORT_MAX_BYTES, 8 MiB by default, where /graphql takes 1 MiB), and
 * `curl --data-binary @file` is the whole client. The mutation stays
 * available on /graphql for files within its limit.
 *
 * `GET /import/templates/<type>.<csv|xlsx|json>` serves each layout's template.
 */
import express, { type Express, type Request, type RequestHandler } from "express";
import type { GatewayLimits } from "../../shared/config";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";
import type { RequestTracking } from "../../shared/http/request-tracking";
import type { Logger } from "../../shared/logger";
import type { ImportFormat } from "../../shared/import/read-table";
import { templateOf } from "../../shared/import/templates";
import { importLayout } from "../../subgraphs/import-layouts";
import { authenticate } from "../auth/authenticate-request";
import type { Authenticator } from "../auth/verify-token";
import type { ExecuteOperation } from "../dashboard/execute";
import type { FailedAuthentications } from "../limits/failed-authentication";
import { rateLimit } from "../limits/rate-limit";

export interface ImportRouteOptions {
  authenticator: Authenticator;
  failures?: FailedAuthentications;
  tracking: RequestTracking;
  limits: GatewayLimits;
  execute: ExecuteOperation;
  logger: Logger;
}

/** The media types an import body may have: none is one a cross-site form can send without a CORS preflight. */
const FORMATS: Record<string, ImportFormat> = {
  "text/csv": "CSV",
  "application/json": "JSON",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
};
const MEDIA_TYPES: Record<ImportFormat, string> = { CSV: "text/csv; charset=utf-8", JSON: "application/json; charset=utf-8", XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

const REPORT = `dryRun applied rowCount created updated unchanged refused problems { row column field code message } rows { row externalRef action id changedColumns }`;

const mediaTypeOf = (req: Request) => (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();

const requireFileType: RequestHandler = (req, res, next) => {
  if (!FORMATS[mediaTypeOf(req)]) {
    sendError(res, 415, "BAD_REQUEST", `An import body is a file sent as ${Object.keys(FORMATS).join(", ")} (Content-Type).`);
    return;
  }
  next();
};

export function importRoutes(app: Express, options: ImportRouteOptions): void {
  app.get("/import/templates/:file", async (req, res, next) => {
    const match = /^([a-z-]+)\.(csv|xlsx|json)$/.exec(req.params.file);
    const layout = match ? importLayout(match[1]) : undefined;
    if (!match || !layout) {
      sendError(res, 404, ErrorCode.NOT_FOUND, "No such template: /import/templates/<type>.<csv|xlsx|json>, the types as in README, \"Bulk import\".");
      return;
    }
    try {
      const format = match[2].toUpperCase() as ImportFormat;
      res.setHeader("content-type", MEDIA_TYPES[format]);
      res.setHeader("content-disposition", `attachment; filename="${layout.name}-template.${match[2]}"`);
      res.end(await templateOf(layout, format));
    } catch (error) {
      next(error);
    }
  });

  app.post(
    "/import/:type",
    options.tracking.middleware,
    authenticate(options.authenticator, options.failures),
    rateLimit(options.limits.rateLimit),
    requireFileType,
    express.raw({ type: () => true, limit: options.limits.maxImportBytes }),
    async (req, res, next) => {
      const layout = importLayout(String(req.params.type));
      if (!layout) {
        sendError(res, 404, ErrorCode.NOT_FOUND, `No import of "${req.params.type}": the types are as in README, "Bulk import".`);
        return;
      }
      const format = FORMATS[mediaTypeOf(req)];
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const dryRun = req.query.dryRun !== "false";
      const institution = typeof req.query.institution === "string" ? req.query.institution : null;
      const query = `mutation Import($content: String!, $format: ImportFormat!, $dryRun: Boolean!, $institution: ID) { ${layout.mutation}(content: $content, format: $format, dryRun: $dryRun, institution: $institution) { ${REPORT} } }`;
      try {
        const content = format === "XLSX" ? body.toString("base64") : body.toString("utf8");
        const result = await options.execute(req, res, query, { content, format, dryRun, institution }, { subgraphTimeoutMs: options.limits.importTimeoutMs });
        const report = result.data?.[layout.mutation];
        if (result.errors?.length || !report) {
          const [first] = result.errors ?? [{ message: "The import answered nothing.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }];
          const code = String(first.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
          const status = code === ErrorCode.UNAUTHENTICATED ? 401 : code === ErrorCode.FORBIDDEN ? 403 : code === ErrorCode.INTERNAL_SERVER_ERROR ? 500 : code.startsWith("SUBGRAPH") ? 503 : 400;
          res.status(status).json({ errors: result.errors });
          return;
        }
        // 422 when a row has a problem: nothing was stored.
        res.status(report.problems.length ? 422 : 200).json(report);
      } catch (error) {
        next(error);
      }
    },
  );
}
