/**
 * The transaction id below which every transaction that could have written to
 * this database has finished: what the change feeds and the webhook outbox
 * page up to, so that a transaction committing late never lands behind a
 * cursor already handed out.
 *
 * pg_snapshot_xmin alone would be the oldest transaction running anywhere on
 * the server, so a long transaction in another database (a bulk load, another
 * tenant, a test file next door) would hold every feed back until it ends.
 * So the running transactions pg_stat_activity shows in another database
 * (its backend_xid and datname are visible to any role) are left out.
 *
 * Those are read by an earlier statement than the one whose snapshot gives
 * the horizon. Read in the same statement (after its snapshot), a transaction
 * of another database could be left out by one read and, having ended since,
 * no longer be placed by the next: the horizon would step back and a feed
 * briefly show fewer entries. Read before the snapshot, any transaction still
 * running at the snapshot was running at that read too, so a later read
 * places at least what an earlier one did, and the horizon never steps back.
 * Anything not placed (this database's, a prepared one, one begun since the
 * read) holds the horizon: the answer may wait, never skip.
 * backend_xid is the 32-bit form of the snapshot's 64-bit ids.
 */
type Query = (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/** The 32-bit ids of the transactions running in other databases now, as decimal strings. */
export async function otherDatabasesRunning(query: Query): Promise<string[]> {
  const [row] = await query(
    `SELECT COALESCE(array_agg(backend_xid::text), '{}') AS ids FROM pg_stat_activity
      WHERE backend_xid IS NOT NULL AND datname <> current_database()`,
    [],
  );
  return row.ids as string[];
}

/** The horizon as an SQL expression, given the parameter holding otherDatabasesRunning's ids. */
export function finishedBelowSql(otherDatabasesParameter: string): string {
  return `(SELECT COALESCE(min(running.id::text::bigint), min(pg_snapshot_xmax(s.snapshot)::text::bigint))
   FROM (SELECT pg_current_snapshot() AS snapshot) s
   LEFT JOIN LATERAL pg_snapshot_xip(s.snapshot) AS running(id)
     ON NOT (running.id::text::bigint % 4294967296 = ANY (${otherDatabasesParameter}::bigint[])))`;
}
