/**
 * Schema changes go through committed migrations: on a new database they
 * build exactly what the entities describe, they run once, they can be
 * reverted, and seeding twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase, type SubgraphDataSource } from "../shared/database/data-source";
import { createLogger } from "../shared/logger";
import { subgraphs } from "../subgraphs";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

const logger = createLogger("test", "silent");

function dataSourceFor(name: (typeof SUBGRAPH_NAMES)[number]): SubgraphDataSource {
  const definition = subgraphs[name];
  return createSubgraphDataSource({ url: database.url, schema: name, entities: definition.entities, migrations: definition.migrations });
}

async function snapshot(dataSource: SubgraphDataSource): Promise<string> {
  const tables: { table_name: string }[] = await dataSource.query(
    // Tables only: a view (the programs' day cells) holds no rows of its own.
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' AND table_type = 'BASE TABLE' ORDER BY 1",
    [dataSource.driver.schema],
  );
  const contents = await Promise.all(tables.map(({ table_name }) => dataSource.query(`SELECT * FROM "${table_name}" t ORDER BY t::text`)));
  return JSON.stringify(contents);
}

describe.each(SUBGRAPH_NAMES)("the %s subgraph's migrations", (name) => {
  it("create exactly what the entities describe, in the subgraph's own schema", async () => {
    const dataSource = dataSourceFor(name);
    await openSubgraphDatabase(dataSource);
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
      const tables: { table_schema: string }[] = await dataSource.query(
        "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema = $1",
        [name],
      );
      expect(tables).toEqual([{ table_schema: name }]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("run once: opening again applies nothing", async () => {
    const dataSource = dataSourceFor(name);
    await openSubgraphDatabase(dataSource);
    try {
      const applied = await dataSource.query(`SELECT count(*)::int AS n FROM "${name}".migrations`);
      expect(applied[0].n).toBe(subgraphs[name].migrations.length);
    } finally {
      await dataSource.destroy();
    }
  });

  it("seed idempotently: a second seed changes no row", async () => {
    const dataSource = dataSourceFor(name);
    await openSubgraphDatabase(dataSource);
    try {
      await subgraphs[name].seed(dataSource, logger);
      const before = await snapshot(dataSource);
      expect(before.length).toBeGreaterThan(10);
      await subgraphs[name].seed(dataSource, logger);
      expect(await snapshot(dataSource)).toBe(before);
    } finally {
      await dataSource.destroy();
    }
  });

  it("revert cleanly, down to an empty schema", async () => {
    const dataSource = dataSourceFor(name);
    await openSubgraphDatabase(dataSource);
    try {
      for (let i = 0; i < subgraphs[name].migrations.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations'",
        [name],
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe("all three subgraphs migrating one new database at the same time", () => {
  // As in the distributed topology's first start: before the extension set-up took turns,
  // two subgraphs' `CREATE SCHEMA IF NOT EXISTS extensions` could collide (duplicate key).
  it.each([1, 2, 3, 4, 5])("succeed together (fresh database %i)", async () => {
    const fresh = await createTestDatabase();
    const dataSources = SUBGRAPH_NAMES.map((name) =>
      createSubgraphDataSource({ url: fresh.url, schema: name, entities: subgraphs[name].entities, migrations: subgraphs[name].migrations }),
    );
    try {
      await Promise.all(dataSources.map((dataSource) => openSubgraphDatabase(dataSource)));
      for (const dataSource of dataSources) expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await Promise.all(dataSources.filter((d) => d.isInitialized).map((d) => d.destroy()));
      await fresh.drop();
    }
  });
});
