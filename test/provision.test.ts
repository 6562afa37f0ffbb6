/**
 * Least privilege (`npm run provision`): each subgraph's role owns its own
 * schema, migrates and seeds it, and can read or create nothing elsewhere.
 * A PostgreSQL of its own, since roles belong to the whole server.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, SUBGRAPH_NAMES, readConfig, type SubgraphName } from "../shared/config";
import { createSubgraphDataSource, openSubgraphDatabase } from "../shared/database/data-source";
import { provision } from "../shared/database/provision";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { createLogger } from "../shared/logger";
import { openSubgraph } from "../shared/subgraph/open";
import { subgraphs } from "../subgraphs";

let postgres: Awaited<ReturnType<typeof startScratchPostgres>>;
const logger = createLogger("test", "silent");

function roleUrl(name: SubgraphName, password = `secret-${name}`): string {
  const url = new URL(postgres.url);
  url.username = `partnergraph_${name}`;
  url.password = password;
  return url.toString();
}
const roleUrls = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, roleUrl(name)])) as Record<SubgraphName, string>;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  postgres = await startScratchPostgres();
  // A deployment that ran as one admin user first: its enterprises schema and tables belong to the admin.
  const { entities, migrations } = subgraphs.enterprises;
  const legacy = createSubgraphDataSource({ url: postgres.url, schema: "enterprises", entities, migrations });
  await openSubgraphDatabase(legacy);
  await legacy.destroy();
});

afterAll(async () => {
  await postgres?.stop();
});

describe("npm run provision", () => {
  it("gives each subgraph a role that migrates and seeds its own schema", async () => {
    const provisioned = await provision(postgres.url, roleUrls(), logger);
    expect(provisioned.map((p) => p.role)).toEqual(SUBGRAPH_NAMES.map((name) => `partnergraph_${name}`));
    for (const name of SUBGRAPH_NAMES) {
      const subgraph = await openSubgraph(subgraphs[name], roleUrl(name), { ...readConfig({}), poolSize: 2, internalSecret: randomBytes(32).toString("hex"), peerUrls: {} }, logger);
      try {
        expect(await subgraph.dataSource.showMigrations()).toBe(false);
        const [{ owner }] = await subgraph.dataSource.query(
          "SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1",
          [name],
        );
        expect(owner).toBe(`partnergraph_${name}`);
      } finally {
        await subgraph.stop();
      }
    }
    // The schema that existed before is handed over with its tables.
    const [{ count }] = (await query(roleUrl("enterprises"), "SELECT count(*)::int AS count FROM enterprises.enterprise")) as { count: number }[];
    expect(count).toBeGreaterThan(0);
  });

  it("keeps each role out of the other subgraphs' schemas and out of everything else", async () => {
    const denied = async (name: SubgraphName, sql: string) => {
      await expect(query(roleUrl(name), sql)).rejects.toMatchObject({ code: "42501" });
    };
    await denied("enterprises", "SELECT * FROM universities.university");
    await denied("enterprises", "SELECT * FROM programs.program");
    await denied("universities", "SELECT * FROM enterprises.enterprise");
    await denied("programs", "SELECT * FROM universities.department");
    await denied("programs", "CREATE TABLE universities.intruder (id int)");
    await denied("programs", "CREATE TABLE public.intruder (id int)");
    await denied("programs", "CREATE SCHEMA intruder");
    await denied("programs", "CREATE TEMPORARY TABLE intruder (id int)");
  });

  it("converges when run again, and changes a password", async () => {
    const urls = { ...roleUrls(), universities: roleUrl("universities", "rotated") };
    await provision(postgres.url, urls, logger);
    await expect(query(roleUrl("universities"), "SELECT 1")).rejects.toMatchObject({ code: "28P01" });
    expect(await query(urls.universities, "SELECT count(*) FROM universities.university")).toHaveLength(1);
  });

  it("refuses connection strings that would not separate the subgraphs", async () => {
    const urls = roleUrls();
    await expect(provision(postgres.url, { ...urls, programs: postgres.url }, logger)).rejects.toThrow(ConfigError);
    await expect(provision(postgres.url, { ...urls, programs: urls.enterprises }, logger)).rejects.toThrow(/role of its own/);
    const noPassword = new URL(urls.programs);
    noPassword.password = "";
    await expect(provision(postgres.url, { ...urls, programs: noPassword.toString() }, logger)).rejects.toThrow(/password/);
    await expect(provision(postgres.url, { ...urls, programs: undefined }, logger)).rejects.toThrow(/PROGRAMS_DATABASE_URL/);
    const reserved = new URL(urls.programs);
    reserved.username = "pg_programs";
    await expect(provision(postgres.url, { ...urls, programs: reserved.toString() }, logger)).rejects.toThrow(/reserves/);
  });
});
