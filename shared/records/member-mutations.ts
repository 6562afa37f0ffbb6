/**
 * Create, update and delete of a member (a contact of an enterprise, a person
 * of a university): someone of an institution, perhaps in one of its units,
 * with confidential e-mail and phone. Written by the institution's editors;
 * deleted outright, since nothing refers to them (the audit log keeps them).
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from "type-graphql";
import type { EntityTarget } from "typeorm";
import { deleteRecord } from "../audit/writes";
import type { SubgraphContext } from "../subgraph/context";
import { checkUnitOwner } from "./unit-tree";
import type { Rules } from "./validation";
import { CHANGED_FIELDS_DESCRIPTION, VERSION_DESCRIPTION, idDescription } from "./arguments";
import { createOwnedRecord, ownerIdOf, updateOwnedRecord } from "./owned-writes";
import { requireOwner, type RecordOwner } from "./owner";
import { recordInputTypes, type Changes, type FieldDeclarations, type RecordInputDescriptions } from "./input-fields";

type Member = { id: string; version: number };

export interface MemberMutationsOptions<T extends Member, Input extends object> {
  entity: ClassType<T>;
  typeName: string;
  owner: RecordOwner;
  /** The unit a member may belong to: its field (`divisionId`), table and noun ("division of the same enterprise"). */
  unit: { field: keyof Input & string; table: string; sameOwnerNoun: string };
  /** The record's writable fields (its subgraph's fields.ts), from which its two input types are made. */
  fields: FieldDeclarations;
  inputTypes: RecordInputDescriptions;
  rules: Rules<Input>;
  descriptions: { create: string; owner: string; createInput: string; update: string; delete: string };
}

export function memberMutations<T extends Member, Input extends object>(options: MemberMutationsOptions<T, Input>) {
  const { entity, typeName, owner, unit, rules, descriptions } = options;
  const { createInput, updateInput } = recordInputTypes<Input>(typeName, options.fields, options.inputTypes);
  const units = { table: unit.table, ownerColumn: owner.column, noun: unit.sameOwnerNoun };
  const checkUnit = (context: SubgraphContext, ownerId: string, fields: Changes<Input>) =>
    checkUnitOwner(context.dataSource, units, ownerId, fields[unit.field] as string | null | undefined, unit.field);
  const ownerOf = ownerIdOf(owner);
  const written = { entity: entity as EntityTarget<T>, typeName, owner, rules };

  @Resolver(() => entity)
  class MemberMutations {
    @Mutation(() => entity, { name: `create${typeName}`, description: descriptions.create })
    create(
      @Arg(owner.property, () => ID, { description: descriptions.owner }) ownerId: string,
      @Arg("input", () => createInput, { description: descriptions.createInput }) input: Input,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return createOwnedRecord(context, { ...written, ownerId, input, check: (id, valid) => checkUnit(context, id, valid) });
    }

    @Mutation(() => entity, { name: `update${typeName}`, description: descriptions.update })
    update(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Arg("input", () => updateInput, { description: CHANGED_FIELDS_DESCRIPTION }) input: Changes<Input>,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return updateOwnedRecord(context, { ...written, id, version, input, check: (ownerId, fields) => checkUnit(context, ownerId, fields) });
    }

    @Mutation(() => ID, { name: `delete${typeName}`, description: descriptions.delete })
    delete(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<string> {
      return deleteRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        id,
        version,
        authorize: (row, manager) => requireOwner(context, owner, ownerOf(row), `delete this ${typeName.toLowerCase()}`, manager),
        institutionIds: (row) => [ownerOf(row)],
      });
    }
  }
  return MemberMutations;
}
