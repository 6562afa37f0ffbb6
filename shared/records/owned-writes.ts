/**
 * The writes of a record that belongs to an institution (a unit, a member):
 * only the owner's editors and administrators, of an owner that exists, with
 * the owner named in the audit entry. Units and members differ only in what
 * they check and store beside these.
 */
import type { EntityTarget } from "typeorm";
import { createRecord, requireId, updateRecord } from "../audit/writes";
import type { SubgraphContext } from "../subgraph/context";
import type { Rules } from "./validation";
import { columnsOf, emptyLists } from "./columns";
import { refuseArchived, requireOwner, type RecordOwner } from "./owner";
import type { Changes } from "./input-fields";
import type { InstitutionStatus } from "../domain/institution-status";

type Versioned = { id: string; version: number };

/** The owner's id, read off a stored row (`row.enterpriseId`). */
export const ownerIdOf = (owner: RecordOwner) => (row: object) => (row as Record<string, string>)[owner.property];

interface OwnedWrite<T extends Versioned, Input> {
  entity: EntityTarget<T>;
  typeName: string;
  owner: RecordOwner;
  rules: Rules<Input>;
}

export function createOwnedRecord<T extends Versioned, Input extends object>(
  context: SubgraphContext,
  options: OwnedWrite<T, Input> & {
    ownerId: string;
    input: Input;
    /** Checks beyond the rules, given the owner's id (a unit's parent, a member's unit). */
    check: (ownerId: string, valid: Input) => void | Promise<void>;
    /** Columns the record gets besides its input and owner (a unit's status). */
    extra?: Record<string, unknown>;
  },
): Promise<T> {
  const { entity, typeName, owner, rules } = options;
  const ownerId = requireId(options.ownerId, owner.typeName, owner.property);
  return createRecord(context, {
    entity,
    typeName,
    input: options.input,
    rules,
    authorize: () => requireOwner(context, owner, ownerId, `add a ${typeName.toLowerCase()} to this ${owner.typeName.toLowerCase()}`),
    check: (valid) => options.check(ownerId, valid),
    values: (valid) => ({ ...emptyLists(rules), ...columnsOf(valid, rules), [owner.property]: ownerId, ...options.extra }) as never,
    institutionIds: () => [ownerId],
  });
}

export function updateOwnedRecord<T extends Versioned, Input extends object>(
  context: SubgraphContext,
  options: OwnedWrite<T, Input> & {
    id: string;
    version: number;
    input: Changes<Input>;
    /** Checks of the given fields beyond the rules, given the owner's id and the stored row. */
    check: (ownerId: string, fields: Changes<Input>, row: T) => void | Promise<void>;
  },
): Promise<T> {
  const { entity, typeName, rules } = options;
  const ownerOf = ownerIdOf(options.owner);
  return updateRecord(context, {
    entity,
    typeName,
    id: options.id,
    version: options.version,
    input: options.input as Input,
    rules,
    authorize: async (row, manager) => {
      await requireOwner(context, options.owner, ownerOf(row), `change this ${typeName.toLowerCase()}`, manager);
      // A member has no status of its own; an archived unit is refused.
      refuseArchived(row as { status?: InstitutionStatus }, typeName);
    },
    check: (row, fields) => options.check(ownerOf(row), fields, row),
    changes: (_row, _manager, fields) => columnsOf(fields, rules) as Partial<T>,
    institutionIds: (row) => [ownerOf(row)],
  });
}
