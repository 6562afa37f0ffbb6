/**
 * Cross-site request forgery, our rule instead of Apollo's `csrfPrevention`
 * (which also refuses plain GETs without an `apollo-require-preflight` header,
 * so urql, persisted-document GETs, HTTP caches and BI tools that take a URL
 * could not query at all).
 *
 * What a page on another site can make a browser send without asking first
 * (a CORS "simple request") is a GET, or a POST with a form or `text/plain`
 * body. So:
 * - a POST runs only with an `application/json` body, which a browser sends
 *   cross-site only after a preflight this gateway never approves (it sends no
 *   CORS headers);
 * - a GET runs only a query (Apollo answers a mutation over GET with 405), and
 *   a query changes nothing; the page cannot read the answer either.
 * Credentials are bearer tokens, never cookies: a browser attaches none on
 * its own, so a forged request runs with no more rights than an anonymous one.
 */
import type { RequestHandler } from "express";
import { sendError } from "../../shared/http/server";

export const requireJsonPosts: RequestHandler = (req, res, next) => {
  if (req.method === "POST" && !req.is("application/json")) {
    sendError(
      res,
      415,
      "BAD_REQUEST",
      "Send a POST with content-type application/json (a form or text/plain body is what a cross-site page could forge), or a query as a GET with ?query=.",
    );
    return;
  }
  next();
};
