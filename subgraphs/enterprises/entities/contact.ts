import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { StoredRecord } from "../../../shared/database/stored-record";
import { Division } from "./division";
import { Enterprise } from "./enterprise";

/** A person or a service line of an enterprise. E-mail and phone are confidential (see Contact.email). */
@Directive(`@key(fields: "id")`)
@ObjectType("Contact", { description: "A person of an enterprise (a managing director, say) or one of its service lines, with position and, for those allowed to see them, e-mail and phone." })
@Entity({ name: "contact" })
export class Contact extends StoredRecord {
  @Index("ix_contact_enterprise_id")
  @Column({ type: "uuid" })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "enterprise_id" })
  enterprise?: Enterprise;

  @Index("ix_contact_division_id")
  @Column({ type: "uuid", nullable: true })
  divisionId: string | null;

  @ManyToOne(() => Division, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "division_id" })
  division?: Division | null;

  @Field(() => String, { description: "Full name of the person, or the name of the service line (e.g. `Call-center`)." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Position held, e.g. `Managing Director`." })
  @Column({ type: "text", nullable: true })
  position: string | null;

  @Column({ type: "text", nullable: true })
  email: string | null;

  @Column({ type: "text", nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from, or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
