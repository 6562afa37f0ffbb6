/**
 * Every setting PartnerGraph reads, in one place, from environment variables.
 * README.md's configuration table documents the same names; a test keeps the
 * two (and docker-compose.yml) in step with ENVIRONMENT_VARIABLES below.
 */
import net from "node:net";
import path from "node:path";
import { SUBGRAPH_NAMES, SUBGRAPH_REGISTRY, subgraphEntry, type SubgraphEntry, type SubgraphEnvPrefix, type SubgraphName } from "./subgraph/registry";

export { SUBGRAPH_NAMES, type SubgraphName };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** `shown`: how the configuration table shows a default that is worked out, not written (a URL from the port, a file). */
export type Setting = { default: string; description: string; shown?: string };

/** One variable per subgraph (ENTERPRISES_PORT, UNIVERSITIES_PORT, ...), named by the registry's prefixes. */
function perSubgraph<Suffix extends string>(suffix: Suffix, setting: (entry: SubgraphEntry) => Setting) {
  return Object.fromEntries(SUBGRAPH_REGISTRY.map((entry) => [`${entry.envPrefix}_${suffix}`, setting(entry)])) as Record<`${SubgraphEnvPrefix}_${Suffix}`, Setting>;
}

/** The variable of one subgraph with that suffix, e.g. subgraphVariable("programs", "PORT") is PROGRAMS_PORT. */
export function subgraphVariable<Suffix extends "DATABASE_URL" | "PORT" | "URL">(name: SubgraphName, suffix: Suffix): `${SubgraphEnvPrefix}_${Suffix}` {
  return `${subgraphEntry(name).envPrefix as SubgraphEnvPrefix}_${suffix}`;
}

/** Name, default and meaning of every environment variable the code reads. */
export const ENVIRONMENT_VARIABLES = {
  DATABASE_URL: { default: "", description: "PostgreSQL connection string. Unset: `npm start` runs an embedded PostgreSQL. For `npm run provision`: an admin connection." },
  ...perSubgraph("DATABASE_URL", ({ name }) => ({
    default: "",
    description: `Connection string for the ${name} subgraph alone, as its own role (which \`npm run provision\` creates from it); falls back to DATABASE_URL.`,
  })),
  PG_DATA_DIR: { default: ".data/postgres", description: "Data folder of the embedded PostgreSQL (kept across restarts)." },
  PG_PORT: { default: "54329", description: "Port of the embedded PostgreSQL (listens on 127.0.0.1 only)." },
  DB_POOL_SIZE: { default: "10", description: "Connections per subgraph pool." },
  DB_STATEMENT_TIMEOUT_MS: { default: "10000", description: "PostgreSQL's `statement_timeout` on every connection of the subgraphs' pools: a statement running longer is cancelled (`SUBGRAPH_TIMEOUT`). Migrations run without it; bulk work has its own, `BULK_STATEMENT_TIMEOUT_MS`." },
  BULK_STATEMENT_TIMEOUT_MS: { default: "1800000", description: "PostgreSQL's `statement_timeout` for bulk work (`npm run generate`, the benchmarks' dataset): one statement of a load may run this long, and the client waits as long before it gives up." },
  AGGREGATE_CONCURRENCY: { default: "2", description: "How many dashboard aggregates (`cooperationNetwork`, `programStats`) one programs subgraph computes at once, so cheap reads always find a pool connection; kept below `DB_POOL_SIZE`." },
  AGGREGATE_QUEUE_SIZE: { default: "64", description: "How many aggregates wait for their turn beyond `AGGREGATE_CONCURRENCY` (holding no connection; one whose caller gives up leaves the queue); more are refused at once with `SERVICE_OVERLOADED`." },
  HOST: { default: "127.0.0.1", description: "Interface every HTTP server binds to (`0.0.0.0` in containers)." },
  GATEWAY_PORT: { default: "4000", description: "Port of the gateway." },
  ...perSubgraph("PORT", ({ name, defaultPort }) => ({ default: String(defaultPort), description: `Port of the ${name} subgraph.` })),
  ...perSubgraph("URL", ({ name, envPrefix, defaultPort }) => ({
    default: "",
    description: `GraphQL URL of the ${name} subgraph, as the gateway and the subgraphs that depend on it reach it; unset, on this machine at ${envPrefix}_PORT.`,
    shown: `http://localhost:${defaultPort}/graphql`,
  })),
  SUBGRAPH_TRANSPORT: { default: "local", description: "`npm start` only: `local` lets the gateway call the co-located subgraphs in process, `http` over their ports." },
  SEED: { default: "auto", description: "`auto` loads the article data into an empty database at start, `never` leaves it empty." },
  SUPERGRAPH_PATH: { default: "supergraph.graphql", description: "The composed supergraph the gateway serves." },
  RESPONSE_CACHE_MAX_BYTES: {
    default: "33554432",
    description: "Size of the gateway's response cache (answers kept in memory, least recently used dropped first; 32 MiB by default); `0` turns it off. Repeated reads with no write in between are answered from it; every committed write empties what it may have changed, through every gateway (see `RESPONSE_CACHE_DATABASE_URL`).",
  },
  RESPONSE_CACHE_DATABASE_URL: {
    default: "",
    description: "Where the gateway hears of committed writes (PostgreSQL `LISTEN`): the connection strings, comma-separated, of every database the subgraphs write to; any role that may connect will do, it reads nothing. Unset: the databases of `DATABASE_URL` and the `*_DATABASE_URL` when every subgraph has one (so `npm start` always), else the gateway has no response cache. While it cannot listen the cache is empty and off.",
  },
  SUBGRAPH_TIMEOUT_MS: { default: "10000", description: "How long the gateway waits for one subgraph fetch (`SUBGRAPH_TIMEOUT` after that), and the programs subgraph for the others when it checks references (`SUBGRAPH_UNAVAILABLE`)." },
  GRAPHIQL: { default: "on", description: "`on` serves the GraphiQL explorer at `/graphiql` (and to browsers at `/graphql`); `off` answers 404." },
  DASHBOARD: { default: "on", description: "`on` serves the dashboard at `/dashboard` (and to browsers at `/`), the exports at `/export/*` and the dashboard operations by GET with `documentId`; `off` answers 404." },
  INTROSPECTION: { default: "on", description: "`on` answers schema introspection (`__schema`, `__type`), which GraphiQL needs; `off` rejects it with `GRAPHQL_VALIDATION_FAILED`." },
  INTERNAL_SECRET: { default: "", description: "Secret (≥ 32 characters) the gateway signs the caller's identity with for the subgraphs, and subgraphs for each other. Required when services run separately; `npm start` makes one per run." },
  AUTH_JWT_SECRET: { default: "", description: "Shared secret (HS256, ≥ 32 characters) for bearer tokens. Unset, `npm start` and `npm run token` use one kept in `.data/auth-secret`.", shown: ".data/auth-secret" },
  AUTH_JWKS_URL: { default: "", description: "JWKS endpoint of an identity provider (Keycloak, Azure AD); tokens signed with its keys (RS256, ES256, PS256, EdDSA) are accepted." },
  AUTH_ISSUER: { default: "partnergraph", description: "Required `iss` of bearer tokens (your identity provider's issuer URL with `AUTH_JWKS_URL`)." },
  AUTH_AUDIENCE: { default: "partnergraph", description: "Required `aud` of bearer tokens." },
  AUTH_ANONYMOUS: { default: "read", description: "`read`: requests without a token may read public data; `off`: every request needs a token." },
  AUTH_MAX_TOKEN_AGE: { default: "86400", description: "Longest lifetime (`exp` − `iat`, in seconds; `exp` − now without `iat`) a bearer token may have; longer ones, and tokens with an `iat` in the future, are refused with 401 `UNAUTHENTICATED`." },
  LOG_LEVEL: { default: "info", description: "`debug`, `info`, `warn`, `error` or `silent`; logs are JSON lines." },
  MAX_BODY_BYTES: { default: "1048576", description: "Largest request body the gateway accepts from a client (HTTP 413 `PAYLOAD_TOO_LARGE` beyond it)." },
  IMPORT_MAX_BYTES: { default: "8388608", description: "Largest import file the gateway's `POST /import/<type>` accepts (HTTP 413 `PAYLOAD_TOO_LARGE` beyond it); kept below three quarters of `SUBGRAPH_MAX_BODY_BYTES`, since an XLSX file travels on base64-encoded." },
  PARTNERGRAPH_TOKEN: { default: "", description: "The bearer token `npm run import` sends to the gateway (its `--token` flag wins); read by that command only, never by the servers." },
  IMPORT_TIMEOUT_MS: { default: "120000", description: "How long the gateway waits for the subgraph running an import (`POST /import/<type>`), instead of `SUBGRAPH_TIMEOUT_MS`: a file of 10,000 programs takes seconds, not milliseconds." },
  SUBGRAPH_MAX_BODY_BYTES: { default: "16777216", description: "Largest request body a subgraph accepts; the gateway's entity lookups grow with the answer, so keep it well above `MAX_BODY_BYTES`." },
  QUERY_MAX_DEPTH: { default: "15", description: "Deepest nesting of fields an operation may have at the gateway (`QUERY_TOO_DEEP`), introspection included; an operation asking for nothing but the schema may be as deep, and a quarter more costly, as the standard introspection query GraphiQL sends, whatever the limits." },
  QUERY_MAX_ALIASES: { default: "30", description: "Most aliases an operation may use (`TOO_MANY_ALIASES`)." },
  QUERY_MAX_TOKENS: { default: "5000", description: "Most GraphQL tokens a query document may have (`TOO_MANY_TOKENS`), checked before parsing." },
  QUERY_MAX_COST: { default: "100000", description: "Highest estimated cost of an operation (`QUERY_TOO_COSTLY`): every field costs 1, or the weight its schema declares with `@cost(weight:)`, times the sizes of the lists around it: a page's `first`/`last` (20 when omitted), a lookup's number of `ids`, or what a field's `@listSize` declares (its `slicingArguments`' value, their default, else `assumedSize`). An aggregate so weighs its scan and its answer: `cooperationNetwork` 1,000 plus its nodes and edges times `maxEdges`, `programStats` 1,000 plus 250 buckets." },
  QUERY_MAX_LIST_SIZE: { default: "1000", description: "Largest page (`first`/`last`, literal or variable) an operation may ask for (`LIST_TOO_LARGE`); the subgraphs serve pages up to it." },
  RATE_LIMIT_PER_MINUTE: { default: "1200", description: "Requests per minute each client may send to the gateway's `/graphql` on average (HTTP 429 `RATE_LIMITED` with `Retry-After` beyond). Failed authentications count against the caller's address in a bucket of their own, a tenth of this per minute and half of `RATE_LIMIT_BURST` at once; `0` turns both off." },
  RATE_LIMIT_BURST: { default: "200", description: "Requests a client may send at once before `RATE_LIMIT_PER_MINUTE` paces it (the size of its token bucket)." },
  WEBHOOK_DELIVERY: { default: "on", description: "`on`: the programs subgraph fans its own and the other subgraphs' audit logs out to webhook subscriptions and delivers (every replica takes part, sharing the outbox); `off`: this process delivers nothing (events still queue for others)." },
  WEBHOOK_LOCAL_DESTINATIONS: { default: "off", description: "`on` lets webhook URLs be `http` and point at loopback, private and link-local addresses (local development, tests); `off` accepts only `https` to public addresses." },
  WEBHOOK_CONCURRENCY: { default: "16", description: "Webhook delivery attempts one process has in flight at once (they hold no database connection while the receiver answers; the delivery loops use a small pool of their own, never the subgraph's)." },
  WEBHOOK_TIMEOUT_MS: { default: "10000", description: "How long one delivery attempt may take, connection to response; longer is a failed attempt." },
  WEBHOOK_RETRY_BASE_MS: { default: "10000", description: "Delay before the second attempt of a webhook delivery; each further one waits twice as long (with jitter), up to `WEBHOOK_RETRY_MAX_MS`." },
  WEBHOOK_RETRY_MAX_MS: { default: "3600000", description: "Longest delay between two attempts of a webhook delivery." },
  WEBHOOK_RETRY_WINDOW_MS: { default: "90000000", description: "How long a webhook delivery is retried (from its first attempt; 25 hours by default) before it is marked FAILED and kept for `redeliverWebhook`." },
  WEBHOOK_POLL_MS: { default: "500", description: "How often an idle delivery process looks for new audit entries and due deliveries; a committed change wakes every delivering process at once anyway (NOTIFY from the audit log; from the enterprises' and universities' logs when they share the programs database)." },
  WEBHOOK_EXPIRY_SCAN_MS: { default: "86400000", description: "How often expiry notices are computed (also at start-up, catching up on what was missed while stopped)." },
  HEAP_GROWTH_PERCENT: { default: "30", description: "How much the JavaScript heap may grow past what survived its last full garbage collection before the next one (V8's `--heap-growing-percent`), in every process. Lower keeps memory flatter for a little more collecting; `0` leaves it to V8, which lets a busy server's heap grow fourfold." },
  TRUST_PROXY: {
    default: "off",
    description: "Reverse proxies in front of the gateway whose `X-Forwarded-For` names the client, so anonymous clients are rate-limited each on their own address: `off`, a number of proxy hops (`1`), or their addresses or subnets (`10.0.0.0/8, loopback`). Leave `off` without a proxy: clients could then pick their own address.",
  },
} as const satisfies Record<string, Setting>;

export type EnvironmentVariable = keyof typeof ENVIRONMENT_VARIABLES;

/**
 * Not a setting this server reads: React and friends in the explorer's browser
 * code pick their production build by this expression, which esbuild replaces.
 * It lives here because every mention of the process environment does.
 */
export const BROWSER_BUILD_DEFINES = { "process.env.NODE_ENV": '"production"' };
type Env = Record<string, string | undefined>;

function read(env: Env, name: EnvironmentVariable): string {
  const value = env[name];
  return value === undefined || value === "" ? ENVIRONMENT_VARIABLES[name].default : value;
}

function readPort(env: Env, name: EnvironmentVariable): number {
  return readInteger(env, name, 0, 65535);
}

function readInteger(env: Env, name: EnvironmentVariable, min: number, max: number): number {
  const text = read(env, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** Secrets must be long enough that guessing them is hopeless. */
function readSecret(env: Env, name: EnvironmentVariable): string | undefined {
  const value = read(env, name);
  if (!value) return undefined;
  if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters long (e.g. \`openssl rand -hex 32\`)`);
  return value;
}

function readChoice<T extends string>(env: Env, name: EnvironmentVariable, choices: readonly T[]): T {
  const value = read(env, name);
  if (!(choices as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${choices.join(", ")}, got "${value}"`);
  }
  return value as T;
}

const ON_OFF = ["on", "off"] as const;

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** What the gateway refuses before it plans a query; every default admits every example operation. */
export interface GatewayLimits {
  maxBodyBytes: number;
  /** Largest import file (IMPORT_MAX_BYTES). */
  maxImportBytes: number;
  /** The subgraph deadline of an import (IMPORT_TIMEOUT_MS). */
  importTimeoutMs: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxListSize: number;
  /** Token bucket per client: `perMinute` 0 means no rate limit. */
  rateLimit: { perMinute: number; burst: number };
  /** Express's `trust proxy`: which proxies' X-Forwarded-For tells a client's address. */
  trustProxy: TrustProxy;
}

/** No proxy, a number of hops, or the proxies' addresses and subnets (and Express's names for ranges). */
export type TrustProxy = false | number | string[];

export interface Config {
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  subgraphUrls: Record<SubgraphName, string>;
  /** Connection string per subgraph; undefined everywhere means "embedded PostgreSQL". */
  databaseUrls: Record<SubgraphName, string | undefined>;
  databaseUrl: string | undefined;
  poolSize: number;
  /** DB_STATEMENT_TIMEOUT_MS: PostgreSQL's statement_timeout on the pools' connections. */
  statementTimeoutMs: number;
  /** BULK_STATEMENT_TIMEOUT_MS: the server-side deadline of one statement of a bulk load. */
  bulkStatementTimeoutMs: number;
  /** How many heavy aggregates a subgraph computes at once, and how many may wait (SERVICE_OVERLOADED beyond). */
  aggregates: { concurrency: number; queueSize: number };
  embeddedPostgres: { dataDir: string; port: number };
  transport: "local" | "http";
  seed: "auto" | "never";
  supergraphPath: string;
  subgraphTimeoutMs: number;
  /** The gateway's response cache: its size, and the databases to LISTEN on (none: no cache). */
  responseCache: ResponseCacheConfig;
  /** Serve the GraphiQL explorer from the gateway. */
  graphiql: boolean;
  /** Answer introspection queries at the gateway. */
  introspection: boolean;
  /** Serve the dashboard, the exports and the persisted dashboard operations. */
  dashboard: boolean;
  logLevel: LogLevel;
  /** HEAP_GROWTH_PERCENT; 0 leaves it to V8. */
  heapGrowthPercent: number;
  internalSecret: string | undefined;
  auth: AuthConfig;
  limits: GatewayLimits;
  subgraphMaxBodyBytes: number;
  webhooks: WebhookConfig;
}

/** How webhooks are delivered (shared/webhooks). */
export interface WebhookConfig {
  delivery: boolean;
  localDestinations: boolean;
  concurrency: number;
  timeoutMs: number;
  retry: { baseMs: number; maxMs: number; windowMs: number };
  pollMs: number;
  expiryScanMs: number;
}

export interface ResponseCacheConfig {
  /** RESPONSE_CACHE_MAX_BYTES; 0 is off. */
  maxBytes: number;
  /** Where writes are heard of; undefined when nothing tells the gateway (no cache then, unless the caller knows, as `npm start` does). */
  databaseUrls: string[] | undefined;
}

export interface AuthConfig {
  jwtSecret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string;
  audience: string;
  anonymous: "read" | "off";
  /** AUTH_MAX_TOKEN_AGE: the longest `exp` - `iat` accepted, in seconds (24 h when not given). */
  maxTokenAgeSeconds?: number;
}

/** Services running separately must share the secret they sign identities with. */
export function requireInternalSecret(config: Config): string {
  if (!config.internalSecret) {
    throw new ConfigError("INTERNAL_SECRET is required when services run separately: the same random string for the gateway and every subgraph (e.g. `openssl rand -hex 32`).");
  }
  return config.internalSecret;
}

/**
 * @apollo/gateway reports usage to Apollo and, to label it, probes cloud
 * metadata services (AWS, GCP, Azure, Alibaba) at start-up: network traffic
 * to hosts that are not ours. PartnerGraph never allows it.
 */
export function disableVendorTelemetry(env: Env = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED = "true";
}

export function readConfig(env: Env = process.env): Config {
  const subgraphPorts = {} as Record<SubgraphName, number>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const databaseUrls = {} as Record<SubgraphName, string | undefined>;
  const databaseUrl = read(env, "DATABASE_URL") || undefined;
  for (const name of SUBGRAPH_NAMES) {
    subgraphPorts[name] = readPort(env, subgraphVariable(name, "PORT"));
    subgraphUrls[name] = read(env, subgraphVariable(name, "URL")) || `http://localhost:${subgraphPorts[name]}/graphql`;
    databaseUrls[name] = read(env, subgraphVariable(name, "DATABASE_URL")) || databaseUrl;
  }
  return {
    host: read(env, "HOST"),
    gatewayPort: readPort(env, "GATEWAY_PORT"),
    subgraphPorts,
    subgraphUrls,
    databaseUrls,
    databaseUrl,
    poolSize: readInteger(env, "DB_POOL_SIZE", 1, 1000),
    statementTimeoutMs: readInteger(env, "DB_STATEMENT_TIMEOUT_MS", 1, 3_600_000),
    bulkStatementTimeoutMs: readInteger(env, "BULK_STATEMENT_TIMEOUT_MS", 1, 86_400_000),
    aggregates: { concurrency: readInteger(env, "AGGREGATE_CONCURRENCY", 1, 1000), queueSize: readInteger(env, "AGGREGATE_QUEUE_SIZE", 0, 100_000) },
    embeddedPostgres: {
      dataDir: path.resolve(read(env, "PG_DATA_DIR")),
      port: readPort(env, "PG_PORT"),
    },
    transport: readChoice(env, "SUBGRAPH_TRANSPORT", ["local", "http"] as const),
    seed: readChoice(env, "SEED", ["auto", "never"] as const),
    supergraphPath: path.resolve(read(env, "SUPERGRAPH_PATH")),
    subgraphTimeoutMs: readInteger(env, "SUBGRAPH_TIMEOUT_MS", 1, 600_000),
    responseCache: {
      maxBytes: readInteger(env, "RESPONSE_CACHE_MAX_BYTES", 0, 17_179_869_184),
      databaseUrls: readListenUrls(env, databaseUrls),
    },
    graphiql: readChoice(env, "GRAPHIQL", ON_OFF) === "on",
    introspection: readChoice(env, "INTROSPECTION", ON_OFF) === "on",
    dashboard: readChoice(env, "DASHBOARD", ON_OFF) === "on",
    logLevel: readChoice(env, "LOG_LEVEL", ["debug", "info", "warn", "error", "silent"] as const),
    heapGrowthPercent: readInteger(env, "HEAP_GROWTH_PERCENT", 0, 1000),
    internalSecret: readSecret(env, "INTERNAL_SECRET"),
    auth: {
      jwtSecret: readSecret(env, "AUTH_JWT_SECRET"),
      jwksUrl: read(env, "AUTH_JWKS_URL") || undefined,
      issuer: read(env, "AUTH_ISSUER"),
      audience: read(env, "AUTH_AUDIENCE"),
      anonymous: readChoice(env, "AUTH_ANONYMOUS", ["read", "off"] as const),
      maxTokenAgeSeconds: readInteger(env, "AUTH_MAX_TOKEN_AGE", 60, 31_536_000),
    },
    limits: readGatewayLimits(env),
    subgraphMaxBodyBytes: readInteger(env, "SUBGRAPH_MAX_BODY_BYTES", 1024, 1_073_741_824),
    webhooks: readWebhookConfig(env),
  };
}

export function readWebhookConfig(env: Env = process.env): WebhookConfig {
  return {
    delivery: readChoice(env, "WEBHOOK_DELIVERY", ON_OFF) === "on",
    localDestinations: readChoice(env, "WEBHOOK_LOCAL_DESTINATIONS", ON_OFF) === "on",
    concurrency: readInteger(env, "WEBHOOK_CONCURRENCY", 1, 1000),
    timeoutMs: readInteger(env, "WEBHOOK_TIMEOUT_MS", 100, 120_000),
    retry: {
      baseMs: readInteger(env, "WEBHOOK_RETRY_BASE_MS", 1, 86_400_000),
      maxMs: readInteger(env, "WEBHOOK_RETRY_MAX_MS", 1, 86_400_000),
      windowMs: readInteger(env, "WEBHOOK_RETRY_WINDOW_MS", 1, 2_592_000_000),
    },
    pollMs: readInteger(env, "WEBHOOK_POLL_MS", 10, 3_600_000),
    expiryScanMs: readInteger(env, "WEBHOOK_EXPIRY_SCAN_MS", 1000, 2_592_000_000),
  };
}

/**
 * The databases whose writes the gateway must hear of: those named, or else the
 * subgraphs' own connection strings when this environment has one for every
 * subgraph (then it knows every database they write to); a database's URL once.
 */
function readListenUrls(env: Env, subgraphDatabases: Record<SubgraphName, string | undefined>): string[] | undefined {
  const named = read(env, "RESPONSE_CACHE_DATABASE_URL")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  if (named.length) return [...new Set(named)];
  const known = Object.values(subgraphDatabases);
  return known.every((url) => url) ? [...new Set(known as string[])] : undefined;
}

/** The token `npm run import` sends (PARTNERGRAPH_TOKEN), or undefined. */
export function readImportToken(env: Env = process.env): string | undefined {
  return env.PARTNERGRAPH_TOKEN || undefined;
}

export function readGatewayLimits(env: Env = process.env): GatewayLimits {
  return {
    maxBodyBytes: readInteger(env, "MAX_BODY_BYTES", 1024, 1_073_741_824),
    maxImportBytes: readInteger(env, "IMPORT_MAX_BYTES", 1024, 805_306_368),
    importTimeoutMs: readInteger(env, "IMPORT_TIMEOUT_MS", 1, 3_600_000),
    maxDepth: readInteger(env, "QUERY_MAX_DEPTH", 1, 1000),
    maxAliases: readInteger(env, "QUERY_MAX_ALIASES", 0, 100_000),
    maxTokens: readInteger(env, "QUERY_MAX_TOKENS", 1, 10_000_000),
    maxCost: readInteger(env, "QUERY_MAX_COST", 1, 1_000_000_000),
    maxListSize: readInteger(env, "QUERY_MAX_LIST_SIZE", 1, 1_000_000),
    rateLimit: {
      perMinute: readInteger(env, "RATE_LIMIT_PER_MINUTE", 0, 10_000_000),
      burst: readInteger(env, "RATE_LIMIT_BURST", 1, 10_000_000),
    },
    trustProxy: readTrustProxy(env),
  };
}

const PROXY_RANGE_NAMES = ["loopback", "linklocal", "uniquelocal"];

function readTrustProxy(env: Env): TrustProxy {
  const text = read(env, "TRUST_PROXY").trim();
  if (text === "off" || text === "") return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUST_PROXY must be off, a number of hops from 1 to 10, or addresses, got "${text}"`);
    return hops;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const version = net.isIP(address);
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!PROXY_RANGE_NAMES.includes(entry) && (!version || !prefixOk || extra !== undefined)) {
      throw new ConfigError(`TRUST_PROXY: "${entry}" is not an IP address, a subnet (10.0.0.0/8) or one of ${PROXY_RANGE_NAMES.join(", ")}`);
    }
  }
  return entries;
}
