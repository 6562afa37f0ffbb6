/**
 * Imported first by the benchmark's own servers: any TCP connection to a host
 * other than this machine's loopback fails at once, so no vendor telemetry,
 * usage report or schema registry call can leave the machine unnoticed.
 */
import net from "node:net";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalized arguments as one array: [options, callback].
  const [first] = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
  const options = typeof first === "object" && first !== null ? (first as net.TcpNetConnectOpts & net.IpcNetConnectOpts) : undefined;
  const host = options?.path ? undefined : String(options?.host ?? (typeof first === "number" ? args[1] ?? "localhost" : "localhost"));
  if (host !== undefined && !LOOPBACK.test(host)) throw new Error(`benchmark: refused a connection to ${host} (loopback only)`);
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
