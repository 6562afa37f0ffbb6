/**
 * Archival and references to the archived record must not interleave: a
 * program that checked an institution while its archival was still being
 * written would otherwise be stored after the archival. Both take a
 * transaction-scoped advisory lock on the record's id: the archival an
 * exclusive one, a write naming the record a shared one held from before its
 * reference check until it commits. So either the archival waits for the
 * write to commit, or the write's check waits for the archival and sees it.
 *
 * Advisory locks belong to one database: this holds where the subgraphs'
 * schemas share one (npm start, the tests, docker-compose.yml). Subgraphs in
 * separate databases still check at the end of the writing transaction, which
 * narrows the window to the commit itself.
 */
import type { EntityManager } from "typeorm";

/** The first key of these locks (the second is the id's hash), apart from any other advisory lock. */
const REFERENCE_LOCKS = 15_015;

/**
 * The locks a long transaction of many writes (an import) already holds, so
 * that each id is locked once, not once per row naming it. Only for a
 * transaction that asks (`rememberReferenceLocks`): a transaction-scoped lock
 * is held until commit, except one taken inside a savepoint rolled back since,
 * which `forgetReferenceLocks` accounts for.
 */
const held = new WeakMap<EntityManager, Set<string>>();

/** From now on, `manager`'s transaction takes each reference lock once. */
export function rememberReferenceLocks(manager: EntityManager): void {
  held.set(manager, new Set());
}

/** After a ROLLBACK TO SAVEPOINT, which releases the locks taken since the savepoint. */
export function forgetReferenceLocks(manager: EntityManager): void {
  held.get(manager)?.clear();
}

/** Before naming records in a write: waits while any of them is being archived, and keeps them from being archived until commit. */
export async function lockAgainstArchival(manager: EntityManager, ids: readonly string[]): Promise<void> {
  const locked = held.get(manager);
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => !locked?.has(id)).sort();
  if (unique.length === 0) return;
  await manager.query(`SELECT pg_advisory_xact_lock_shared(${REFERENCE_LOCKS}, hashtext(id)) FROM unnest($1::text[]) AS id`, [unique]);
  for (const id of unique) locked?.add(id);
}

/** Before archiving a record: waits for writes naming it to commit, and holds new ones until the archival commits. */
export async function lockForArchival(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(${REFERENCE_LOCKS}, hashtext($1))`, [id.toLowerCase()]);
}
