import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DepartmentKind } from "./enums";
import { University } from "./university";

@Directive(`@key(fields: "id")`)
@ObjectType("Department", { description: "An academic unit of a university: a faculty, a department (chair) or a laboratory. Departments form a tree under their university." })
@Entity({ name: "department" })
@Check("ck_department_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_department_kind", `kind IN ('FACULTY', 'DEPARTMENT', 'LABORATORY', 'OTHER')`)
@Check("ck_department_status", `status IN ('ACTIVE', 'ARCHIVED')`)
@Check("ck_department_not_own_parent", `parent_id IS NULL OR parent_id <> id`)
export class Department extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier." })
  @Index("uq_department_slug", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field(() => String, { description: "Display name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => DepartmentKind, { description: "What kind of unit this is." })
  @Column({ type: "text" })
  kind: DepartmentKind;

  @Index("ix_department_university_id")
  @Column({ type: "uuid" })
  universityId: string;

  @ManyToOne(() => University, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "university_id" })
  university?: University;

  @Index("ix_department_parent_id")
  @Column({ type: "uuid", nullable: true })
  parentId: string | null;

  @ManyToOne(() => Department, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "parent_id" })
  parent?: Department | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Field(() => String, { nullable: true, description: "What the unit teaches or does, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => InstitutionStatus, { description: "Whether the unit is current or archived (units are archived, never deleted, so programs naming them stay valid)." })
  @Column({ type: "text", default: InstitutionStatus.ACTIVE })
  status: InstitutionStatus;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from, or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
