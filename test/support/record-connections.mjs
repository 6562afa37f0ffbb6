/**
 * Preloaded into a service process (NODE_OPTIONS="--import <this file>") by
 * the no-outgoing-connections test: every TCP or IPC connection the process
 * opens, and every UDP datagram it sends, is appended to the file named by
 * RECORD_CONNECTIONS_TO as one JSON line with the process's entry point, so
 * the test can require that a service reached nothing but loopback; and, at
 * exit, every TCP connection still open ("open-at-exit"), so a shutdown test
 * can require that the database pool was closed.
 * Plain JavaScript: it loads before tsx's loader does.
 */
import dgram from "node:dgram";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const file = process.env.RECORD_CONNECTIONS_TO;
if (file) {
  // The entry point and its arguments: `start-subgraph.ts programs`, `start-gateway.ts`.
  const service = [path.basename(process.argv[1] ?? "node"), ...process.argv.slice(2)].join(" ");
  const record = (kind, host, port) => fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, service, nodeEnv: process.env.NODE_ENV, kind, host: String(host), port })}\n`);

  // Sockets still open when the process exits (a pool left open at shutdown shows up here).
  const open = new Map();
  process.on("exit", () => {
    // Ended by this side (pg's end() sends Terminate, then ends the socket) counts as closed: the close event may not have come yet.
    for (const [socket, { host, port }] of open) if (!socket.destroyed && !socket.writableEnded) record("open-at-exit", host, port);
  });

  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    // net.connect() passes its normalized arguments as one array: [options, callback].
    const [first, second] = Array.isArray(args[0]) ? args[0] : args;
    const tcp = (host, port) => {
      record("tcp", host, port);
      open.set(this, { host, port });
      this.once("close", () => open.delete(this));
    };
    if (typeof first === "object" && first !== null) {
      if (first.path) record("ipc", first.path);
      else tcp(first.host ?? "localhost", first.port);
    } else if (typeof first === "string" && Number.isNaN(Number(first))) {
      record("ipc", first);
    } else {
      tcp(typeof second === "string" ? second : "localhost", Number(first));
    }
    return connect.apply(this, args);
  };

  const send = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function (...args) {
    const address = args.find((arg, i) => i > 0 && typeof arg === "string");
    const port = args.find((arg, i) => i > 0 && typeof arg === "number" && arg > 0);
    record("udp", address ?? "localhost", port);
    return send.apply(this, args);
  };
}
