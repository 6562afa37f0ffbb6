/**
 * npm run migration:generate -- <subgraph> <Name>
 *
 * Applies the subgraph's committed migrations to a scratch PostgreSQL, asks
 * TypeORM what its entities still need, and writes that as a new migration
 * in subgraphs/<subgraph>/migrations/. Read it before committing: custom SQL
 * (trigram indexes, extensions) is added by hand.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { SUBGRAPH_NAMES, type SubgraphName } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { subgraphs } from "../subgraphs";

const [name, migrationName] = process.argv.slice(2);
if (!SUBGRAPH_NAMES.includes(name as SubgraphName) || !/^[A-Z][A-Za-z0-9]+$/.test(migrationName ?? "")) {
  console.error(`usage: npm run migration:generate -- <${SUBGRAPH_NAMES.join("|")}> <PascalCaseName>`);
  process.exit(2);
}
const definition = subgraphs[name as SubgraphName];
const folder = path.resolve("subgraphs", name, "migrations");

const postgres = await startScratchPostgres();
try {
  const dataSource = createSubgraphDataSource({
    url: postgres.url,
    schema: name,
    entities: definition.entities,
    migrations: definition.migrations,
  });
  await openSubgraphDatabase(dataSource);
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (upQueries.length === 0) {
    console.log(`${name}: the entities match the migrations; nothing to generate.`);
  } else {
    const timestamp = Date.now();
    const className = `${migrationName}${timestamp}`;
    const lines = (queries: typeof upQueries) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ""});`).join("\n");
    const file = path.join(folder, `${timestamp}-${migrationName}.ts`);
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...downQueries].reverse())}
  }
}
`,
    );
    writeIndex();
    console.log(`wrote ${path.relative(process.cwd(), file)} (${upQueries.length} statements)`);
  }
} finally {
  await postgres.stop();
}

/** migrations/index.ts lists every migration file, oldest first. */
function writeIndex(): void {
  const files = fs.readdirSync(folder).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
  const entries = files.map((f) => {
    const [timestamp, base] = f.replace(/\.ts$/, "").split("-");
    return { module: `./${f.replace(/\.ts$/, "")}`, className: `${base}${timestamp}` };
  });
  fs.writeFileSync(
    path.join(folder, "index.ts"),
    `// Written by scripts/generate-migration.ts: every migration of this subgraph, oldest first.\n` +
      entries.map((e) => `import { ${e.className} } from "${e.module}";`).join("\n") +
      `\n\nexport const migrations = [${entries.map((e) => e.className).join(", ")}];\n`,
  );
}
