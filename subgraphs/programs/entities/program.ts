import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index } from "typeorm";
import { DatePrecision } from "../../../shared/domain/dates";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateScalar } from "../../../shared/graphql/scalars";
import { ProgramKind, ProgramStatus } from "./enums";

// Written with explicit IS NULL tests: a NULL inside `IN (...)` would make a CHECK pass.
const PRECISIONS = `('DAY', 'MONTH', 'YEAR')`;

@Directive(`@key(fields: "id")`)
@ObjectType("Program", {
  description:
    "A cooperation between institutions: a memorandum, an agreement, a department opened at a plant, an internship, an exchange, a visit. Its parties say who takes part and how; its activities what happens under it. Its terms (parties with roles and units, kind, title, dates, term, directions, budget) are versioned: each version takes effect only once every institution concerned has approved its terms hash (`versions`, `pendingVersion`, `approvals`), and its fields show the version in force (a DRAFT's: its current terms).",
})
@Entity({ name: "program" })
@Check("ck_program_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_program_kind", `kind IN ('MEMORANDUM', 'PARTNERSHIP_AGREEMENT', 'BRANCH_DEPARTMENT', 'INTERNSHIP', 'EXCHANGE', 'SCHOLARSHIP', 'JOINT_RESEARCH', 'JOINT_LABORATORY', 'INDUSTRIAL_VISIT', 'TRAINING')`)
@Check("ck_program_status", `status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'EXPIRED', 'TERMINATED')`)
@Check("ck_program_ends_after_start", `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
@Check("ck_program_signed_on_precision", `(signed_on IS NULL) = (signed_on_precision IS NULL) AND (signed_on_precision IS NULL OR signed_on_precision IN ${PRECISIONS})`)
@Check("ck_program_starts_on_precision", `(starts_on IS NULL) = (starts_on_precision IS NULL) AND (starts_on_precision IS NULL OR starts_on_precision IN ${PRECISIONS})`)
@Check("ck_program_ends_on_precision", `(ends_on IS NULL) = (ends_on_precision IS NULL) AND (ends_on_precision IS NULL OR ends_on_precision IN ${PRECISIONS})`)
@Check("ck_program_term_months", `term_months IS NULL OR term_months BETWEEN 1 AND 1200`)
@Check("ck_program_budget", `(budget_amount IS NULL) = (budget_currency IS NULL) AND (budget_amount IS NULL OR budget_amount >= 0)`)
// Made by hand in the Search migration (expression, GIN and trigram indexes TypeORM cannot describe):
@Index("ix_program_newest_first", { synchronize: false })
@Index("ix_program_field_codes", { synchronize: false })
@Index("ix_program_title_search", { synchronize: false })
@Index("ix_program_description_search", { synchronize: false })
export class Program extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier, e.g. `stupino-educational-partnership-2024`." })
  @Index("uq_program_slug", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field(() => String, { description: "Title of the program or of its founding document." })
  @Column({ type: "text" })
  title: string;

  @Field(() => ProgramKind, { description: "What kind of cooperation this is." })
  @Index("ix_program_kind")
  @Column({ type: "text" })
  kind: ProgramKind;

  @Field(() => ProgramStatus, { description: "Where the program stands in its lifecycle." })
  @Index("ix_program_status")
  @Column({ type: "text", default: ProgramStatus.DRAFT })
  status: ProgramStatus;

  @Field(() => String, { nullable: true, description: "What the program provides for, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "Agreements, visits or events the program implements or belongs to, as the source states them." })
  @Column({ type: "text", nullable: true })
  framework: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the founding document was signed, as precisely as `signedOnPrecision` says; null when the source does not say." })
  @Index("ix_program_signed_on")
  @Column({ type: "date", nullable: true })
  signedOn: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `signedOn` the source states." })
  @Column({ type: "text", nullable: true })
  signedOnPrecision: DatePrecision | null;

  @Field(() => String, { nullable: true, description: "Where the document was signed, e.g. `Stupino Technical School named after A.T. Tumanov, Stupino`." })
  @Column({ type: "text", nullable: true })
  signedPlace: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day the program runs or is in force." })
  @Index("ix_program_starts_on")
  @Column({ type: "date", nullable: true })
  startsOn: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `startsOn` the source states." })
  @Column({ type: "text", nullable: true })
  startsOnPrecision: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day the program runs or is in force; null when open-ended or unknown." })
  @Index("ix_program_ends_on")
  @Column({ type: "date", nullable: true })
  endsOn: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `endsOn` the source states." })
  @Column({ type: "text", nullable: true })
  endsOnPrecision: DatePrecision | null;

  @Field(() => Int, { nullable: true, description: "Term in months the program is concluded for, e.g. 36 for three years; the end date follows from it once the start is known." })
  @Column({ type: "integer", nullable: true })
  termMonths: number | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Column({ type: "numeric", precision: 17, scale: 2, nullable: true })
  budgetAmount: string | null;

  @Column({ type: "char", length: 3, nullable: true })
  budgetCurrency: string | null;

  @Column({ type: "text", nullable: true })
  internalNotes: string | null;

  @Field(() => String, { nullable: true, description: "Why a TERMINATED program was ended early, as the terminating party stated." })
  @Column({ type: "text", nullable: true })
  terminationReason: string | null;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from (file name in shared/seeds), or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
