/**
 * The transaction id below which every transaction that could have written to
 * this database has finished, as seen by the statement's own snapshot: what
 * the change feeds and the webhook outbox page up to, so that a transaction
 * committing late never lands behind a cursor already handed out.
 *
 * pg_snapshot_xmin alone would be the oldest transaction running anywhere on
 * the server, so a long transaction in another database (a bulk load, another
 * tenant, a test file next door) would hold every feed back until it ends.
 * This leaves out the running transactions pg_stat_activity shows in another
 * database (its backend_xid and datname are visible to any role). Anything it
 * cannot place, such as a transaction that has ended since the snapshot or a
 * prepared one, still holds the horizon: the answer may wait, never skip.
 * backend_xid is the 32-bit form of the snapshot's 64-bit ids.
 */
export const FINISHED_BELOW_SQL = `(SELECT COALESCE(min(running.id::text::bigint), min(pg_snapshot_xmax(s.snapshot)::text::bigint))
   FROM (SELECT pg_current_snapshot() AS snapshot) s
   LEFT JOIN LATERAL pg_snapshot_xip(s.snapshot) AS running(id)
     ON running.id::text::bigint % 4294967296 NOT IN (
          SELECT backend_xid::text::bigint FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname <> current_database()))`;
