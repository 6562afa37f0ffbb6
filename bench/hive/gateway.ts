/**
 * Hive Gateway (@graphql-hive/gateway) serving our supergraph.graphql in one
 * Node process, for `npm run bench:peers` only. Same settings as our gateway
 * where it matters for the comparison: the subgraphs' URLs from
 * ENTERPRISES_URL and so on, GATEWAY_PORT, and every subgraph fetch carrying
 * an identity signed with INTERNAL_SECRET (the subgraphs refuse anything
 * else). Request deduplication, inbound and outbound, is off, as are usage
 * reporting, the landing page and GraphiQL.
 */
import "../loopback-only";
import { createServer } from "node:http";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway";
import { readConfig, requireInternalSecret, SUBGRAPH_NAMES } from "../../shared/config";
import { signIdentity } from "../../shared/auth/internal-identity";
import type { Principal } from "../../shared/auth/principal";
import { readSupergraph } from "../../gateway/supergraph";

/** What our gateway forwards for an anonymous caller (AUTH_ANONYMOUS=read), so the subgraphs do the same work. */
const CALLER: Principal = { role: "anonymous", subject: "anonymous" };

/** Signs each subgraph request the way gateway/context.ts does for ours: for that body, to that subgraph, once. */
function signSubgraphRequests(secret: string, audienceOf: (url: string) => string | undefined): GatewayPlugin {
  return {
    onFetch({ url, options, setOptions }) {
      const audience = audienceOf(url);
      if (!audience || typeof options.body !== "string") return;
      const request = { audience, method: options.method ?? "POST", ...(JSON.parse(options.body) as Record<string, unknown>) };
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signIdentity(CALLER, secret, request) } });
    },
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
  plugins: () => [signSubgraphRequests(secret, audienceOf)],
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
