/** The whole graph on a test database and free ports, exactly as `npm start` builds it. */
import { readConfig, type Config } from "../../shared/config";
import { startStack, type Stack } from "../../scripts/stack";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestStack extends Stack {
  database: TestDatabase;
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return readConfig({
    DATABASE_URL: databaseUrl,
    GATEWAY_PORT: "0",
    ENTERPRISES_PORT: "0",
    UNIVERSITIES_PORT: "0",
    PROGRAMS_PORT: "0",
    LOG_LEVEL: "silent",
    ...overrides,
  });
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
