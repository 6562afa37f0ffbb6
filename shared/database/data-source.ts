/**
 * One TypeORM DataSource per subgraph: its own PostgreSQL schema, its own
 * migrations table inside that schema, its own pool. Nothing here reaches
 * across schemas.
 */
import pg from "pg";
import { DataSource, MigrationExecutor, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from "typeorm";
import type { Logger } from "../logger";
import { notifyChangesOnEveryTable } from "./change-notifications";
import { EXTENSIONS_SCHEMA } from "./extensions";
import { cancelAbandonedStatements } from "./request-cancellation";
import { SnakeNamingStrategy } from "./naming-strategy";

export interface SubgraphDatabaseOptions {
  url: string;
  /** PostgreSQL schema the subgraph owns, e.g. "enterprises". */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** PostgreSQL's statement_timeout on every connection (DB_STATEMENT_TIMEOUT_MS); 0 turns it off. */
  statementTimeoutMs?: number;
  /**
   * How long the client waits for one statement before it gives up on it (pg's query_timeout, which
   * does not stop the statement in PostgreSQL: statementTimeoutMs does). Default 60 s; bulk work
   * passes its own deadline, a little beyond its statement_timeout so the server's error arrives first.
   */
  queryTimeoutMs?: number;
  logger?: Logger;
}

// PostgreSQL `date` stays "YYYY-MM-DD" text (a JS Date would shift it by the
// time zone); bigint counts come back as numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Counts every SQL statement a DataSource sends: the N+1 tests and the benchmarks read it. */
export class StatementCounter {
  count = 0;
}

class StatementLogger implements TypeOrmLogger {
  constructor(
    private readonly counter: StatementCounter,
    private readonly logger?: Logger,
  ) {}
  logQuery(query: string): void {
    this.counter.count++;
    if (this.logger?.isLevelEnabled("trace")) this.logger.trace({ sql: query }, "sql");
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ sql: query, err: error }, "sql failed");
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ sql: query, ms: time }, "slow sql");
  }
  logSchemaBuild(message: string): void {
    this.logger?.debug(message);
  }
  logMigration(message: string): void {
    this.logger?.info(message);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger?.warn(String(message));
    else this.logger?.debug(String(message));
  }
}

export interface SubgraphDataSource extends DataSource {
  statements: StatementCounter;
}

/** DB_STATEMENT_TIMEOUT_MS's default (shared/config.ts), for the scripts that do not read the configuration. */
const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export function createSubgraphDataSource(options: SubgraphDatabaseOptions): SubgraphDataSource {
  const statements = new StatementCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: new StatementLogger(statements, options.logger),
    maxQueryExecutionTime: 1000,
    extra: {
      max: options.poolSize ?? 10,
      application_name: `partnergraph-${options.schema}`,
      // A hung or unreachable server must not hold requests (and the pool) for ever: give up on
      // getting a connection after 10 s and on any statement after 60 s (generous for migrations),
      // or a little after the server-side deadline when a bulk loader asks for a longer one.
      connectionTimeoutMillis: 10_000,
      query_timeout: options.queryTimeoutMs ?? Math.max(60_000, (options.statementTimeoutMs ?? 0) + 5_000),
      // Raw SQL in this subgraph sees only its own schema (and the shared extensions) unless it names another.
      // The dashboard aggregates (network, statistics) sort and hash tens of thousands of rows:
      // 16 MB keeps them in memory instead of spilling to disk, per operation of a connection.
      // statement_timeout is the server-side deadline of every statement: nothing runs on after its request is over.
      options: `-c search_path=${options.schema},${EXTENSIONS_SCHEMA} -c work_mem=16MB -c statement_timeout=${options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS}`,
    },
  }) as SubgraphDataSource;
  dataSource.statements = statements;
  return dataSource;
}

/**
 * Connects, creates the schema if it is missing, runs pending migrations and
 * makes every table notify its committed writes (change-notifications.ts).
 * An advisory lock keeps two replicas of one subgraph from migrating at once.
 */
export async function openSubgraphDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.initialize();
  cancelAbandonedStatements((dataSource.driver as unknown as { master: pg.Pool }).master);
  const schema = dataSource.driver.schema!;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext($1))", [`partnergraph:migrate:${schema}`]);
    const [{ exists }] = await runner.query("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists", [schema]);
    // Checked first: with least-privilege roles the schema is provisioned and CREATE is not granted.
    if (!exists) await runner.query(`CREATE SCHEMA "${schema}"`);
    // Migrations (an index over a large table) may take longer than any request: no statement deadline on this connection.
    await runner.query("SET statement_timeout = 0");
    const migrations = new MigrationExecutor(dataSource, runner);
    migrations.transaction = "each";
    await migrations.executePendingMigrations();
    // Every table, a new one included, tells listeners when a write to it commits (the gateway's response cache).
    await notifyChangesOnEveryTable(runner, schema);
  } finally {
    await runner.query("SELECT pg_advisory_unlock(hashtext($1))", [`partnergraph:migrate:${schema}`]).catch(() => undefined);
    await runner.query("RESET statement_timeout").catch(() => undefined);
    await runner.release();
  }
}
