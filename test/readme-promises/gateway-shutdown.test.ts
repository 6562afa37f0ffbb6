/**
 * README, Shutdown: "on SIGTERM (or Ctrl-C) a service stops accepting
 * connections, finishes the requests in flight (their answers close the
 * connection, so keep-alive clients move on) ... and exits 0; a second
 * signal, or 15 s, ends it at once" (shared/lifecycle.ts). The gateway runs
 * as `npm run start:gateway` does, in front of a subgraph of the test's own
 * that answers only when the test says so, so a request is in flight for
 * as long as the test needs.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, subgraphVariable } from "../../shared/config";
import { freePort } from "../../shared/database/scratch-postgres";
import { startProcess, type ServiceProcess } from "../support/process";

/** A subgraph that holds every fetch until release() is called. */
let subgraph: http.Server;
let held: (() => void)[] = [];
let fetches = 0;
const releaseAll = () => {
  for (const release of held.splice(0)) release();
};
const running: ServiceProcess[] = [];

beforeAll(async () => {
  subgraph = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      fetches++;
      held.push(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { enterprise: { name: "Held Plant" } } })));
    });
  });
  await new Promise<void>((resolve) => subgraph.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  releaseAll();
  for (const process of running) await process.stop("SIGKILL");
  subgraph.closeAllConnections();
  await new Promise((resolve) => subgraph.close(resolve));
});

async function startGateway(): Promise<{ process: ServiceProcess; port: number }> {
  const port = await freePort();
  const subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
  const process = startProcess("scripts/start-gateway.ts", [], {
    HOST: "127.0.0.1",
    GATEWAY_PORT: String(port),
    INTERNAL_SECRET: randomBytes(32).toString("hex"),
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    SUBGRAPH_TIMEOUT_MS: "60000",
    LOG_LEVEL: "info",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, "URL"), subgraphUrl])),
  });
  running.push(process);
  await process.waitFor("gateway listening");
  return { process, port };
}

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
  socketClosed: Promise<void>;
}

/** One request on a keep-alive agent's connection; resolves with the answer and a promise of the socket's end. */
function request(agent: http.Agent, port: number, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: "127.0.0.1", port, path, method: body ? "POST" : "GET", headers: body ? { "content-type": "application/json" } : {} }, (res) => {
      const socket = res.socket;
      const socketClosed = new Promise<void>((done) => (socket.destroyed ? done() : socket.once("close", () => done())));
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text, socketClosed }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const QUERY = JSON.stringify({ query: `{ enterprise(slug: "ammc") { name } }` });
const signal = (process: ServiceProcess, name: NodeJS.Signals) => globalThis.process.kill(-process.child.pid!, name);
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

async function waitForFetches(count: number): Promise<void> {
  for (const started = Date.now(); fetches < count; ) {
    if (Date.now() - started > 10_000) throw new Error("the gateway did not ask the subgraph");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("graceful shutdown of the gateway", () => {
  it("answers the request in flight on its keep-alive connection, closes it and the idle ones, and exits 0", async () => {
    const { process, port } = await startGateway();
    const busyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const idleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // An idle keep-alive connection: one answer, then it waits for the next request.
    const idle = await request(idleAgent, port, "/health");
    expect(idle.status).toBe(200);
    expect(idle.connection).toBe("keep-alive");
    const before = fetches;
    const inFlight = request(busyAgent, port, "/graphql", QUERY);
    await waitForFetches(before + 1);
    signal(process, "SIGTERM");
    await process.waitFor("shutting down", 5_000);
    await within(idle.socketClosed, 5_000);
    releaseAll();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { enterprise: { name: "Held Plant" } } });
    expect(answer.connection).toBe("close");
    await within(answer.socketClosed, 5_000);
    expect(await within(process.exited, 10_000)).toBe(0);
    busyAgent.destroy();
    idleAgent.destroy();
  });

  it("a second signal ends it at once, whatever is in flight", async () => {
    const { process, port } = await startGateway();
    const agent = new http.Agent({ keepAlive: true });
    const before = fetches;
    request(agent, port, "/graphql", QUERY).catch(() => undefined);
    await waitForFetches(before + 1);
    signal(process, "SIGTERM");
    await process.waitFor("shutting down", 5_000);
    // A repeat within a second is the same Ctrl-C arriving twice (lifecycle.ts): wait past it.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(process.child.exitCode).toBeNull();
    const sent = Date.now();
    signal(process, "SIGTERM");
    expect(await within(process.exited, 3_000)).toBe(130);
    expect(Date.now() - sent).toBeLessThan(3_000);
    agent.destroy();
    held = [];
  });

  it("after 15 s of a request that never ends, it exits without waiting further", async () => {
    const { process, port } = await startGateway();
    const agent = new http.Agent({ keepAlive: true });
    const before = fetches;
    request(agent, port, "/graphql", QUERY).catch(() => undefined);
    await waitForFetches(before + 1);
    const sent = Date.now();
    signal(process, "SIGTERM");
    const code = await within(process.exited, 25_000);
    const waited = Date.now() - sent;
    expect(code).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(14_500);
    expect(waited).toBeLessThan(20_000);
    expect(process.output()).toContain("shutdown took too long");
    agent.destroy();
    held = [];
  }, 40_000);
});
