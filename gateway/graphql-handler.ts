/**
 * POST and GET /graphql into Apollo Server (what @as-integrations/express5
 * does), with the response cache in front: a read it holds is answered from
 * memory, and a computed answer is handed to it exactly as it goes out
 * (status, Apollo's headers, body), so a hit is byte for byte the answer a
 * miss would give.
 */
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { RequestHandler } from "express";
import type { GatewayContext } from "./context";
import type { HttpResponseCache } from "./response-cache/http";
import type { CacheTicket } from "./response-cache/store";

export function graphqlHandler(
  server: ApolloServer<GatewayContext>,
  context: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], ticket: CacheTicket | undefined) => GatewayContext,
  cache?: HttpResponseCache,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const served = cache ? await cache.serve(req, res) : { answered: false as const };
      if (served.answered) return;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: new URL(req.originalUrl, "http://gateway").search, body: req.body },
        context: async () => context(req, res, served.ticket),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status || 200;
      if (response.body.kind === "complete") {
        res.send(response.body.string);
        // Kept with the ETag Express made for it, so a hit sends the same header without hashing the body again.
        cache?.keep(served.ticket, res, response.headers, response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}

