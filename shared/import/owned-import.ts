/**
 * The import of an institution's own records (its units, contacts, people):
 * each row through the same record mechanism as its mutations
 * (shared/records/unit-mutations.ts, member-mutations.ts), for the
 * importing institution. One declaration per record type says which column
 * gives which input field; a column naming another record of the
 * institution (a unit's parent, a member's unit) takes that record's id, its
 * slug, or its externalRef (a row earlier in the same file included).
 */
import { In, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { isUuid } from "../records/ids";
import type { RecordOwner } from "../records/owner";
import { integerCell, listCell, type ImportLayout } from "./layout";
import { RowProblems, type ImportSession, type RecordImporter } from "./run-import";

/** How a column becomes an input field. */
export type CellReader = "text" | "list" | "integer" | { reference: UnitReference };

/** Another record of the same institution, named in a cell by id, externalRef or slug. */
export interface UnitReference {
  recordType: string;
  entity: EntityTarget<ObjectLiteral>;
  noun: string;
}

export interface OwnedField {
  column: string;
  field: string;
  read?: CellReader;
  /** Given on create only (a slug): a changed value is refused on update. */
  fixed?: boolean;
}

/** What the mechanism's resolver class offers: its create and update mutations. */
export interface OwnedMutations {
  create(ownerId: string, input: never, context: SubgraphContext): Promise<{ id: string }>;
  update(id: string, version: number, input: never, context: SubgraphContext): Promise<unknown>;
}

export interface OwnedImportOptions {
  layout: ImportLayout;
  entity: EntityTarget<ObjectLiteral & { id: string; version: number }>;
  owner: RecordOwner;
  mutations: OwnedMutations;
  fields: OwnedField[];
  uniqueColumns?: string[];
}

interface OwnedPlan {
  input: Record<string, unknown>;
  given: Set<string>;
}

async function referencedId(session: ImportSession<SubgraphContext>, owner: RecordOwner, reference: UnitReference, value: string): Promise<string | null> {
  if (isUuid(value)) return value.toLowerCase();
  const byRef = await session.references.find(reference.recordType, value);
  if (byRef) return byRef;
  const bySlug = await session.manager.getRepository(reference.entity).findOneBy({ slug: value, [owner.property]: session.institutionId });
  return (bySlug as { id: string } | null)?.id ?? null;
}

export function ownedImporter(options: OwnedImportOptions): RecordImporter<SubgraphContext, OwnedPlan> {
  const { layout, owner, fields } = options;
  const byField = new Map(fields.map((f) => [f.field, f]));
  const noun = layout.recordType.toLowerCase();
  return {
    layout,
    uniqueColumns: options.uniqueColumns,

    authorize(session) {
      session.context.access.requireEdit(session.institutionId, `import ${layout.name} for this ${owner.typeName.toLowerCase()}`);
    },

    async plan(record, session) {
      const input: Record<string, unknown> = {};
      const given = new Set<string>();
      const problems: ConstructorParameters<typeof RowProblems>[0] = [];
      for (const { column, field, read = "text" } of fields) {
        const cell = record.cells[column];
        if (cell !== undefined) given.add(field);
        if (read === "list") input[field] = listCell(cell) ?? [];
        else if (read === "integer") input[field] = integerCell(cell) ?? null;
        else if (read === "text") input[field] = cell ?? null;
        else if (cell === undefined) input[field] = null;
        else {
          input[field] = await referencedId(session, owner, read.reference, cell);
          if (input[field] === null) problems.push({ column, field, message: `${column}: no ${read.reference.noun} of this ${owner.typeName.toLowerCase()} has the id, externalRef or slug ${JSON.stringify(cell)}` });
        }
      }
      if (problems.length) throw new RowProblems(problems);
      return { input, given };
    },

    values(plan) {
      return Object.fromEntries([...plan.given].map((field) => [field, plan.input[field]]));
    },

    async stored(session, ids) {
      const rows = (await session.manager.findBy(options.entity, { id: In(ids) } as never)) as ({ id: string; version: number } & Record<string, unknown>)[];
      // Another institution's record is not one of this institution's.
      const own = rows.filter((row) => row[owner.property] === session.institutionId);
      return new Map(own.map((row) => [row.id, { version: row.version, values: Object.fromEntries(fields.map((f) => [f.field, row[f.field] ?? (f.read === "list" ? [] : null)])) }]));
    },

    async create(session, plan) {
      return (await options.mutations.create(session.institutionId, plan.input as never, session.context)).id;
    },

    async update(session, id, version, changed, plan) {
      const fixed = changed.map((field) => byField.get(field)!).filter((f) => f.fixed);
      if (fixed.length) throw new RowProblems(fixed.map((f) => ({ column: f.column, field: f.field, message: `${f.column}: is fixed once the ${noun} is created; a new externalRef makes a new one` })));
      await options.mutations.update(id, version, Object.fromEntries(changed.map((field) => [field, plan.input[field]])) as never, session.context);
    },

    columnOf(field) {
      const bare = field.replace(/^input\./, "").replace(/\[\d+\]$/, "");
      return byField.get(bare)?.column ?? null;
    },
  };
}
