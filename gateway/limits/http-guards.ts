/** Refusals that need no GraphQL parsing: batched requests and oversized documents. */
import type { Request, RequestHandler } from "express";
import { Lexer, Source, TokenKind } from "graphql";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";

/** One operation per HTTP request: a JSON array would multiply every other limit. */
export const rejectBatches: RequestHandler = (req, res, next) => {
  if (Array.isArray(req.body)) {
    sendError(res, 400, ErrorCode.BATCHED_REQUESTS_NOT_SUPPORTED, "Send one operation per request; batched requests are not accepted.");
    return;
  }
  next();
};

/** Counts tokens with the GraphQL lexer before anything parses the document, stopping at the limit. */
export function limitTokens(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const query = queryText(req);
    if (query !== undefined && hasMoreTokens(query, maxTokens)) {
      sendError(res, 400, ErrorCode.TOO_MANY_TOKENS, `The query document has more than ${maxTokens} tokens.`, { limit: maxTokens });
      return;
    }
    next();
  };
}

function queryText(req: Request): string | undefined {
  const query: unknown = req.method === "GET" ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" ? query : undefined;
}

function hasMoreTokens(query: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) {
      if (++count > maxTokens) return true;
    }
  } catch {
    // Not lexable: Apollo answers with the syntax error.
  }
  return false;
}
