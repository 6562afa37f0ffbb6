import { Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateTimeScalar } from "../../../shared/graphql/scalars";
import { ProgramVersionStatus } from "./enums";
import { Program } from "./program";
import type { ProgramTerms } from "../checks/program-terms";

/**
 * One version of a program's terms (parties with roles and units, kind,
 * title, dates, term, directions, budget), kept with the SHA-256 of their
 * canonical form; approvals name that hash. Versions are never deleted: they
 * are the agreement's history.
 */
@ObjectType("ProgramVersion", {
  description:
    "One version of a program's terms: parties with their roles and units, kind, title, dates, term, directions and budget. Each change of the terms is a new version; it takes effect once every institution whose approval it needs has approved its terms hash (see `awaitingApprovalFrom`).",
})
@Entity({ name: "program_version" })
@Check("ck_program_version_status", `status IN ('PROPOSED', 'IN_FORCE', 'REPLACED', 'VOID')`)
@Check("ck_program_version_number", `number >= 1`)
@Check("ck_program_version_terms_hash", `terms_hash ~ '^[0-9a-f]{64}$'`)
@Index("uq_program_version_program_number", ["programId", "number"], { unique: true })
export class ProgramVersion extends StoredRecord {
  @Column({ type: "uuid" })
  programId: string;

  @ManyToOne(() => Program, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "program_id" })
  program?: Program;

  @Field(() => Int, { description: "1 for the first terms, then one more for each change of them." })
  @Column({ type: "integer" })
  number: number;

  @Field(() => ProgramVersionStatus, { description: "Proposed, in force, replaced or void." })
  @Column({ type: "text" })
  status: ProgramVersionStatus;

  /** The canonical terms, as hashed (checks/program-terms.ts). */
  @Column({ type: "jsonb" })
  terms: ProgramTerms;

  @Column({ type: "text" })
  termsHash: string;

  @Field(() => ID, { nullable: true, description: "The institution whose editor proposed these terms; null when an administrator or the seed did." })
  @Column({ type: "uuid", nullable: true })
  proposedByInstitutionId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When these terms came into force (the last approval they needed); null while they have not." })
  @Column({ type: "timestamptz", nullable: true })
  inForceAt: Date | null;
}
