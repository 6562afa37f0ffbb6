import { Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateScalar } from "../../../shared/graphql/scalars";
import { InstitutionType } from "./enums";
import { Program } from "./program";

/** An institution's approval of one version of a program's terms, bound to their hash. */
@ObjectType("ProgramApproval", {
  description: "An institution's approval (signature) of one version of a program's terms, bound to the SHA-256 hash of those terms: who approved which version, when, and who signed for it. `createdAt` is when it was recorded.",
})
@Entity({ name: "program_approval" })
@Check("ck_program_approval_institution_type", `institution_type IN ('ENTERPRISE', 'UNIVERSITY')`)
@Check("ck_program_approval_terms_hash", `terms_hash ~ '^[0-9a-f]{64}$'`)
@Index("uq_program_approval_version_institution", ["programId", "versionNumber", "institutionId"], { unique: true })
export class ProgramApproval extends StoredRecord {
  @Column({ type: "uuid" })
  programId: string;

  @ManyToOne(() => Program, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "program_id" })
  program?: Program;

  @Field(() => Int, { description: "The version of the terms approved (`ProgramVersion.number`)." })
  @Column({ type: "integer" })
  versionNumber: number;

  @Column({ type: "text" })
  termsHash: string;

  @Field(() => InstitutionType, { description: "Whether the approving institution is an enterprise or a university." })
  @Column({ type: "text" })
  institutionType: InstitutionType;

  @Field(() => ID, { description: "Id of the approving enterprise or university." })
  @Index("ix_program_approval_institution_id")
  @Column({ type: "uuid" })
  institutionId: string;

  @Field(() => DateScalar, { description: "The day the institution signed." })
  @Column({ type: "date" })
  signedOn: string;

  @Field(() => String, { description: "Who signed for the institution." })
  @Column({ type: "text" })
  signatoryName: string;

  @Field(() => String, { nullable: true, description: "Their position." })
  @Column({ type: "text", nullable: true })
  signatoryPosition: string | null;

  /** The credential that recorded it (an editor's client, or an administrator). */
  @Column({ type: "text" })
  actorSubject: string;
}
