/**
 * docker-compose.yml, written from the subgraph registry by `npm run
 * compose`: PostgreSQL, the provisioning step, one service per subgraph (each
 * with its own database role, its port and the URLs of the subgraphs it
 * depends on) and the gateway in front of them all.
 */
import { SUBGRAPH_REGISTRY, peersOf, startOrder, type SubgraphEntry } from "../subgraph/registry";

const HEADER = `# The distributed topology: PostgreSQL, a one-shot provisioning step, the
# subgraphs and the gateway as separate services, each configured only
# by environment variables (see the README's configuration table).
# Written by \`npm run compose\` from shared/subgraph/registry.ts; test/docker-compose.test.ts
# keeps it in step with the code.
#
# Least privilege: \`provision\` connects as the admin user (DATABASE_URL) and
# creates one login role per subgraph, named and with the password given in
# that subgraph's *_DATABASE_URL, owning its schema and nothing else. Each
# subgraph gets only its own connection string, never the admin's.
# The passwords below are for a local trial; set real ones (and keep them out
# of this file) for anything else.
name: partnergraph
`;

const url = (entry: SubgraphEntry) => `http://${entry.name}:${entry.defaultPort}/graphql`;
const byName = new Map<string, SubgraphEntry>(SUBGRAPH_REGISTRY.map((entry) => [entry.name, entry]));

function subgraphService(entry: SubgraphEntry): string {
  const peers = peersOf(entry.name).map((name) => `      ${byName.get(name)!.envPrefix}_URL: ${url(byName.get(name)!)}`);
  return `  ${entry.name}:
    <<: *subgraph
    command: ["npm", "run", "start:subgraph", "--", "${entry.name}"]
    environment:
      ${entry.envPrefix}_DATABASE_URL: *${entry.name}-database-url
      HOST: 0.0.0.0
      ${entry.envPrefix}_PORT: "${entry.defaultPort}"
      INTERNAL_SECRET: *internal-secret
${peers.length ? `${peers.join("\n")}\n` : ""}    expose: ["${entry.defaultPort}"]
    healthcheck:
      test: ["CMD", "node", "-e", "fetch('http://localhost:${entry.defaultPort}/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      interval: 5s
      retries: 20
`;
}

export function dockerCompose(): string {
  const subgraphs = startOrder().map((name) => byName.get(name)!);
  return `${HEADER}
x-database-urls:
  admin: &admin-database-url postgres://partnergraph:partnergraph@postgres:5432/partnergraph
${subgraphs.map((entry) => `  ${entry.name}: &${entry.name}-database-url postgres://partnergraph_${entry.name}:${entry.name}-local@postgres:5432/partnergraph`).join("\n")}

# The gateway signs the caller's identity with it and the subgraphs check it: one random value, from your
# environment or an .env file beside this one (docker compose refuses to start without it).
x-internal-secret: &internal-secret \${INTERNAL_SECRET:?set INTERNAL_SECRET to a random string of 32 or more characters}

x-subgraph: &subgraph
  build: .
  restart: unless-stopped
  depends_on:
    provision:
      condition: service_completed_successfully

services:
  postgres:
    image: postgres:18
    environment:
      POSTGRES_USER: partnergraph
      POSTGRES_PASSWORD: partnergraph
      POSTGRES_DB: partnergraph
    volumes:
      - postgres-data:/var/lib/postgresql
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U partnergraph -d partnergraph"]
      interval: 2s
      timeout: 5s
      retries: 30

  # Runs once per \`docker compose up\` (every step converges) and exits.
  provision:
    build: .
    restart: "no"
    command: ["npm", "run", "provision"]
    environment:
      DATABASE_URL: *admin-database-url
${subgraphs.map((entry) => `      ${entry.envPrefix}_DATABASE_URL: *${entry.name}-database-url`).join("\n")}
    depends_on:
      postgres:
        condition: service_healthy

${subgraphs.map(subgraphService).join("\n")}
  gateway:
    build: .
    restart: unless-stopped
    command: ["npm", "run", "start:gateway"]
    environment:
      HOST: 0.0.0.0
      GATEWAY_PORT: "4000"
      INTERNAL_SECRET: *internal-secret
      # Local tokens (npm run token with the same secret); for an identity provider set
      # AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE instead.
      AUTH_JWT_SECRET: \${AUTH_JWT_SECRET:?set AUTH_JWT_SECRET to a random string of 32 or more characters}
${subgraphs.map((entry) => `      ${entry.envPrefix}_URL: ${url(entry)}`).join("\n")}
      # Limits (QUERY_MAX_*, MAX_BODY_BYTES, RATE_LIMIT_*) keep their defaults; see the README.
    ports: ["4000:4000"]
    # The gateway starts without its subgraphs (static supergraph); waiting
    # for them only keeps the first requests from failing.
    depends_on:
${subgraphs.map((entry) => `      ${entry.name}:\n        condition: service_healthy`).join("\n")}

volumes:
  postgres-data:
`;
}
