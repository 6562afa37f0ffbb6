/**
 * The shape every write takes, in every subgraph: check who may do it,
 * normalize and validate the record as it will be (once, with the rules the
 * seed uses too), store it and its audit entry in one transaction (a stale
 * version is CONFLICT), return the stored record.
 */
import { retriedTransaction } from "../database/retried-transaction";
import { randomUUID } from "node:crypto";
import { In, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryDeepPartialEntity } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { GraphQLError } from "graphql";
import { badUserInput } from "../graphql/errors";
import { isUuid } from "../records/ids";
import { InstitutionStatus } from "../domain/institution-status";
import { normalize, validate, type Rules } from "../records/validation";
import type { ChangeActionName } from "./audit-entry";
import { lockForArchival } from "../records/reference-lock";
import { lockForUpdate, recordChange, recordChanges, saveChanges } from "./record-change";
import { insertRows } from "../database/insert-rows";

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

/** How a write validates what it is given: the record's rules, where the input sits in the request, names the client used. */
export interface Validation<Input> {
  rules: Rules<Input>;
  /** Prefix of the fields in messages (`input` gives `input.title`); none by default. */
  path?: string;
  /** Stored names the client sent under another name (`budgetAmount` as `budget.amount`). */
  clientNames?: Record<string, string>;
}

/** How records of one type are created: the steps each record goes through, written once for one record or many. */
export interface CreateSpec<T extends Versioned, Input, Confirmed = unknown> extends Validation<Input> {
  entity: EntityTarget<T>;
  typeName: string;
  /** Who may, before the input is looked at: throws FORBIDDEN (or NOT_FOUND for a missing owner). */
  authorize?: () => void | Promise<void>;
  /** Checks that need the valid input: a unit of the same owner. */
  check?: (input: Input) => void | Promise<void>;
  /**
   * Checks that need the transaction and must hold until commit (references
   * locked against archival and confirmed by the subgraphs owning them), each
   * record's before anything is written; what it answers reaches `alongside`.
   */
  confirm?: (manager: EntityManager, input: Input) => Promise<Confirmed>;
  /** The stored columns for the valid input. */
  values: (input: Input, id: string) => QueryDeepPartialEntity<T>;
  institutionIds: (input: Input) => string[];
  /** Further rows to write with the records (names, parties...), every record's at once: what each one's audit entry adds, in order. */
  alongside?: (manager: EntityManager, created: CreatedRecord<T, Input, Confirmed>[]) => Promise<(object | void)[]>;
}

export interface CreatedRecord<T, Input, Confirmed = unknown> {
  id: string;
  input: Input;
  /** The record as stored (its defaults filled in). */
  stored: T;
  confirmed: Confirmed;
}

export interface CreateOptions<T extends Versioned, Input, Confirmed = unknown> extends CreateSpec<T, Input, Confirmed> {
  input: Input;
}

/** `alongside` for rows written one record at a time (a record type whose creations come one by one). */
export function eachCreated<T, Input, Confirmed>(write: (manager: EntityManager, created: CreatedRecord<T, Input, Confirmed>) => Promise<object | void>) {
  return async (manager: EntityManager, created: CreatedRecord<T, Input, Confirmed>[]): Promise<(object | void)[]> => {
    const extras: (object | void)[] = [];
    for (const one of created) extras.push(await write(manager, one));
    return extras;
  };
}

export async function createRecord<T extends Versioned, Input, Confirmed>(context: SubgraphContext, options: CreateOptions<T, Input, Confirmed>): Promise<T> {
  const [result] = await createRecords(context, options, [options.input]);
  if ("error" in result) throw result.error;
  return result.record;
}

export type CreateResult<T> = { record: T } | { error: unknown };

/** A record refused (a GraphQL error: invalid, forbidden, unknown reference) is answered; a fault (the database gone) fails them all. */
function refusal(error: unknown): { error: unknown } {
  if (!(error instanceof GraphQLError)) throw error;
  return { error };
}

/**
 * Creates many records of one type through the steps one record takes, each
 * statement for all of them at once (an import's rows): a record refused by
 * its validation, checks or confirmation is answered with its error and left
 * out; the others are stored together, with their audit entries, in one
 * transaction. Answers in the order of `inputs`.
 */
export async function createRecords<T extends Versioned, Input, Confirmed>(
  context: SubgraphContext,
  spec: CreateSpec<T, Input, Confirmed>,
  inputs: Input[],
): Promise<CreateResult<T>[]> {
  context.access.requireAuthenticated(`create a ${spec.typeName}`);
  await spec.authorize?.();
  const results: CreateResult<T>[] = new Array(inputs.length);
  const checked: { index: number; input: Input }[] = [];
  for (const [index, raw] of inputs.entries()) {
    try {
      const input = validate(normalize(raw, spec.rules), spec.rules, spec.path, spec.clientNames);
      await spec.check?.(input);
      checked.push({ index, input });
    } catch (error) {
      results[index] = refusal(error);
    }
  }
  if (checked.length === 0) return results;
  const stored = await retriedTransaction(context.dataSource, async (manager) => {
    const confirmed: { index: number; input: Input; confirmed: Confirmed; id: string }[] = [];
    for (const one of checked) {
      try {
        confirmed.push({ ...one, confirmed: (await spec.confirm?.(manager, one.input)) as Confirmed, id: randomUUID() });
      } catch (error) {
        results[one.index] = refusal(error);
      }
    }
    if (confirmed.length === 0) return [];
    await insertRows(manager, spec.entity, confirmed.map((c) => ({ ...spec.values(c.input, c.id), id: c.id, version: 1 }) as QueryDeepPartialEntity<T>));
    const rows = new Map((await manager.findBy(spec.entity, { id: In(confirmed.map((c) => c.id)) } as never)).map((row) => [row.id, row]));
    const created = confirmed.map((c) => ({ ...c, stored: rows.get(c.id)! }));
    const extras = (await spec.alongside?.(manager, created)) ?? [];
    await recordChanges(
      manager,
      context,
      created.map((c, i) => ({
        entityType: spec.typeName,
        entityId: c.id,
        action: "CREATE" as const,
        before: null,
        after: { ...c.stored, ...(extras[i] ?? {}) },
        institutionIds: spec.institutionIds(c.input),
      })),
    );
    return created;
  });
  for (const one of stored) results[one.index] = { record: one.stored };
  return results;
}

export interface UpdateOptions<T extends Versioned, Input> extends Partial<Validation<Input>> {
  entity: EntityTarget<T>;
  typeName: string;
  id: string;
  version: number;
  action?: ChangeActionName;
  /** The update input (omitted fields unchanged); normalized, and with `rules` validated as the whole record it makes. */
  input?: Input;
  /** Who may: called with the locked row, throws FORBIDDEN/UNAUTHENTICATED otherwise. */
  authorize: (row: T, manager: EntityManager) => void | Promise<void>;
  /** Checks that need the locked row and the valid fields (a new parent in the same tree). */
  check?: (row: T, fields: Partial<Input>) => void | Promise<void>;
  /** The changed columns, given the locked row and the given fields (by default the fields themselves). */
  changes?: (row: T, manager: EntityManager, fields: Partial<Input>) => Promise<Partial<T>> | Partial<T>;
  institutionIds: (row: T) => string[];
  /** Rows changed alongside (names, parties...): returns what to add to the audit's before and after. */
  alongside?: (manager: EntityManager, row: T, fields: Partial<Input>) => Promise<{ before: object; after: object } | void>;
}

export async function updateRecord<T extends Versioned, Input>(context: SubgraphContext, options: UpdateOptions<T, Input>): Promise<T> {
  // Before anything else: an anonymous caller learns nothing about ids or versions.
  context.access.requireAuthenticated(`change a ${options.typeName}`);
  const id = requireId(options.id, options.typeName);
  const given = options.input ? givenFields(options.input as object) : {};
  const fields = (options.rules ? normalize(given, options.rules as Rules<object>) : given) as Partial<Input>;
  return retriedTransaction(context.dataSource, async (manager) => {
    const row = await lockForUpdate(manager, options.entity, options.typeName, id, options.version);
    await options.authorize(row, manager);
    if (options.rules) validate({ ...row, ...fields } as unknown as Input, options.rules, options.path, options.clientNames);
    await options.check?.(row, fields);
    const changes = options.changes ? await options.changes(row, manager, fields) : (fields as unknown as Partial<T>);
    const stored = await saveChanges(manager, options.entity, row, changes);
    const extra = (await options.alongside?.(manager, row, fields)) ?? { before: {}, after: {} };
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

/**
 * Archival: the record stays, marked ARCHIVED, so programs naming it stay
 * valid; nothing new may name it (reference-lock.ts keeps a concurrent write
 * from slipping in).
 */
export function archiveRecord<T extends Versioned>(
  context: SubgraphContext,
  options: { entity: EntityTarget<T>; typeName: string; id: string; version: number; authorize: (row: T, manager: EntityManager) => void | Promise<void>; institutionIds: (row: T) => string[] },
): Promise<T> {
  return updateRecord(context, {
    ...options,
    action: "ARCHIVE",
    changes: async (row, manager) => {
      await lockForArchival(manager, row.id);
      return { status: InstitutionStatus.ARCHIVED } as unknown as Partial<T>;
    },
  });
}

export interface DeleteOptions<T extends Versioned> {
  entity: EntityTarget<T>;
  typeName: string;
  id: string;
  version: number;
  authorize: (row: T, manager: EntityManager) => void | Promise<void>;
  institutionIds: (row: T) => string[];
}

/** Hard deletion, for records nothing refers to (contacts, people); audited like every write. */
export async function deleteRecord<T extends Versioned>(context: SubgraphContext, options: DeleteOptions<T>): Promise<string> {
  context.access.requireAuthenticated(`delete a ${options.typeName}`);
  const id = requireId(options.id, options.typeName);
  return retriedTransaction(context.dataSource, async (manager) => {
    const row = await lockForUpdate(manager, options.entity, options.typeName, id, options.version);
    await options.authorize(row, manager);
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
