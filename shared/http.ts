/** HTTP plumbing the gateway and the subgraphs share: listening, health, shutdown. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express, type RequestHandler } from "express";

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
  return app;
}
