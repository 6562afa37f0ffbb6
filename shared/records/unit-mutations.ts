/**
 * Create, update and archive of a unit (a division of an enterprise, a
 * department of a university): a tree under its institution, written by the
 * institution's editors. A unit's parent must be a unit of the same
 * institution and not the unit itself or one inside it. Units are archived,
 * never deleted, so programs naming them stay valid.
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from "type-graphql";
import type { EntityTarget } from "typeorm";
import { archiveRecord } from "../audit/writes";
import type { SubgraphContext } from "../subgraph/context";
import { InstitutionStatus } from "../domain/institution-status";
import { checkUnitParent } from "./unit-tree";
import type { Rules } from "./validation";
import { CHANGED_FIELDS_DESCRIPTION, VERSION_DESCRIPTION, idDescription } from "./arguments";
import { createOwnedRecord, ownerIdOf, updateOwnedRecord } from "./owned-writes";
import { requireOwner, type RecordOwner } from "./owner";
import { recordInputTypes, type Changes, type FieldDeclarations, type RecordInputDescriptions } from "./input-fields";

type Unit = { id: string; version: number; status: InstitutionStatus };
/** A unit may sit inside another of its institution (a record without `parentId` is a flat list). */
type InTree = { parentId?: string | null };

export interface UnitMutationsOptions<T extends Unit, Input extends object> {
  entity: ClassType<T>;
  typeName: string;
  owner: RecordOwner;
  /** The unit table, where the tree is walked: `division`. */
  table: string;
  /** For messages: "division of the same enterprise". */
  sameOwnerNoun: string;
  /** The record's writable fields (its subgraph's fields.ts), from which its two input types are made. */
  fields: FieldDeclarations;
  inputTypes: RecordInputDescriptions;
  rules: Rules<Input>;
  descriptions: { create: string; owner: string; createInput: string; update: string; archive: string };
}

export function unitMutations<T extends Unit, Input extends object>(options: UnitMutationsOptions<T, Input>) {
  const { entity, typeName, owner, rules, descriptions } = options;
  const { createInput, updateInput } = recordInputTypes<Input>(typeName, options.fields, options.inputTypes);
  const tree = { table: options.table, ownerColumn: owner.column, noun: options.sameOwnerNoun };
  const ownerOf = ownerIdOf(owner);
  const written = { entity: entity as EntityTarget<T>, typeName, owner, rules };

  @Resolver(() => entity)
  class UnitMutations {
    @Mutation(() => entity, { name: `create${typeName}`, description: descriptions.create })
    create(
      @Arg(owner.property, () => ID, { description: descriptions.owner }) ownerId: string,
      @Arg("input", () => createInput, { description: descriptions.createInput }) input: Input,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return createOwnedRecord(context, {
        ...written,
        ownerId,
        input,
        check: (id, valid) => checkUnitParent(context.dataSource, tree, id, (valid as InTree).parentId),
        extra: { status: InstitutionStatus.ACTIVE },
      });
    }

    @Mutation(() => entity, { name: `update${typeName}`, description: descriptions.update })
    update(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Arg("input", () => updateInput, { description: CHANGED_FIELDS_DESCRIPTION }) input: Changes<Input>,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return updateOwnedRecord(context, {
        ...written,
        id,
        version,
        input,
        check: (ownerId, fields, row) => checkUnitParent(context.dataSource, tree, ownerId, (fields as InTree).parentId, row.id),
      });
    }

    @Mutation(() => entity, { name: `archive${typeName}`, description: descriptions.archive })
    archive(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return archiveRecord(context, {
        entity: written.entity,
        typeName,
        id,
        version,
        authorize: (row, manager) => requireOwner(context, owner, ownerOf(row), `archive this ${typeName.toLowerCase()}`, manager),
        institutionIds: (row) => [ownerOf(row)],
      });
    }
  }
  return UnitMutations;
}
