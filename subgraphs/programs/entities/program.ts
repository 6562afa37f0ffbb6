import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index } from "typeorm";
import { StoredRecord } from "../../../shared/record";
import { DateScalar } from "../../../shared/scalars";
import { ProgramKind, ProgramStatus } from "./enums";

@Directive(`@key(fields: "id")`)
@ObjectType("Program", { description: "A cooperation between institutions: a memorandum, an agreement, a department opened at a plant, an internship, an exchange, a visit. Its parties say who takes part and how." })
@Entity({ name: "program" })
@Check("ck_program_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_program_kind", `kind IN ('MEMORANDUM', 'PARTNERSHIP_AGREEMENT', 'BRANCH_DEPARTMENT', 'INTERNSHIP', 'EXCHANGE', 'SCHOLARSHIP', 'JOINT_RESEARCH', 'JOINT_LABORATORY', 'INDUSTRIAL_VISIT', 'TRAINING')`)
@Check("ck_program_status", `status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'EXPIRED', 'TERMINATED')`)
@Check("ck_program_ends_after_start", `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
export class Program extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier, e.g. `ammc-tashstu-engineering-school-departments`." })
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

  @Field(() => DateScalar, { nullable: true, description: "When the founding document was signed; null when the source does not say." })
  @Column({ type: "date", nullable: true })
  signedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day the program runs or is in force." })
  @Column({ type: "date", nullable: true })
  startsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day the program runs or is in force; null when open-ended or unknown." })
  @Column({ type: "date", nullable: true })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from (file name in shared/seeds), or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
