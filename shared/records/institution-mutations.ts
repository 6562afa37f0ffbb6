/**
 * Create, update and archive of an institution (an enterprise, a university):
 * a record with names in every language, which administrators add and
 * archive and the institution's own editors change. One mechanism for both
 * subgraphs; each passes its types, rules and words.
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from "type-graphql";
import type { EntityManager, EntityTarget } from "typeorm";
import { archiveRecord, createRecord, eachCreated, updateRecord } from "../audit/writes";
import type { SubgraphContext } from "../subgraph/context";
import { InstitutionStatus } from "../domain/institution-status";
import { replaceNames, type LocalizedName, type LocalizedNameInput } from "../domain/localized-name";
import type { Rules } from "./validation";
import { CHANGED_FIELDS_DESCRIPTION, VERSION_DESCRIPTION, idDescription } from "./arguments";
import { columnsOf, emptyLists } from "./columns";
import { refuseArchived } from "./owner";
import { recordInputTypes, type Changes, type FieldDeclarations, type RecordInputDescriptions } from "./input-fields";

type Institution = { id: string; version: number; status: InstitutionStatus };
type WithNames = { names?: LocalizedNameInput[] | null };

export interface InstitutionMutationsOptions<T extends Institution, Input extends WithNames> {
  entity: ClassType<T>;
  typeName: string;
  /** `an enterprise`: for messages such as "Only an administrator can add an enterprise." */
  noun: string;
  /** Its names' table and the column naming the institution there. */
  names: { entity: EntityTarget<LocalizedName>; owner: string };
  /** The record's writable fields (its subgraph's fields.ts), from which its two input types are made. */
  fields: FieldDeclarations;
  inputTypes: RecordInputDescriptions;
  rules: Rules<Input>;
  /** What a new institution must satisfy beyond its rules (a branch's parent university). */
  checkCreate?: (context: SubgraphContext, input: Input) => Promise<void>;
  descriptions: { create: string; createInput: string; update: string; archive: string };
}

const NAMES = ["names"];

export function institutionMutations<T extends Institution, Input extends WithNames>(options: InstitutionMutationsOptions<T, Input>) {
  const { entity, typeName, noun, rules, descriptions } = options;
  const { createInput, updateInput } = recordInputTypes<Input>(typeName, options.fields, options.inputTypes);
  const replaceNamesOf = (manager: EntityManager, id: string, list: LocalizedNameInput[]) =>
    replaceNames(manager, options.names.entity, options.names.owner as never, id, list);
  const thisOne = `this ${typeName.toLowerCase()}`;

  @Resolver(() => entity)
  class InstitutionMutations {
    @Mutation(() => entity, { name: `create${typeName}`, description: descriptions.create })
    create(
      @Arg("input", () => createInput, { description: descriptions.createInput }) input: Input,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return createRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        input,
        rules,
        authorize: () => context.access.requireAdmin(`add ${noun}`),
        check: (valid) => options.checkCreate?.(context, valid),
        values: (valid) => ({ ...emptyLists(rules, NAMES), ...columnsOf(valid, rules, NAMES), status: InstitutionStatus.ACTIVE }) as never,
        institutionIds: () => [],
        alongside: eachCreated(async (manager, { id, input: valid }) => (await replaceNamesOf(manager, id, valid.names ?? [])).after),
      });
    }

    @Mutation(() => entity, { name: `update${typeName}`, description: descriptions.update })
    update(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: "The version you read; a newer one on the server means someone changed it meanwhile (CONFLICT)." }) version: number,
      @Arg("input", () => updateInput, { description: CHANGED_FIELDS_DESCRIPTION }) input: Changes<Input>,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return updateRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        id,
        version,
        input: input as Input,
        rules,
        authorize: (row) => {
          context.access.requireEdit(row.id, `change ${thisOne}`);
          refuseArchived(row, typeName);
        },
        changes: (_row, _manager, fields) => columnsOf(fields, rules, NAMES) as Partial<T>,
        institutionIds: (row) => [row.id],
        alongside: async (manager, row, fields) => (fields.names ? replaceNamesOf(manager, row.id, fields.names) : undefined),
      });
    }

    @Mutation(() => entity, { name: `archive${typeName}`, description: descriptions.archive })
    archive(
      @Arg("id", () => ID, { description: idDescription(typeName) }) id: string,
      @Arg("version", () => Int, { description: VERSION_DESCRIPTION }) version: number,
      @Ctx() context: SubgraphContext,
    ): Promise<T> {
      return archiveRecord(context, {
        entity: entity as EntityTarget<T>,
        typeName,
        id,
        version,
        authorize: () => context.access.requireAdmin(`archive ${noun}`),
        institutionIds: (row) => [row.id],
      });
    }
  }
  return InstitutionMutations;
}
