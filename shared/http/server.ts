/** HTTP plumbing the gateway and the subgraphs share: listening, health, shutdown, errors outside GraphQL. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from "express";
import { ErrorCode } from "../graphql/errors";
import type { Logger } from "../logger";
import { requestRecord } from "./request-tracking";

export class PortInUseError extends Error {
  override name = "PortInUseError";
}

export interface Listening {
  server: http.Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes idle keep-alive sockets. */
  close(): Promise<void>;
}

/** `portVariable` names the setting to change when the port is taken. */
export function listen(app: Express, port: number, host: string, portVariable: string): Promise<Listening> {
  const server = http.createServer(app);
  // Longer than common load balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  // While shutting down, every answer closes its connection, so a keep-alive client
  // (the gateway) does not hold the server open and knows not to send more on it.
  let closing = false;
  const answering = new Set<http.ServerResponse>();
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (closing) res.setHeader("Connection", "close");
    answering.add(res);
    res.once("close", () => {
      answering.delete(res);
      if (closing) server.closeIdleConnections();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new PortInUseError(`Port ${port} on ${host} is already in use. Stop whatever listens there, or set ${portVariable} to a free port.`));
      } else if (error.code === "EACCES") {
        reject(new PortInUseError(`Not allowed to listen on port ${port}; set ${portVariable} to a port above 1023.`));
      } else {
        reject(error);
      }
    });
    server.listen({ port, host }, () => {
      const actualPort = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            for (const res of answering) if (!res.headersSent) res.setHeader("Connection", "close");
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}

export type ReadinessCheck = () => Promise<{ ready: boolean; checks: Record<string, string> }>;

/** `/health`: the process answers. `/ready`: it can do its job (database, migrations, peers). */
export function healthRoutes(app: Express, ready: ReadinessCheck): void {
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.all(["/health", "/ready"], onlyMethods("GET", "HEAD"));
  const readiness: RequestHandler = async (_req, res) => {
    try {
      const { ready: ok, checks } = await ready();
      res.status(ok ? 200 : 503).json({ status: ok ? "ready" : "not ready", checks });
    } catch {
      res.status(503).json({ status: "not ready", checks: {} });
    }
  };
  app.get("/ready", readiness);
}

/** An Express app with what every service wants before its own routes. */
export function createApp(): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  // No browser may read an answer as anything but its declared type (JSON as HTML, say).
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    next();
  });
  return app;
}

/** For answers that depend on who asks (GraphQL, exports): no cache, shared or private, may keep them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};

/** 405 in JSON with `Allow`, for a request to a known path with another method; `BAD_REQUEST` as Apollo Server says it on /graphql. */
export function onlyMethods(...methods: string[]): RequestHandler {
  return (req, res, next) => {
    if (methods.includes(req.method)) return next();
    res.setHeader("Allow", methods.join(", "));
    sendError(res, 405, "BAD_REQUEST", `${req.path} answers ${methods.filter((m) => m !== "HEAD").join(" and ")} only.`);
  };
}

/** After every route: a path no route serves gets 404 `NOT_FOUND` in JSON, not Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 404, ErrorCode.NOT_FOUND, `Nothing is served at ${req.path}.`);
};

/**
 * A refusal before GraphQL runs (body too large, not JSON, rate limited, ...),
 * shaped like a GraphQL error response so clients handle it the same way.
 */
export function sendError(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  requestRecord(res)?.errorCodes.push(code);
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

interface HttpError {
  /** body-parser's: the largest body accepted, on `entity.too.large`. */
  limit?: number;
  status?: number;
  statusCode?: number;
  type?: string;
}

/**
 * Last in every app: errors that escape a route (a body that is not JSON, or
 * too large) get a JSON answer with a code instead of Express's HTML page with
 * a stack trace; the details go to the log with the request id.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status = 500, statusCode, type, limit } = (error ?? {}) as HttpError;
    const httpStatus = statusCode ?? status;
    const requestId = requestRecord(res)?.requestId;
    if (type === "entity.too.large") {
      // Like every limit refusal, it names the limit (extensions.limit, in bytes).
      sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than this service accepts (at most ${limit} bytes).`, { limit });
    } else if (type === "entity.parse.failed") {
      sendError(res, 400, "BAD_REQUEST", "The request body is not valid JSON.");
    } else if (httpStatus >= 400 && httpStatus < 500) {
      logger.info({ requestId, err: error }, "bad request");
      sendError(res, httpStatus, "BAD_REQUEST", "The request could not be read.");
    } else {
      logger.error({ requestId, err: error }, "unexpected error");
      sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
    }
  };
}
