/**
 * The graph talks to nothing but its own services and database: no vendor
 * telemetry, no cloud metadata probes. Every outgoing connection made while
 * the whole stack starts and answers a query is recorded and must be local.
 */
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

const destinations: string[] = [];
const originalConnect = net.Socket.prototype.connect;
let stack: TestStack;

beforeAll(async () => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // net.connect() passes its normalized arguments as one array: [options, callback].
    const [first] = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
    const options = typeof first === "object" && first !== null ? (first as net.TcpNetConnectOpts & net.IpcNetConnectOpts) : undefined;
    destinations.push(options?.path ?? String(options?.host ?? "localhost"));
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http" });
});

afterAll(async () => {
  net.Socket.prototype.connect = originalConnect;
  await stack?.stop();
});

it("connects only to loopback addresses", async () => {
  await graphqlData(stack.gatewayUrl, `{ enterprise(slug: "ammc") { name programs { nodes { parties { university { name } } } } } }`);
  // Give any delayed probe (they run in the background) a moment to show itself.
  await new Promise((r) => setTimeout(r, 1500));
  expect(destinations.length).toBeGreaterThan(0);
  const external = destinations.filter((host) => !/^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(host) && !host.startsWith("/"));
  expect(external).toEqual([]);
});
