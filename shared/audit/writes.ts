/**
 * The shape every write takes, in every subgraph: check who may do it,
 * validate the record as it will be, store it and its audit entry in one
 * transaction (a stale version is CONFLICT), return the stored record.
 */
import { randomUUID } from "node:crypto";
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from "typeorm";
import type { SubgraphContext } from "../context";
import { badUserInput } from "../errors";
import { isUuid } from "../ids";
import { validate, type Rules } from "../validation";
import type { ChangeActionName } from "./audit-entry";
import { lockForUpdate, recordChange, saveChanges } from "./record-change";

/** The fields an update input actually gives (undefined means "leave as is"). */
export function givenFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** An id argument must be a UUID (as `enterprise(id:)` demands too). */
export function requireId(id: string, typeName: string, field = "id"): string {
  if (!isUuid(id)) throw badUserInput(`${field} must be the id (a UUID) of a ${typeName}, got ${JSON.stringify(id.slice(0, 60))}`, field);
  return id.toLowerCase();
}

type Versioned = ObjectLiteral & { id: string; version: number };

export interface CreateOptions<T extends Versioned, Input> {
  entity: EntityTarget<T>;
  typeName: string;
  input: Input;
  rules: Rules<Input>;
  /** The stored columns for the valid input. */
  values: (input: Input, id: string) => QueryDeepPartialEntity<T>;
  institutionIds: string[];
  /** Further rows to write with it (names, parties...) and checks that need the transaction. */
  alongside?: (manager: EntityManager, id: string) => Promise<object | void>;
}

export async function createRecord<T extends Versioned, Input>(context: SubgraphContext, options: CreateOptions<T, Input>): Promise<T> {
  context.access.requireAuthenticated(`create a ${options.typeName}`);
  validate(options.input, options.rules);
  return context.dataSource.transaction(async (manager) => {
    const id = randomUUID();
    await manager.insert(options.entity, { ...options.values(options.input, id), id, version: 1 } as QueryDeepPartialEntity<T>);
    const extra = (await options.alongside?.(manager, id)) ?? {};
    const stored = (await manager.findOneByOrFail(options.entity, { id } as never)) as T;
    await recordChange(manager, context, {
      entityType: options.typeName,
      entityId: id,
      action: "CREATE",
      before: null,
      after: { ...stored, ...extra },
      institutionIds: options.institutionIds,
    });
    return stored;
  });
}

export interface UpdateOptions<T extends Versioned, Input> {
  entity: EntityTarget<T>;
  typeName: string;
  id: string;
  version: number;
  action?: ChangeActionName;
  /** Who may: called with the locked row, throws FORBIDDEN/UNAUTHENTICATED otherwise. */
  authorize: (row: T, manager: EntityManager) => void | Promise<void>;
  /** The changed columns, given the locked row; validated as the whole record they make. */
  changes: (row: T, manager: EntityManager) => Promise<Partial<T>> | Partial<T>;
  /** Validation of the record after the change (as input shape), if any. */
  validateAfter?: (after: T) => void;
  institutionIds: (row: T) => string[];
  /** Rows changed alongside (names, parties...): returns what to add to the audit's before and after. */
  alongside?: (manager: EntityManager, row: T) => Promise<{ before: object; after: object } | void>;
}

export async function updateRecord<T extends Versioned, Input>(context: SubgraphContext, options: UpdateOptions<T, Input>): Promise<T> {
  // Before anything else: an anonymous caller learns nothing about ids or versions.
  context.access.requireAuthenticated(`change a ${options.typeName}`);
  const id = requireId(options.id, options.typeName);
  return context.dataSource.transaction(async (manager) => {
    const row = await lockForUpdate(manager, options.entity, options.typeName, id, options.version);
    await options.authorize(row, manager);
    const changes = await options.changes(row, manager);
    options.validateAfter?.({ ...row, ...changes });
    const stored = await saveChanges(manager, options.entity, row, changes);
    const extra = (await options.alongside?.(manager, row)) ?? { before: {}, after: {} };
    await recordChange(manager, context, {
      entityType: options.typeName,
      entityId: id,
      action: options.action ?? "UPDATE",
      before: { ...row, ...extra.before },
      after: { ...stored, ...extra.after },
      institutionIds: options.institutionIds(stored),
    });
    return stored;
  });
}

export interface DeleteOptions<T extends Versioned> {
  entity: EntityTarget<T>;
  typeName: string;
  id: string;
  version: number;
  authorize: (row: T) => void;
  institutionIds: (row: T) => string[];
}

/** Hard deletion, for records nothing refers to (contacts, people); audited like every write. */
export async function deleteRecord<T extends Versioned>(context: SubgraphContext, options: DeleteOptions<T>): Promise<string> {
  context.access.requireAuthenticated(`delete a ${options.typeName}`);
  const id = requireId(options.id, options.typeName);
  return context.dataSource.transaction(async (manager) => {
    const row = await lockForUpdate(manager, options.entity, options.typeName, id, options.version);
    options.authorize(row);
    await manager.delete(options.entity, { id } as never);
    await recordChange(manager, context, {
      entityType: options.typeName,
      entityId: id,
      action: "DELETE",
      before: row,
      after: null,
      institutionIds: options.institutionIds(row),
    });
    return id;
  });
}
