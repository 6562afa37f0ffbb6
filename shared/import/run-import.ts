/**
 * The import of one file of one record type, in the subgraph that owns the
 * records: every row goes through the same record mechanisms as the
 * mutations (their validation, access rules, approvals and audit entries),
 * all rows in one transaction. A dry run, or any row with a problem, rolls
 * the transaction back: all rows are stored, or none. Rows are read one at
 * a time; new records are created a batch at a time (createRecords: a few
 * statements per batch, not several per row); only the report is kept.
 *
 * Each row carries the institution's own reference (`externalRef`): a new
 * one creates the record, a known one updates the fields that differ from
 * the stored record, or leaves it as it is.
 */
import { GraphQLError } from "graphql";
import type { EntityManager } from "typeorm";
import type { SubgraphContext } from "../subgraph/context";
import { SUBGRAPH_REGISTRY } from "../subgraph/registry";
import { ErrorCode, badUserInput, formatError, isDatabaseUnavailable, isUnexpectedError } from "../graphql/errors";
import type { Problem } from "../records/validation";
import { ExternalReference } from "./external-reference";
import type { ImportColumn, ImportLayout } from "./layout";
import { readTable, type ImportFormat, type ImportRecord } from "./read-table";
import { ImportAction, ImportProblem, ImportReport, ImportRowResult } from "./report";
import { forgetReferenceLocks, rememberReferenceLocks } from "../records/reference-lock";
import { transactionContext } from "./transaction-context";

/** What a row's reading found wrong, before any write: each problem with its column. */
export class RowProblems extends Error {
  constructor(readonly problems: { column: string | null; field?: string | null; code?: string; message: string }[]) {
    super(problems[0]?.message ?? "row problems");
  }
}

export interface ImportSession<C extends SubgraphContext> {
  /** The request's context, bound to the import's transaction. */
  context: C;
  manager: EntityManager;
  /** Whose references the rows carry: the editor's institution, or the one an administrator imports for. */
  institutionId: string;
  /** The columns the file has. */
  columns: string[];
  /** The institution's references, those this import adds included. */
  references: ReferenceBook;
}

/**
 * The institution's references of each record type, read once per import
 * (one statement, not one per row) and kept with those the import adds,
 * which are stored together before commit.
 */
export class ReferenceBook {
  private readonly known = new Map<string, Promise<Map<string, string>>>();
  private readonly added: { recordType: string; externalRef: string; recordId: string }[] = [];

  constructor(private readonly manager: EntityManager, private readonly institutionId: string) {}

  private of(recordType: string): Promise<Map<string, string>> {
    if (!this.known.has(recordType)) {
      this.known.set(
        recordType,
        this.manager.find(ExternalReference, { where: { institutionId: this.institutionId, recordType } }).then((rows) => new Map(rows.map((r) => [r.externalRef, r.recordId]))),
      );
    }
    return this.known.get(recordType)!;
  }

  async find(recordType: string, externalRef: string): Promise<string | undefined> {
    return (await this.of(recordType)).get(externalRef);
  }

  /** A new reference, or one that now names a new record (its record was deleted). */
  async set(recordType: string, externalRef: string, recordId: string): Promise<void> {
    (await this.of(recordType)).set(externalRef, recordId);
    this.added.push({ recordType, externalRef, recordId });
  }

  /** Stores the references added, a thousand rows a statement. */
  async save(): Promise<void> {
    for (let i = 0; i < this.added.length; i += 1000) {
      const rows = this.added.slice(i, i + 1000).map((r) => ({ ...r, institutionId: this.institutionId }));
      await this.manager.createQueryBuilder().insert().into(ExternalReference).values(rows).orUpdate(["record_id"], ["institution_id", "record_type", "external_ref"]).execute();
    }
  }
}

export type ComparedValues = Record<string, unknown>;

export interface StoredRecord {
  version: number;
  values: ComparedValues;
}

/** One record type's part of an import: how a row becomes the mutation's input, and how it compares with what is stored. */
export interface RecordImporter<C extends SubgraphContext, Plan> {
  layout: ImportLayout;
  /** Columns that must differ between the rows of a file besides externalRef (a slug). */
  uniqueColumns?: string[];
  /** Before any row: may the caller import these records for this institution? Throws FORBIDDEN otherwise. */
  authorize(session: ImportSession<C>): Promise<void> | void;
  /** The row as the mutation will take it; throws RowProblems (or the mutation's errors) otherwise. */
  plan(record: ImportRecord, session: ImportSession<C>): Promise<Plan>;
  /** The row's values as they are compared with the stored record, keyed by column (or group of columns). */
  values(plan: Plan): ComparedValues;
  /** The stored records' versions and values, read in the import's transaction; a record that is gone is missing. */
  stored(session: ImportSession<C>, ids: string[]): Promise<Map<string, StoredRecord>>;
  /** Creates the record through its create mutation; returns its id. */
  create(session: ImportSession<C>, plan: Plan): Promise<string>;
  /**
   * Creates many records through the create mutation's steps, each statement
   * for all of them (createRecords): the id of each, or the error that refused it.
   * Without it, rows are created one by one.
   */
  createMany?(session: ImportSession<C>, plans: Plan[]): Promise<({ id: string } | { error: unknown })[]>;
  /** Updates the record through its update mutation, giving only the changed values. */
  update(session: ImportSession<C>, id: string, version: number, changed: string[], plan: Plan): Promise<void>;
  /** Before any row, in the import's transaction (a dry run too): e.g. defer bookkeeping the rows would repeat. */
  begin?(session: ImportSession<C>): Promise<void>;
  /** After every row, when the rows are applied, before commit: e.g. the deferred bookkeeping, once. */
  beforeCommit?(session: ImportSession<C>): Promise<void>;
  /** The column a field named in a mutation's error sits in (`parties[1].role` is `party2Role`). */
  columnOf(field: string, plan: Plan | null): string | null;
}

export interface ImportRequest {
  content: Buffer;
  format: ImportFormat;
  dryRun: boolean;
  /** For administrators: the institution whose references the rows carry (an editor's is its own). */
  institutionId?: string | null;
}

/** Ends the transaction without keeping anything, carrying the report out. */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super("import rolled back");
  }
}

/** A mutation's error as the report's problems: the same codes and messages, each with its column. */
function problemsOf(error: unknown, columnOf: (field: string) => string | null): Omit<ImportProblem, "row">[] {
  if (error instanceof RowProblems) {
    return error.problems.map((p) => ({ column: p.column, field: p.field ?? null, code: p.code ?? ErrorCode.BAD_USER_INPUT, message: p.message }));
  }
  // A fault (or a database gone away) is not the row's problem: the import fails as a mutation would.
  if (isUnexpectedError(error) || isDatabaseUnavailable(error)) throw error;
  const extensions = error instanceof GraphQLError ? error.extensions : {};
  const formatted = formatError({ message: (error as Error).message, extensions }, error);
  const code = String(formatted.extensions?.code);
  const listed = extensions.problems as Problem[] | undefined;
  if (listed?.length) {
    return listed.map((p) => ({ column: columnOf(p.field), field: p.field, code, message: `${p.field}: ${p.message}` }));
  }
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  const field = typeof extensions.field === "string" ? extensions.field : constraint?.includes("slug") ? "slug" : null;
  return [{ column: field ? columnOf(field) : null, field, code, message: formatted.message }];
}

function plainColumnOf(columns: ImportColumn[]) {
  const names = new Set(columns.map((c) => c.name));
  return (field: string): string | null => {
    const bare = field.replace(/^input\./, "");
    return names.has(bare) ? bare : null;
  };
}

/** The kind of institution whose own records a layout imports (a subgraph's party kind), or undefined for programs, which any party imports. */
function ownerKindOf(layout: ImportLayout): string | undefined {
  const entry = SUBGRAPH_REGISTRY.find((candidate) => candidate.name === layout.subgraph);
  return entry && "partyKind" in entry ? entry.partyKind.kind : undefined;
}

/** Whose references an import's rows carry, checked before the file is read. */
function institutionOf(context: SubgraphContext, layout: ImportLayout, institutionId: string | null | undefined): string {
  const { principal } = context.access;
  context.access.requireAuthenticated("import records");
  if (!context.access.isAdmin) {
    const own = principal.institution?.id;
    if (principal.role !== "editor" || !own) throw new GraphQLError("Only an institution's editors and administrators can import records.", { extensions: { code: ErrorCode.FORBIDDEN } });
    if (institutionId && institutionId.toLowerCase() !== own) {
      throw new GraphQLError("Your credentials import only for your own institution; leave `institution` out.", { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    const ownerKind = ownerKindOf(layout);
    if (ownerKind && principal.institution!.type !== ownerKind) {
      throw new GraphQLError(`Your institution is no ${ownerKind.toLowerCase()}, so it has no ${layout.name} to import.`, { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    return own;
  }
  if (!institutionId || !/^[0-9a-f-]{36}$/i.test(institutionId)) {
    throw badUserInput("institution: an administrator names the institution (its id) whose references the rows carry", "institution");
  }
  return institutionId.toLowerCase();
}

/** Rows read, and new records created, together: a few statements for the whole chunk. */
const CHUNK_ROWS = 500;

/** A statement failed, so PostgreSQL refuses the rest of the transaction: the import starts over, each row in a savepoint. */
class StartOver extends Error {}

const isDatabaseError = (error: unknown) => (error as { name?: string }).name === "QueryFailedError";

/**
 * Runs the import. Rows go without a savepoint each (two statements fewer
 * per row): a row refused before its statements (validation, access,
 * references: nearly every problem) leaves nothing that matters, since a
 * problem means the whole transaction is rolled back anyway. A row refused by
 * PostgreSQL itself (a unique value taken meanwhile) ends the transaction,
 * and the import is run again with a savepoint around every row.
 */
export async function runImport<C extends SubgraphContext, Plan>(context: C, importer: RecordImporter<C, Plan>, request: ImportRequest): Promise<ImportReport> {
  try {
    return await runOnce(context, importer, request, false);
  } catch (error) {
    if (!(error instanceof StartOver)) throw error;
    return runOnce(context, importer, request, true);
  }
}

async function runOnce<C extends SubgraphContext, Plan>(context: C, importer: RecordImporter<C, Plan>, request: ImportRequest, savepoints: boolean): Promise<ImportReport> {
  const { layout } = importer;
  const institutionId = institutionOf(context, layout, request.institutionId);
  const table = await readTable(request.content, request.format);
  const known = new Set(layout.columns.map((c) => c.name));
  const report: ImportReport = { dryRun: request.dryRun, applied: false, rowCount: 0, created: 0, updated: 0, unchanged: 0, refused: 0, problems: [], rows: [] };
  const headerProblem = (column: string, message: string) => report.problems.push({ row: 0, column, field: null, code: ErrorCode.BAD_USER_INPUT, message });
  for (const column of table.columns) {
    if (column !== "" && !known.has(column)) headerProblem(column, `"${column}" is not a column of the ${layout.name} layout (see README, "Bulk import")`);
  }
  for (const column of layout.columns) {
    if (column.required && !table.columns.includes(column.name)) headerProblem(column.name, `the ${layout.name} layout needs the column "${column.name}"`);
  }
  const plain = plainColumnOf(layout.columns);
  const firstRowOf = new Map<string, number>();

  try {
    await context.dataSource.transaction(async (manager) => {
      const session: ImportSession<C> = { context: transactionContext(context, manager), manager, institutionId, columns: table.columns, references: new ReferenceBook(manager, institutionId) };
      await importer.authorize(session);
      // Every row names the same few institutions: each is locked against archival once for the import.
      rememberReferenceLocks(manager);
      await importer.begin?.(session);
      const chunk = new RowChunk(importer, session, report, plain, savepoints);
      // Rows a chunk at a time when the importer creates in batches (its rows do not name each other); else each row sees the rows before it.
      const chunkRows = importer.createMany && !savepoints ? CHUNK_ROWS : 1;
      let rows: { record: ImportRecord; result: ImportRowResult }[] = [];
      const importRows = async () => {
        if (savepoints) await manager.query("SAVEPOINT import_row");
        try {
          await chunk.import(rows);
          if (savepoints) await manager.query("RELEASE SAVEPOINT import_row");
        } catch (error) {
          if (!savepoints && isDatabaseError(error)) throw new StartOver();
          if (!savepoints || !(error instanceof RowRefused)) throw error;
          // The row's statements so far are undone; the transaction goes on with the next row.
          await manager.query("ROLLBACK TO SAVEPOINT import_row");
          forgetReferenceLocks(manager);
          chunk.refuse(error.result, problemsOf(error.cause, error.columnOf));
        }
        rows = [];
      };
      for await (const record of table.records) {
        report.rowCount += 1;
        const problems: Omit<ImportProblem, "row">[] = [];
        // Duplicates inside the file: the second row naming a reference (or a slug) is refused.
        for (const column of ["externalRef", ...(importer.uniqueColumns ?? [])]) {
          const value = record.cells[column];
          if (value === undefined) continue;
          const first = firstRowOf.get(`${column}\n${value}`);
          if (first !== undefined) problems.push({ column, field: null, code: ErrorCode.BAD_USER_INPUT, message: `${column}: repeats ${JSON.stringify(value)} of row ${first}; each row of a file names another record` });
          else firstRowOf.set(`${column}\n${value}`, record.row);
        }
        const externalRef = record.cells.externalRef;
        if (externalRef === undefined) problems.push({ column: "externalRef", field: null, code: ErrorCode.BAD_USER_INPUT, message: "externalRef: is required (your own reference for the record)" });
        else if (externalRef.length > 200) problems.push({ column: "externalRef", field: null, code: ErrorCode.BAD_USER_INPUT, message: `externalRef: must be at most 200 characters long, got ${externalRef.length}` });
        const result: ImportRowResult = { row: record.row, externalRef: externalRef ?? null, action: ImportAction.REFUSED, id: null, changedColumns: [] };
        report.rows.push(result);
        if (problems.length) chunk.refuse(result, problems);
        else rows.push({ record, result });
        if (rows.length >= chunkRows) await importRows();
      }
      if (rows.length) await importRows();
      const rowsDone = (action: ImportAction) => report.rows.filter((row) => row.action === action).length;
      Object.assign(report, { created: rowsDone(ImportAction.CREATE), updated: rowsDone(ImportAction.UPDATE), unchanged: rowsDone(ImportAction.UNCHANGED), refused: rowsDone(ImportAction.REFUSED) });
      // Header problems first, then by row: a chunk's refusals are known after its rows are read.
      report.problems.sort((a, b) => a.row - b.row);
      if (request.dryRun || report.problems.length > 0) throw new RollBack(report);
      await session.references.save();
      await importer.beforeCommit?.(session);
      report.applied = true;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return report;
}

/** A row's refusal inside its savepoint: the caller rolls the row back, then reports it. */
class RowRefused extends Error {
  constructor(readonly result: ImportRowResult, readonly cause: unknown, readonly columnOf: (field: string) => string | null) {
    super("row refused");
  }
}

/**
 * Rows read together: planned one by one, their stored records read in one
 * go, each compared and updated (or left as it is), the new ones created in
 * one batch (createMany) or one by one.
 */
class RowChunk<C extends SubgraphContext, Plan> {
  constructor(
    private readonly importer: RecordImporter<C, Plan>,
    private readonly session: ImportSession<C>,
    private readonly report: ImportReport,
    private readonly plain: (field: string) => string | null,
    /** Each chunk is one row in its savepoint: a refusal goes up, to be rolled back first. */
    private readonly savepoints: boolean,
  ) {}

  refuse(result: ImportRowResult, problems: Omit<ImportProblem, "row">[]): void {
    Object.assign(result, { action: ImportAction.REFUSED, id: null, changedColumns: [] });
    this.report.problems.push(...problems.map((p) => ({ ...p, row: result.row })));
  }

  private columnOf(plan: Plan | null) {
    return (field: string) => this.importer.columnOf(field, plan) ?? this.plain(field);
  }

  /** A row's error: a problem of its own; inside a savepoint, one its savepoint undoes first; a database error without one ends the transaction. */
  private refused(result: ImportRowResult, error: unknown, plan: Plan | null): void {
    if (this.savepoints) throw new RowRefused(result, error, this.columnOf(plan));
    if (isDatabaseError(error)) throw error;
    this.refuse(result, problemsOf(error, this.columnOf(plan)));
  }

  async import(rows: { record: ImportRecord; result: ImportRowResult }[]): Promise<void> {
    const { importer, session } = this;
    const recordType = importer.layout.recordType;
    const planned: { result: ImportRowResult; plan: Plan; externalRef: string; recordId: string | undefined }[] = [];
    for (const { record, result } of rows) {
      const externalRef = record.cells.externalRef!;
      try {
        const plan = await importer.plan(record, session);
        planned.push({ result, plan, externalRef, recordId: await session.references.find(recordType, externalRef) });
      } catch (error) {
        this.refused(result, error, null);
      }
    }
    const known = planned.flatMap((p) => (p.recordId ? [p.recordId] : []));
    const stored = known.length ? await importer.stored(session, known) : new Map<string, StoredRecord>();
    const creations: typeof planned = [];
    for (const row of planned) {
      const record = row.recordId ? stored.get(row.recordId) : undefined;
      // A new reference, or one whose record is gone (a deleted contact): a new record.
      if (!record) {
        creations.push(row);
        continue;
      }
      const wanted = importer.values(row.plan);
      const changed = Object.keys(wanted).filter((key) => JSON.stringify(wanted[key] ?? null) !== JSON.stringify(record.values[key] ?? null));
      row.result.id = row.recordId!;
      if (changed.length === 0) {
        row.result.action = ImportAction.UNCHANGED;
        continue;
      }
      try {
        await importer.update(session, row.recordId!, record.version, changed, row.plan);
        Object.assign(row.result, { action: ImportAction.UPDATE, changedColumns: changed });
      } catch (error) {
        this.refused(row.result, error, row.plan);
      }
    }
    const outcomes = importer.createMany && creations.length > 1 ? await importer.createMany(session, creations.map((c) => c.plan)) : await this.createEach(creations.map((c) => c.plan));
    for (const [i, creation] of creations.entries()) {
      const outcome = outcomes[i];
      if ("id" in outcome) {
        await session.references.set(recordType, creation.externalRef, outcome.id);
        Object.assign(creation.result, { action: ImportAction.CREATE, id: outcome.id });
      } else this.refused(creation.result, outcome.error, creation.plan);
    }
  }

  private async createEach(plans: Plan[]): Promise<({ id: string } | { error: unknown })[]> {
    const outcomes: ({ id: string } | { error: unknown })[] = [];
    for (const plan of plans) {
      try {
        outcomes.push({ id: await this.importer.create(this.session, plan) });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    return outcomes;
  }
}
