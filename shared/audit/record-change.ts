/**
 * Writing a change and its audit entry together, in the caller's transaction:
 * either both are stored or neither. Updates carry the version the client
 * read; a stale version is a CONFLICT, never an overwrite.
 */
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { conflict, notFound } from "../graphql/errors";
import { AuditEntry, type ChangeActionName } from "./audit-entry";
import { insertRows } from "../database/insert-rows";

export interface ChangeRecord {
  entityType: string;
  entityId: string;
  action: ChangeActionName;
  before: object | null;
  after: object | null;
  institutionIds: string[];
}

/** A row as plain JSON (dates as ISO text), without bookkeeping that every change alters. */
export function snapshot(row: object | null): Record<string, unknown> | null {
  if (!row) return null;
  return JSON.parse(JSON.stringify(row));
}

const BOOKKEEPING = new Set(["updatedAt", "version"]);

export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !BOOKKEEPING.has(key) && JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}

export function recordChange(manager: EntityManager, context: SubgraphContext, change: ChangeRecord): Promise<void> {
  return recordChanges(manager, context, [change]);
}

/** The audit entries of many changes in one transaction, a few statements for all of them. */
export async function recordChanges(manager: EntityManager, context: SubgraphContext, changes: ChangeRecord[]): Promise<void> {
  const { principal } = context.access;
  const entries = changes.map((change) => {
    const before = snapshot(change.before);
    const after = snapshot(change.after);
    return {
      transactionId: () => "(pg_current_xact_id()::text)::bigint",
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      changedFields: changedFields(before, after),
      before,
      after,
      institutionIds: change.institutionIds,
      actorSubject: principal.subject,
      actorRole: principal.role,
      actorInstitutionId: principal.institution?.id ?? null,
      requestId: context.requestId,
      // jsonb columns are typed as loose records, which TypeORM's deep-partial type cannot follow.
    } as QueryDeepPartialEntity<AuditEntry>;
  });
  await insertRows(manager, AuditEntry, entries);
}

/**
 * Locks the row and checks the version the client sent. NOT_FOUND when there
 * is no such row; CONFLICT when someone changed it since the client read it.
 * Concurrent writers queue on the lock, so exactly one of them wins a version.
 */
export async function lockForUpdate<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number,
): Promise<T> {
  const row = await manager.getRepository(entity).createQueryBuilder("row").setLock("pessimistic_write").where("row.id = :id", { id }).getOne();
  if (!row) throw notFound(`No ${typeName} has id ${id}.`);
  if (row.version !== expectedVersion) {
    throw conflict(`The ${typeName} was changed by someone else (it is at version ${row.version}, you sent ${expectedVersion}); read it again and reapply your change.`);
  }
  return row;
}

/** Applies `changes` to a locked row, raising its version; returns the stored row. */
export async function saveChanges<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  changes: Partial<T>,
): Promise<T> {
  const updated = Object.assign(manager.getRepository(entity).create(row), changes, { version: row.version + 1, updatedAt: new Date() });
  await manager.getRepository(entity).createQueryBuilder().update().set({ ...changes, version: row.version + 1, updatedAt: updated.updatedAt } as never).where("id = :id", { id: row.id }).execute();
  return updated;
}
