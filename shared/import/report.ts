/** What an import answers: every problem by row and column, and what each row did (or would do). */
import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ImportAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  UNCHANGED = "UNCHANGED",
  REFUSED = "REFUSED",
}
registerEnumType(ImportAction, {
  name: "ImportAction",
  description: "What an import does with a row.",
  valuesConfig: {
    CREATE: { description: "A record with a new `externalRef`: created." },
    UPDATE: { description: "The record of a known `externalRef` whose columns differ: updated (the changed fields only)." },
    UNCHANGED: { description: "The record of a known `externalRef` with the same values: left as it is (no write, no change-feed entry)." },
    REFUSED: { description: "The row has a problem; nothing of the file is stored." },
  },
});

@Directive("@shareable")
@ObjectType("ImportProblem", { description: "One thing wrong with an import file, where it is and what a mutation would have answered." })
export class ImportProblem {
  @Field(() => Int, { description: "The record's number in the file, 1 for the first record (a spreadsheet shows it on line 2, under the header); 0 for the header itself." })
  row: number;

  @Field(() => String, { nullable: true, description: "The column, as the layout names it; null when the problem is the row as a whole (e.g. FORBIDDEN)." })
  column: string | null;

  @Field(() => String, { nullable: true, description: "The input field the mutation names (`parties[1].institutionId`), when there is one." })
  field: string | null;

  @Field(() => String, { description: "The error code the mutation answers with: BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT, ..." })
  code: string;

  @Field(() => String, { description: "The message, the mutation's own where it has one." })
  message: string;
}

@Directive("@shareable")
@ObjectType("ImportRowResult", { description: "What one row of an import did, or would do in a dry run." })
export class ImportRowResult {
  @Field(() => Int, { description: "The record's number in the file, 1 for the first." })
  row: number;

  @Field(() => String, { nullable: true, description: "The row's `externalRef`." })
  externalRef: string | null;

  @Field(() => ImportAction, { description: "Created, updated, left as it is, or refused." })
  action: ImportAction;

  @Field(() => String, { nullable: true, description: "The record's id; in a dry run, the id it has, or had it been created (not kept)." })
  id: string | null;

  @Field(() => [String], { description: "For an update: the columns whose values changed." })
  changedColumns: string[];
}

@Directive("@shareable")
@ObjectType("ImportReport", { description: "An import's report: whether it was applied, what every row does, and every problem by row and column." })
export class ImportReport {
  @Field(() => Boolean, { description: "Whether this was a dry run (nothing kept in any case)." })
  dryRun: boolean;

  @Field(() => Boolean, { description: "Whether the rows were stored: true only when it was no dry run and no row had a problem (all rows or none)." })
  applied: boolean;

  @Field(() => Int, { description: "Records read from the file." })
  rowCount: number;

  @Field(() => Int, { description: "Rows that create a record." })
  created: number;

  @Field(() => Int, { description: "Rows that update a record." })
  updated: number;

  @Field(() => Int, { description: "Rows whose record is already as the row says." })
  unchanged: number;

  @Field(() => Int, { description: "Rows with at least one problem." })
  refused: number;

  @Field(() => [ImportProblem], { description: "Every problem, by row and column, in file order." })
  problems: ImportProblem[];

  @Field(() => [ImportRowResult], { description: "Every row, in file order." })
  rows: ImportRowResult[];
}
