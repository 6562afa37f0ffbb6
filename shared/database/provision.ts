/**
 * Least privilege on a shared PostgreSQL: one login role per subgraph that
 * owns its schema and can use nothing else. Run with an admin connection
 * (`npm run provision`) before the subgraphs start, and again whenever a role
 * or password changes: every step converges, so running it twice is harmless.
 * The roles, their passwords and their databases are read from the very
 * connection strings the subgraphs use (ENTERPRISES_DATABASE_URL, ...), so
 * the two can never disagree.
 */
import pg from "pg";
import { ConfigError, SUBGRAPH_NAMES, subgraphVariable, type SubgraphName } from "../config";
import type { Logger } from "../logger";
import { EXTENSIONS, EXTENSIONS_SCHEMA } from "./extensions";

export interface ProvisionedSubgraph {
  subgraph: SubgraphName;
  role: string;
  database: string;
}

/** What each subgraph's connection string says about its role; checked before anything is changed. */
export function subgraphRoles(adminUrl: string, databaseUrls: Record<SubgraphName, string | undefined>): (ProvisionedSubgraph & { password: string; url: URL })[] {
  const admin = new URL(adminUrl);
  const roles = SUBGRAPH_NAMES.map((subgraph) => {
    const variable = subgraphVariable(subgraph, "DATABASE_URL");
    const text = databaseUrls[subgraph];
    if (!text) throw new ConfigError(`${variable} is required: it names the role, password and database of the ${subgraph} subgraph.`);
    const url = new URL(text);
    const role = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    if (!role || role === decodeURIComponent(admin.username)) {
      throw new ConfigError(`${variable} must connect as a role of its own, not as DATABASE_URL's admin user.`);
    }
    if (role.startsWith("pg_")) throw new ConfigError(`${variable} names the role ${role}; PostgreSQL reserves names starting with pg_.`);
    if (!password) throw new ConfigError(`${variable} must carry a password for the role ${role}.`);
    return { subgraph, role, password, url, database: url.pathname.slice(1) || "postgres" };
  });
  const names = roles.map((r) => r.role);
  if (new Set(names).size !== names.length) throw new ConfigError(`Each subgraph needs a role of its own; got ${names.join(", ")}.`);
  return roles;
}

export async function provision(
  adminUrl: string,
  databaseUrls: Record<SubgraphName, string | undefined>,
  logger?: Logger,
): Promise<ProvisionedSubgraph[]> {
  const roles = subgraphRoles(adminUrl, databaseUrls);
  // One subgraph per database or all in one: provision each database the subgraphs use, as the admin user.
  const databases = new Map<string, typeof roles>();
  for (const role of roles) {
    const target = new URL(adminUrl);
    target.host = role.url.host;
    target.pathname = role.url.pathname;
    const key = target.toString();
    databases.set(key, [...(databases.get(key) ?? []), role]);
  }
  for (const [url, here] of databases) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('partnergraph:provision'))");
      await provisionDatabase(client, here, roles.map((r) => r.subgraph));
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
    for (const { subgraph, role, database } of here) logger?.info({ subgraph, role, database }, "provisioned");
  }
  return roles.map(({ subgraph, role, database }) => ({ subgraph, role, database }));
}

async function provisionDatabase(
  client: pg.Client,
  roles: { subgraph: SubgraphName; role: string; password: string; database: string }[],
  allSchemas: SubgraphName[],
): Promise<void> {
  const id = (name: string) => client.escapeIdentifier(name);
  const database = roles[0].database;
  // Nobody but the roles named here connects, and nobody creates anything outside the schemas handed out below.
  await client.query(`REVOKE ALL ON DATABASE ${id(database)} FROM PUBLIC`);
  await client.query("REVOKE ALL ON SCHEMA public FROM PUBLIC");
  // Extensions (pg_trgm, ...) only the admin may create live in one schema every role may use.
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${id(EXTENSIONS_SCHEMA)}`);
  for (const extension of EXTENSIONS) {
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${id(extension)} WITH SCHEMA ${id(EXTENSIONS_SCHEMA)}`);
  }

  for (const { subgraph, role, password } of roles) {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(`${rowCount ? "ALTER" : "CREATE"} ROLE ${id(role)} WITH ${attributes}`);
    await client.query(`GRANT CONNECT ON DATABASE ${id(database)} TO ${id(role)}`);
    await client.query(`GRANT USAGE ON SCHEMA ${id(EXTENSIONS_SCHEMA)} TO ${id(role)}`);

    await client.query(`CREATE SCHEMA IF NOT EXISTS ${id(subgraph)} AUTHORIZATION ${id(role)}`);
    await handOver(client, subgraph, role);
    await client.query(`REVOKE ALL ON SCHEMA ${id(subgraph)} FROM PUBLIC`);
    // Undo any grant a role may have been given on another subgraph's schema.
    for (const other of allSchemas.filter((name) => name !== subgraph)) {
      const { rowCount: exists } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [other]);
      if (!exists) continue;
      await client.query(`REVOKE ALL ON SCHEMA ${id(other)} FROM ${id(role)}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${id(other)} FROM ${id(role)}`);
      await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${id(other)} FROM ${id(role)}`);
    }
  }
}

/**
 * A schema that was created before the roles existed (a deployment that ran
 * as one user at first) is handed to the subgraph's role with everything in
 * it, so the role can run the migrations that alter its tables.
 */
async function handOver(client: pg.Client, schema: string, role: string): Promise<void> {
  const id = (name: string) => client.escapeIdentifier(name);
  await client.query(`ALTER SCHEMA ${id(schema)} OWNER TO ${id(role)}`);
  const owned = (sql: string) => client.query<{ name: string }>(sql, [schema, role]).then((r) => r.rows.map((row) => row.name));
  // Tables first: their identity and serial sequences, indexes and row types follow them.
  for (const name of await owned(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> $2`,
  )) {
    await client.query(`ALTER TABLE ${name} OWNER TO ${id(role)}`);
  }
  for (const name of await owned(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $2`,
  )) {
    await client.query(`ALTER SEQUENCE ${name} OWNER TO ${id(role)}`);
  }
  for (const name of await owned(
    `SELECT format('%I.%I', n.nspname, t.typname) AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> $2`,
  )) {
    await client.query(`ALTER TYPE ${name} OWNER TO ${id(role)}`);
  }
  for (const name of await owned(
    `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
  )) {
    await client.query(`ALTER ROUTINE ${name} OWNER TO ${id(role)}`);
  }
}
