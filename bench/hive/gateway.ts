/**
 * Hive Gateway (@graphql-hive/gateway) serving our supergraph.graphql in one
 * Node process, for `npm run bench:peers` only. Same settings as our gateway
 * where it matters for the comparison: the subgraphs' URLs from
 * ENTERPRISES_URL and so on, GATEWAY_PORT, and every subgraph fetch carrying
 * an identity signed with INTERNAL_SECRET (the subgraphs refuse anything
 * else). Request deduplication, inbound and outbound, is off, as are usage
 * reporting, the landing page and GraphiQL.
 *
 * A caller with a bearer token our gateway would accept is signed as that
 * caller (so `npm run bench:freshness` can write through it), anyone else as
 * anonymous. `--response-cache` turns on Hive's response cache
 * (`responseCaching`, one per caller, its defaults otherwise: no TTL, and
 * mutations invalidate the entities they return), for bench:freshness.
 */
import "../loopback-only";
import { createServer } from "node:http";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway";
import InMemoryLRUCache from "@graphql-mesh/cache-inmemory-lru";
import { readConfig, requireInternalSecret, SUBGRAPH_NAMES } from "../../shared/config";
import { signIdentity } from "../../shared/auth/internal-identity";
import type { Principal } from "../../shared/auth/principal";
import { readSupergraph } from "../../gateway/supergraph";
import { createAuthenticator, type Authenticator } from "../../gateway/auth/verify-token";

/** What our gateway forwards for an anonymous caller (AUTH_ANONYMOUS=read), so the subgraphs do the same work. */
const CALLER: Principal = { role: "anonymous", subject: "anonymous" };

/** Signs each subgraph request the way gateway/context.ts does for ours: for that body, to that subgraph, once. */
function signSubgraphRequests(secret: string, audienceOf: (url: string) => string | undefined, callerOf: (request: Request | undefined) => Promise<Principal>): GatewayPlugin {
  return {
    async onFetch({ url, options, setOptions, context }) {
      const audience = audienceOf(url);
      if (!audience || typeof options.body !== "string") return;
      const request = { audience, method: options.method ?? "POST", ...(JSON.parse(options.body) as Record<string, unknown>) };
      const caller = await callerOf((context as { request?: Request }).request);
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signIdentity(caller, secret, request) } });
    },
  };
}

/** The caller of a client request, verified once per request as our gateway verifies it; anonymous without (or with a bad) token. */
function callers(authenticate: Authenticator): (request: Request | undefined) => Promise<Principal> {
  const known = new WeakMap<Request, Promise<Principal>>();
  return (request) => {
    const authorization = request?.headers.get("authorization");
    if (!request || !authorization) return Promise.resolve(CALLER);
    let caller = known.get(request);
    if (!caller) {
      caller = authenticate(authorization).catch(() => CALLER);
      known.set(request, caller);
    }
    return caller;
  };
}

const config = readConfig();
const audienceOf = (url: string) => SUBGRAPH_NAMES.find((name) => config.subgraphUrls[name] === url);
const secret = requireInternalSecret(config);
const gateway = createGatewayRuntime({
  supergraph: readSupergraph(config.supergraphPath),
  transportEntries: {
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { location: config.subgraphUrls[name] }])),
    // executor-http shares one in-flight fetch between identical subgraph requests by default.
    "*.http": { options: { deduplicateInflightRequests: false } },
  },
  inboundInflightRequestDeduplication: false,
  plugins: () => [signSubgraphRequests(secret, audienceOf, callers(createAuthenticator(config.auth)))],
  // Hive's CLI gives the runtime an in-memory store by default; the runtime API needs one given.
  ...(process.argv.includes("--response-cache") ? { cache: new InMemoryLRUCache(), responseCaching: { session: (request: Request) => request.headers.get("authorization") } } : {}),
  reporting: undefined,
  landingPage: false,
  graphiql: false,
  logging: config.logLevel === "silent" ? false : config.logLevel,
  readinessCheckEndpoint: "/ready",
  healthCheckEndpoint: "/health",
});

const server = createServer(gateway);
server.listen(config.gatewayPort, config.host, () => {
  process.stdout.write(`hive gateway listening on http://${config.host}:${config.gatewayPort}/graphql\n`);
});
const stop = () => server.close(async () => {
  await gateway.dispose();
  process.exit(0);
});
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
