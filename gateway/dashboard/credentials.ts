/**
 * Who calls a dashboard URL (the persisted-document GET, the exports): a
 * bearer token in the Authorization header as on /graphql, or, for tools that
 * can only be given a URL (a spreadsheet's web query, Power BI), a
 * `dashboard` token in `?access_token=`. Only dashboard tokens may travel in a
 * URL: URLs end up in logs and browser histories, and a dashboard token can
 * read nothing that is not public or aggregated anyway.
 */
import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../shared/errors";
import { sendError } from "../../shared/http";
import type { Authenticator } from "../authentication";

export const TOKEN_PARAMETER = "access_token";

export function authenticateDashboardCaller(authenticator: Authenticator): RequestHandler {
  return (req, res, next) => {
    const inUrl = typeof req.query[TOKEN_PARAMETER] === "string" ? (req.query[TOKEN_PARAMETER] as string) : undefined;
    const authorization = req.headers.authorization ?? (inUrl ? `Bearer ${inUrl}` : undefined);
    authenticator(authorization).then(
      (principal) => {
        if (inUrl && !req.headers.authorization && principal.role !== "dashboard") {
          sendError(res, 403, ErrorCode.FORBIDDEN, `Only a dashboard token may be sent as ?${TOKEN_PARAMETER}= (npm run token -- --role dashboard); send other tokens in the Authorization header.`);
          return;
        }
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof GraphQLError)) return next(error);
        res.setHeader("www-authenticate", 'Bearer realm="partnergraph"');
        sendError(res, 401, String(error.extensions.code), error.message);
      },
    );
  };
}
