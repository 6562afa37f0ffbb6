import { Field, ID, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateScalar } from "../../../shared/graphql/scalars";
import { InstitutionType, PartyRole } from "./enums";
import { INSTITUTION_TYPES_SQL } from "./institution-kinds";
import { Program } from "./program";

/**
 * An institution's part in a program. The institution and its unit live in
 * other subgraphs and are referred to by id only (no cross-schema keys).
 */
@ObjectType("ProgramParty", { description: "An institution's part in a program: which institution (and optionally which of its units), in what role, and who signed for it." })
@Entity({ name: "program_party" })
@Check("ck_program_party_institution_type", `institution_type IN ${INSTITUTION_TYPES_SQL}`)
@Check("ck_program_party_institution_country_code", `institution_country_code IS NULL OR institution_country_code ~ '^[A-Z]{2}$'`)
@Check("ck_program_party_role", `role IN ('SIGNATORY', 'HOST', 'PARTNER', 'FUNDER', 'PARTICIPANT')`)
// NULLS NOT DISTINCT (a party without a unit is still unique) is beyond TypeORM's
// index options, so the migration creates this index by hand.
@Index("uq_program_party_program_institution_role", { synchronize: false })
export class ProgramParty extends StoredRecord {
  @Index("ix_program_party_program_id")
  @Column({ type: "uuid" })
  programId: string;

  @ManyToOne(() => Program, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "program_id" })
  program?: Program;

  @Field(() => InstitutionType, { description: "Whether the party is an enterprise or a university." })
  @Column({ type: "text" })
  institutionType: InstitutionType;

  @Field(() => ID, { description: "Id of the enterprise or university." })
  @Index("ix_program_party_institution_id")
  @Column({ type: "uuid" })
  institutionId: string;

  @Field(() => String, { nullable: true, description: "Country of the institution (ISO 3166-1 alpha-2) as its own subgraph reported it when the party was recorded; filters and statistics by country use it." })
  @Index("ix_program_party_institution_country_code")
  @Column({ type: "char", length: 2, nullable: true })
  institutionCountryCode: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the division (of an enterprise) or department (of a university) that takes part, if one is named." })
  @Index("ix_program_party_unit_id")
  @Column({ type: "uuid", nullable: true })
  unitId: string | null;

  @Field(() => PartyRole, { description: "The part the institution plays." })
  @Column({ type: "text" })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: "Name of the person who signed for the institution." })
  @Column({ type: "text", nullable: true })
  signatoryName: string | null;

  @Field(() => String, { nullable: true, description: "Position of the person who signed, e.g. `Managing Director`." })
  @Column({ type: "text", nullable: true })
  signatoryPosition: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When this party signed (confirmed) the program; null while it has not." })
  @Column({ type: "date", nullable: true })
  signedOn: string | null;
}
