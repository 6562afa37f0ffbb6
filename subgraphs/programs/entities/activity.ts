import { Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DatePrecision } from "../../../shared/domain/dates";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateScalar } from "../../../shared/graphql/scalars";
import { ActivityKind, ActivityStatus, InstitutionType } from "./enums";
import { INSTITUTION_TYPES_SQL } from "./institution-kinds";
import { Program } from "./program";

// Written with explicit IS NULL tests: a NULL inside `IN (...)` would make a CHECK pass.
const PRECISIONS = `('DAY', 'MONTH', 'YEAR')`;

@ObjectType("Activity", { description: "Something that happens under a program: an opening, an internship, an exchange, an excursion, seminars. Has dates, a host and participant counts planned and actual." })
@Entity({ name: "activity" })
@Check("ck_activity_kind", `kind IN ('OPENING', 'INTERNSHIP', 'EXCHANGE', 'SCHOLARSHIP', 'EXCURSION', 'VISIT', 'SEMINAR', 'TRAINING', 'JOINT_RESEARCH', 'LABORATORY', 'EMPLOYMENT')`)
@Check("ck_activity_status", `status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`)
@Check("ck_activity_ends_after_start", `ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on`)
@Check("ck_activity_starts_on_precision", `(starts_on IS NULL) = (starts_on_precision IS NULL) AND (starts_on_precision IS NULL OR starts_on_precision IN ${PRECISIONS})`)
@Check("ck_activity_ends_on_precision", `(ends_on IS NULL) = (ends_on_precision IS NULL) AND (ends_on_precision IS NULL OR ends_on_precision IN ${PRECISIONS})`)
@Check("ck_activity_host", `(host_institution_id IS NULL) = (host_institution_type IS NULL) AND (host_unit_id IS NULL OR host_institution_id IS NOT NULL) AND (host_institution_type IS NULL OR host_institution_type IN ${INSTITUTION_TYPES_SQL})`)
@Check("ck_activity_participants", `(planned_participants IS NULL OR planned_participants >= 0) AND (actual_participants IS NULL OR actual_participants >= 0)`)
export class Activity extends StoredRecord {
  @Index("ix_activity_program_id")
  @Column({ type: "uuid" })
  programId: string;

  @ManyToOne(() => Program, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "program_id" })
  program?: Program;

  @Field(() => ActivityKind, { description: "What happens." })
  @Column({ type: "text" })
  kind: ActivityKind;

  @Field(() => ActivityStatus, { description: "Whether it is planned, under way, done or cancelled." })
  @Column({ type: "text" })
  status: ActivityStatus;

  @Field(() => String, { description: "Short title." })
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true, description: "What happens, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day, as precisely as `startsOnPrecision` says; null when the source gives no date (see `description`)." })
  @Column({ type: "date", nullable: true })
  startsOn: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `startsOn` the source states." })
  @Column({ type: "text", nullable: true })
  startsOnPrecision: DatePrecision | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day." })
  @Column({ type: "date", nullable: true })
  endsOn: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `endsOn` the source states." })
  @Column({ type: "text", nullable: true })
  endsOnPrecision: DatePrecision | null;

  @Field(() => InstitutionType, { nullable: true, description: "Whether the host is an enterprise or a university." })
  @Column({ type: "text", nullable: true })
  hostInstitutionType: InstitutionType | null;

  @Index("ix_activity_host_institution_id")
  @Column({ type: "uuid", nullable: true })
  hostInstitutionId: string | null;

  @Index("ix_activity_host_unit_id")
  @Column({ type: "uuid", nullable: true })
  hostUnitId: string | null;

  @Field(() => Int, { nullable: true, description: "How many participants were planned." })
  @Column({ type: "integer", nullable: true })
  plannedParticipants: number | null;

  @Field(() => Int, { nullable: true, description: "How many took part." })
  @Column({ type: "integer", nullable: true })
  actualParticipants: number | null;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from, or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
