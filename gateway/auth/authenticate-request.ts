/**
 * First thing on /graphql after the request id: who is calling. A bad token
 * is refused here (401, JSON, `UNAUTHENTICATED`; 403 `FORBIDDEN` for an
 * archived institution's), before the rate limiter, body parsing or any
 * subgraph, and counts against the address (failed-authentication.ts); the
 * principal rides in `res.locals` for the rate limiter (one bucket per
 * credential) and the GraphQL context.
 */
import type { Request, RequestHandler } from "express";
import { GraphQLError } from "graphql";
import type { Principal } from "../../shared/auth/principal";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";
import type { FailedAuthentications } from "../limits/failed-authentication";
import type { Authenticator } from "./verify-token";

export interface CredentialSource {
  /** The `Authorization` value to verify; the header by default. */
  authorization(req: Request): string | undefined;
  /** Why this caller may not use a credential from that source (403), if it may not. */
  refusal?(principal: Principal, req: Request): string | undefined;
}

const AUTHORIZATION_HEADER: CredentialSource = { authorization: (req) => req.headers.authorization };

export function authenticate(authenticator: Authenticator, failures?: FailedAuthentications, source: CredentialSource = AUTHORIZATION_HEADER): RequestHandler {
  return (req, res, next) => {
    const wait = failures?.retryAfter(req);
    if (wait !== undefined) {
      res.setHeader("Retry-After", String(wait));
      sendError(res, 429, ErrorCode.RATE_LIMITED, `Too many failed authentications from this address; try again in ${wait} s.`);
      return;
    }
    authenticator(source.authorization(req)).then(
      (principal) => {
        const refusal = source.refusal?.(principal, req);
        if (refusal) {
          sendError(res, 403, ErrorCode.FORBIDDEN, refusal);
          return;
        }
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof GraphQLError)) return next(error);
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
        // A service that could not be asked (503) is no failure of the caller's.
        if (status === 401 || status === 403) failures?.record(req);
        if (status === 401) res.setHeader("www-authenticate", 'Bearer realm="partnergraph"');
        sendError(res, status, String(error.extensions.code), error.message);
      },
    );
  };
}
