import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { StoredRecord } from "../../../shared/database/stored-record";
import { UniversityKind } from "./enums";

@Directive(`@key(fields: "id")`)
@ObjectType("University", { description: "A university, university branch, technical school, academy of sciences or research institute." })
@Entity({ name: "university" })
@Check("ck_university_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_university_country_code", `country_code ~ '^[A-Z]{2}$'`)
@Check("ck_university_status", `status IN ('ACTIVE', 'ARCHIVED')`)
@Check("ck_university_kind", `kind IN ('UNIVERSITY', 'BRANCH', 'TECHNICAL_SCHOOL', 'ACADEMY_OF_SCIENCES', 'RESEARCH_INSTITUTE')`)
@Check("ck_university_not_own_parent", `parent_id IS NULL OR parent_id <> id`)
@Check("ck_university_ror_id", `ror_id IS NULL OR ror_id ~ '^0[a-z0-9]{6}[0-9]{2}$'`)
// Trigram indexes for text search, made by hand in the Search migration:
@Index("ix_university_name_search", { synchronize: false })
@Index("ix_university_short_name_search", { synchronize: false })
@Index("ix_university_field_codes", { synchronize: false }) // GIN, for the field filter
export class University extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier, e.g. `tashstu-almalyk`." })
  @Index("uq_university_slug", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field(() => String, { description: "Display name, in English where the institution has one. All its names, in every language, are in `names`." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Acronym or short name, e.g. `TashSTU`." })
  @Column({ type: "text", nullable: true })
  shortName: string | null;

  @Field(() => UniversityKind, { description: "What kind of institution this is." })
  @Column({ type: "text" })
  kind: UniversityKind;

  @Index("ix_university_parent_id")
  @Column({ type: "uuid", nullable: true })
  parentId: string | null;

  @ManyToOne(() => University, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "parent_id" })
  parent?: University | null;

  @Field(() => String, { description: "Country, ISO 3166-1 alpha-2 code, e.g. `UZ`; `country` gives its name." })
  @Column({ type: "char", length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true, description: "Region, province or oblast." })
  @Column({ type: "text", nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: "City or town." })
  @Column({ type: "text", nullable: true })
  city: string | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  fieldCodes: string[];

  @Field(() => String, { nullable: true, description: "Research Organization Registry id (https://ror.org/<rorId>), when the institution has one." })
  @Column({ type: "text", nullable: true })
  rorId: string | null;

  @Field(() => String, { nullable: true, description: "Web site address." })
  @Column({ type: "text", nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: "What the institution is or does, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => InstitutionStatus, { description: "Whether the institution is current or archived." })
  @Column({ type: "text", default: InstitutionStatus.ACTIVE })
  status: InstitutionStatus;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from (file name in shared/seeds), or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
