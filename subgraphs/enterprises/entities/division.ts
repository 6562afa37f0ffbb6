import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { StoredRecord } from "../../../shared/database/stored-record";
import { Enterprise } from "./enterprise";
import { DivisionKind } from "./enums";

@Directive(`@key(fields: "id")`)
@ObjectType("Division", { description: "A unit of an enterprise: a mine, plant, training centre, school, department or museum. Divisions form a tree under their enterprise." })
@Entity({ name: "division" })
@Check("ck_division_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_division_kind", `kind IN ('MINE', 'PLANT', 'TRAINING_CENTRE', 'SCHOOL', 'DEPARTMENT', 'MUSEUM', 'CULTURAL_CENTRE', 'OTHER')`)
@Check("ck_division_status", `status IN ('ACTIVE', 'ARCHIVED')`)
@Check("ck_division_not_own_parent", `parent_id IS NULL OR parent_id <> id`)
export class Division extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier, e.g. `ammc-kalmakyr-mine`." })
  @Index("uq_division_slug", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field(() => String, { description: "Display name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => DivisionKind, { description: "What kind of unit this is." })
  @Column({ type: "text" })
  kind: DivisionKind;

  @Index("ix_division_enterprise_id")
  @Column({ type: "uuid" })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "enterprise_id" })
  enterprise?: Enterprise;

  @Index("ix_division_parent_id")
  @Column({ type: "uuid", nullable: true })
  parentId: string | null;

  @ManyToOne(() => Division, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "parent_id" })
  parent?: Division | null;

  @Field(() => String, { nullable: true, description: "What the division is or does, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => InstitutionStatus, { description: "Whether the unit is current or archived (units are archived, never deleted, so programs naming them stay valid)." })
  @Column({ type: "text", default: InstitutionStatus.ACTIVE })
  status: InstitutionStatus;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from, or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
