/**
 * A real webhook receiver on 127.0.0.1: verifies every request with the
 * `standardwebhooks` library (as any receiver would), records what arrived
 * in arrival order, and can be taken down, brought back on the same port,
 * or made slow (to catch a sender mid-delivery).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, any> };
  receivedAt: number;
  /** The secret its signature verified with. */
  secret: string;
  headers: Record<string, string>;
}

export interface Receiver {
  url: string;
  /** Every verified request, duplicates included, in arrival order. */
  received: Received[];
  /** Requests whose signature did not verify. */
  badSignatures: number;
  /** The most requests with one webhook-id ever in progress at once (1 unless two senders sent it together). */
  maxConcurrentSameId: number;
  inFlight: number;
  /** Verifies with this secret only. */
  setSecret(secret: string): void;
  /** Verifies with this secret too (one receiver for several subscriptions). */
  addSecret(secret: string): void;
  /** Holds each answer this long (ms). */
  setDelay(ms: number): void;
  down(): Promise<void>;
  up(): Promise<void>;
  uniqueIds(): Set<string>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let secrets: string[] = [];
  let delay = 0;
  const sockets = new Set<Socket>();
  const active = new Map<string, number>();
  const receiver = {} as Receiver;
  Object.assign(receiver, { received: [], badSignatures: 0, maxConcurrentSameId: 0, inFlight: 0 });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(request.headers["webhook-id"]);
      active.set(id, (active.get(id) ?? 0) + 1);
      receiver.maxConcurrentSameId = Math.max(receiver.maxConcurrentSameId, active.get(id)!);
      receiver.inFlight++;
      // A sender that is gone (killed: its connection closed) no longer sends this message.
      let open = true;
      const done = () => {
        if (!open) return;
        open = false;
        receiver.inFlight--;
        active.set(id, active.get(id)! - 1);
      };
      response.on("close", done);
      try {
        const headers = request.headers as Record<string, string>;
        const verified = secrets.map((secret) => {
          try {
            return { secret, payload: new Webhook(secret).verify(body, headers) as Received["payload"] };
          } catch {
            return undefined;
          }
        }).find(Boolean);
        if (!verified) throw new Error("no secret verifies the signature");
        receiver.received.push({ id, body, payload: verified.payload, secret: verified.secret, headers, receivedAt: Date.now() });
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        response.writeHead(204).end();
      } catch {
        receiver.badSignatures++;
        response.writeHead(400).end("bad signature");
      } finally {
        done();
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    setSecret: (value: string) => (secrets = [value]),
    addSecret: (value: string) => secrets.push(value),
    setDelay: (ms: number) => (delay = ms),
    down: stopListening,
    up: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    uniqueIds: () => new Set(receiver.received.map((r) => r.id)),
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  });
}
