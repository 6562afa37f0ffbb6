import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DatePrecision } from "../../../shared/domain/dates";
import { StoredRecord } from "../../../shared/database/stored-record";
import { DateScalar } from "../../../shared/graphql/scalars";
import { Department } from "./department";
import { University } from "./university";

/** Not a table: a person's honours are kept with the person (a JSON list). */
@ObjectType("Honour", { description: "An honorary title, award or prize a person received." })
export class Honour {
  @Field(() => String, { description: "The title or award, e.g. `Honorary Professor`." })
  title: string;

  @Field(() => String, { nullable: true, description: "Who awarded it, as the source names them." })
  awardedBy?: string | null;

  awardingUniversityId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was awarded, as precisely as `awardedOnPrecision` says." })
  awardedOn?: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "How much of `awardedOn` the source states." })
  awardedOnPrecision?: DatePrecision | null;
}

/** A person of a university: staff or student. E-mail and phone are confidential. */
@Directive(`@key(fields: "id")`)
@ObjectType("Person", { description: "A person of a university, branch or school: a director, a teacher, a student. E-mail and phone are visible only to those allowed." })
@Entity({ name: "person" })
@Check("ck_person_origin_country_code", `origin_country_code IS NULL OR origin_country_code ~ '^[A-Z]{2}$'`)
export class Person extends StoredRecord {
  @Index("ix_person_university_id")
  @Column({ type: "uuid" })
  universityId: string;

  @ManyToOne(() => University, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "university_id" })
  university?: University;

  @Index("ix_person_department_id")
  @Column({ type: "uuid", nullable: true })
  departmentId: string | null;

  @ManyToOne(() => Department, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "department_id" })
  department?: Department | null;

  @Field(() => String, { description: "Full name as the source writes it." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Position or status, e.g. `Director`, `Student`." })
  @Column({ type: "text", nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true, description: "Academic degree, e.g. `Doctor of Technical Sciences`." })
  @Column({ type: "text", nullable: true })
  academicDegree: string | null;

  @Field(() => String, { nullable: true, description: "Country the person comes from, ISO 3166-1 alpha-2, when the source says (e.g. a foreign student)." })
  @Column({ type: "char", length: 2, nullable: true })
  originCountryCode: string | null;

  @Field(() => [Honour], { description: "Honorary titles and awards." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  honours: Honour[];

  @Column({ type: "text", nullable: true })
  email: string | null;

  @Column({ type: "text", nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from, or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
