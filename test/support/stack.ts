/** The whole graph on a test database and free ports, exactly as `npm start` builds it. */
import { randomBytes } from "node:crypto";
import { SUBGRAPH_NAMES, readConfig, subgraphVariable, type Config, type SubgraphName } from "../../shared/config";
import { listen } from "../../shared/http/server";
import { createLogger } from "../../shared/logger";
import { createGateway, type Gateway, type GatewayOptions } from "../../gateway/server";
import { readSupergraph } from "../../gateway/supergraph";
import { startStack, type Stack } from "../../shared/stack";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestStack extends Stack {
  database: TestDatabase;
}

/** Secrets of their own for every test stack, so no test touches the developer's .data folder. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return readConfig({
    DATABASE_URL: databaseUrl,
    INTERNAL_SECRET: randomBytes(32).toString("hex"),
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    GATEWAY_PORT: "0",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, "PORT"), "0"])),
    LOG_LEVEL: "silent",
    ...overrides,
  });
}

/** One URL for every subgraph in the registry: the base of a gateway a test points at a few subgraphs on purpose. */
export function everySubgraphAt(url: string): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url])) as Record<SubgraphName, string>;
}

export async function startTestStack(overrides: Record<string, string> = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  try {
    const stack = await startStack(testConfig(database.url, overrides));
    return {
      ...stack,
      database,
      async stop() {
        await stack.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Another gateway in front of a stack's subgraphs, with other settings (limits, timeouts, in-process calls). */
export async function startExtraGateway(
  stack: Stack,
  options: Partial<Omit<GatewayOptions, "subgraphUrls">> & { subgraphUrls?: Partial<Stack["subgraphUrls"]> } = {},
): Promise<{ url: string; gateway: Gateway; stop(): Promise<void> }> {
  const gateway = await createGateway({
    supergraphSdl: readSupergraph(readConfig({}).supergraphPath),
    subgraphTimeoutMs: 10_000,
    internalSecret: stack.internalSecret,
    auth: stack.auth,
    logger: createLogger("gateway", "silent"),
    ...options,
    subgraphUrls: { ...stack.subgraphUrls, ...options.subgraphUrls },
  });
  const server = await listen(gateway.app, 0, "127.0.0.1", "GATEWAY_PORT");
  return {
    url: `http://127.0.0.1:${server.port}/graphql`,
    gateway,
    async stop() {
      await server.close();
      await gateway.stop();
    },
  };
}
