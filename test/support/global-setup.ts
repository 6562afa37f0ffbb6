/**
 * One PostgreSQL server for the whole run: DATABASE_URL's server if given,
 * otherwise a throwaway embedded one. Each test file creates its own
 * database on it (test/support/database.ts), so files never share data.
 */
import type { TestProject } from "vitest/node";
import { startScratchPostgres } from "../../shared/database/scratch-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("postgresAdminUrl", process.env.DATABASE_URL);
    return;
  }
  const postgres = await startScratchPostgres();
  project.provide("postgresAdminUrl", postgres.adminUrl);
  return async () => {
    await postgres.stop();
  };
}
