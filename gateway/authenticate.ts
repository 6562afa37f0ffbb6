/**
 * First thing on /graphql after the request id: who is calling. A bad token
 * is refused here (401, JSON, `UNAUTHENTICATED`), before the rate limiter,
 * body parsing or any subgraph; the principal rides in `res.locals` for the
 * rate limiter (one bucket per credential) and the GraphQL context.
 */
import type { RequestHandler } from "express";
import { GraphQLError } from "graphql";
import { sendError } from "../shared/http";
import type { Authenticator } from "./authentication";

export function authenticate(authenticator: Authenticator): RequestHandler {
  return (req, res, next) => {
    authenticator(req.headers.authorization).then(
      (principal) => {
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
