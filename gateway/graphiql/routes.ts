/**
 * GraphiQL at /graphiql, and at /graphql for a browser that opens it (asks
 * for HTML and sends no operation). Every other request to /graphql, a GET
 * with `?query=` included, goes on to GraphQL as before.
 */
import type { Express, Request, RequestHandler, Response } from "express";
import type { Logger } from "../../shared/logger";
import { assetRoute } from "../browser-bundle";
import { graphiqlAssets } from "./assets";
import { loadExamples } from "./examples";
import { ASSETS_PATH, PAGE_HEADERS, renderPage } from "./page";
import type { WorkerName } from "./page-config";

/** A hint in the headers editor; partner systems send their token this way. */
const HEADERS_HINT = `{
  // HTTP headers sent with each operation of this tab.
  // To send a token, remove the // and paste it:
  // "Authorization": "Bearer <token>"
}`;

/** Register before the GraphQL middleware at `graphqlPath`. */
export function graphiqlRoutes(app: Express, graphqlPath: string, logger: Logger): void {
  const unavailable = (res: Response, error: unknown) => {
    logger.error({ err: error }, "the GraphiQL explorer could not be served");
    res.status(500).type("text/plain").send("The explorer is not available; the gateway log says why.");
  };
  const page: RequestHandler = async (_req, res) => {
    try {
      const assets = await graphiqlAssets(logger);
      const workers = Object.fromEntries(
        Object.entries(assets.workers).map(([name, file]) => [name, `${ASSETS_PATH}/${file}`]),
      ) as Record<WorkerName, string>;
      const config = { graphqlUrl: graphqlPath, workers, examples: loadExamples(), headers: HEADERS_HINT };
      res.status(200).set(PAGE_HEADERS).send(renderPage(config, assets));
    } catch (error) {
      unavailable(res, error);
    }
  };

  app.get("/graphiql", page);
  app.get(graphqlPath, (req, res, next) => (opensExplorer(req) ? page(req, res, next) : next()));

  app.get(`${ASSETS_PATH}/:file`, assetRoute(async () => (await graphiqlAssets(logger)).files, unavailable));
}

/** A browser navigating to the endpoint, as opposed to a client sending an operation over GET. */
function opensExplorer(req: Request): boolean {
  if (req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}
