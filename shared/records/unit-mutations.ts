/**
 * Create, update and archive of a unit (a division of an enterprise, a
 * department of a university): a tree under its institution, written by the
 * institution's editors. A unit's parent must be a unit of the same
 * institution and not the unit itself or one inside it. Units are archived,
 * never deleted, so programs naming them stay valid.
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from "type-graphql";
import type { EntityTarget } from "typeorm";
import { createRecord, requireId, updateRecord } from "../audit/writes";
import type { SubgraphContext } from "../context";
import { InstitutionStatus } from "../institution-status";
import { checkUnitParent } from "../unit-tree";
import type { Rules } from "../validation";
import { CHANGED_FIELDS_DESCRIPTION, VERSION_DESCRIPTION, idDescription } from "./arguments";
import { columnsOf, emptyLists } from "./columns";
import { requireOwner, type RecordOwner } from "./owner";

type Unit = { id: string; version: number; status: InstitutionStatus };
type InTree = { parentId?: string | null };

export interface UnitMutationsOptions<T extends Unit, Input extends InTree> {
  entity: ClassType<T>;
  typeName: string;
  owner: RecordOwner;
  /** The unit table, where the tree is walked: `division`. */
  table: string;
  /** For messages: "division of the same enterprise". */
  sameOwnerNoun: string;
  createInput: ClassType<Input>;
  updateInput: ClassType<Partial<Input>>;
  rules: Rules<Input>;
  descriptions: { create: string; owner: string; createInput: string; update: string; archive: string };
}

export function unitMutations<T extends Unit, Input extends InTree>(options: UnitMutationsOptions<T, Input>) {
  const { entity, typeName, owner, rules, descriptions } = options;
  const tree = { table: options.table, ownerColumn: owner.column, noun: options.sameOwnerNoun };
  const ownerOf = (row: T) => (row as unknown as Record<string, string>)[owner.property];
  const thisOne = `this ${typeName.toLowerCase()}`;

  @Resolver(() => entity)
  class UnitMutations {
    @Mutation(() => entity, { name: `create${typeName}`, description: descriptions.create })
    async create(
      @Arg(owner.property, () => ID, { description: descriptions.owner }) ownerId: string,
      @Arg("input", () => options.createInput, { description: descriptions.createInput }) input: Input,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      const id = requireId(ownerId, owner.typeName, owner.property);
      return createRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        input,
        rules,
        authorize: () => requireOwner(context, owner, id, `add a ${typeName.toLowerCase()} to this ${owner.typeName.toLowerCase()}`),
        check: (valid) => checkUnitParent(context.dataSource, tree, id, valid.parentId),
        values: (valid) => ({ ...emptyLists(rules), ...columnsOf(valid, rules), [owner.property]: id, status: InstitutionStatus.ACTIVE }) as never,
        institutionIds: () => [id],
      });
    }

    @Mutation(() => entity, { name: `update${typeName}`, description: descriptions.update })
    update(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Arg("input", () => options.updateInput, { description: CHANGED_FIELDS_DESCRIPTION }) input: Partial<Input>,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return updateRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        id,
        version,
        input: input as Input,
        rules,
        authorize: (row) => context.access.requireEdit(ownerOf(row), `change ${thisOne}`),
        check: (row, fields) => checkUnitParent(context.dataSource, tree, ownerOf(row), fields.parentId, row.id),
        changes: (_row, _manager, fields) => columnsOf(fields, rules) as Partial<T>,
        institutionIds: (row) => [ownerOf(row)],
      });
    }

    @Mutation(() => entity, { name: `archive${typeName}`, description: descriptions.archive })
    archive(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return updateRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        id,
        version,
        action: "ARCHIVE",
        authorize: (row) => context.access.requireEdit(ownerOf(row), `archive ${thisOne}`),
        changes: () => ({ status: InstitutionStatus.ARCHIVED }) as Partial<T>,
        institutionIds: (row) => [ownerOf(row)],
      });
    }
  }
  return UnitMutations;
}
