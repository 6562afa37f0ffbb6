/** A fingerprint of every table the subgraphs own, to prove that refused requests wrote nothing. */
import pg from "pg";
import { SUBGRAPH_NAMES } from "../../../shared/config";

/** `schema.table` → row count and md5 of all its rows (as text, in a fixed order). */
export async function tableChecksums(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [[...SUBGRAPH_NAMES]],
    );
    const checksums: Record<string, string> = {};
    for (const { schema, name } of tables) {
      const table = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`;
      const { rows } = await client.query<{ count: number; md5: string }>(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
      );
      checksums[`${schema}.${name}`] = `${rows[0].count} rows, md5 ${rows[0].md5}`;
    }
    return checksums;
  } finally {
    await client.end();
  }
}
