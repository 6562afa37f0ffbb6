/**
 * The lower bound as an HTTP server, measured like the gateways: POST
 * /graphql with the same body, answered from bench/lower-bound/answers.ts
 * through one pg Pool of DB_POOL_SIZE connections to DATABASE_URL, on
 * GATEWAY_PORT. For `npm run bench:peers` only.
 */
import "../loopback-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { readConfig } from "../../shared/config";
import { ANSWERS } from "./answers";

const config = readConfig();
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === "/ready" || req.url === "/health") return send(res, 200, { status: "ok" });
  if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, { errors: [{ message: "not found" }] });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
  const operation = /^\s*query\s+(\w+)/.exec(query)?.[1] ?? "";
  const respond = ANSWERS[operation];
  if (!respond) return send(res, 400, { errors: [{ message: `the lower bound does not answer operation "${operation}"` }] });
  send(res, 200, { data: await respond(pool, variables ?? {}) });
}

const server = createServer((req, res) => {
  answer(req, res).catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }));
});
await pool.query("SELECT 1");
server.listen(config.gatewayPort, config.host, () => {
  process.stdout.write(`lower bound listening on http://${config.host}:${config.gatewayPort}/graphql\n`);
});
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
