/**
 * Who calls a dashboard URL (the persisted-document GET, the exports): a
 * bearer token in the Authorization header as on /graphql, or, for tools that
 * can only be given a URL (a spreadsheet's web query, Power BI), a
 * `dashboard` token in `?access_token=`. Only dashboard tokens may travel in a
 * URL: URLs end up in logs and browser histories, and a dashboard token can
 * read nothing that is not public or aggregated anyway.
 */
import type { Request } from "express";
import { authenticate, type CredentialSource } from "../auth/authenticate-request";
import type { Authenticator } from "../auth/verify-token";
import type { FailedAuthentications } from "../limits/failed-authentication";

export const TOKEN_PARAMETER = "access_token";

const tokenInUrl = (req: Request) => (typeof req.query[TOKEN_PARAMETER] === "string" ? (req.query[TOKEN_PARAMETER] as string) : undefined);

const HEADER_OR_URL: CredentialSource = {
  authorization: (req) => {
    const inUrl = tokenInUrl(req);
    return req.headers.authorization ?? (inUrl ? `Bearer ${inUrl}` : undefined);
  },
  refusal: (principal, req) =>
    tokenInUrl(req) && !req.headers.authorization && principal.role !== "dashboard"
      ? `Only a dashboard token may be sent as ?${TOKEN_PARAMETER}= (npm run token -- --role dashboard); send other tokens in the Authorization header.`
      : undefined,
};

export const authenticateDashboardCaller = (authenticator: Authenticator, failures?: FailedAuthentications) => authenticate(authenticator, failures, HEADER_OR_URL);
