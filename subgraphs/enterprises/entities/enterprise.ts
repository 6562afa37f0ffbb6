import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index } from "typeorm";
import { InstitutionStatus } from "../../../shared/domain/institution-status";
import { StoredRecord } from "../../../shared/database/stored-record";

@Directive(`@key(fields: "id")`)
@ObjectType("Enterprise", { description: "A company or industrial complex that cooperates with education, such as a mining and metallurgical complex." })
@Entity({ name: "enterprise" })
@Check("ck_enterprise_slug", `slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
@Check("ck_enterprise_country_code", `country_code ~ '^[A-Z]{2}$'`)
@Check("ck_enterprise_status", `status IN ('ACTIVE', 'ARCHIVED')`)
// Trigram indexes for text search, made by hand in the Search migration:
@Index("ix_enterprise_name_search", { synchronize: false })
@Index("ix_enterprise_short_name_search", { synchronize: false })
@Index("ix_enterprise_industry_codes", { synchronize: false }) // GIN, for the industry filter
export class Enterprise extends StoredRecord {
  @Field(() => String, { description: "Unique, stable, human-readable identifier used in URLs and queries, e.g. `ammc`." })
  @Index("uq_enterprise_slug", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field(() => String, { description: "Display name, in English where the institution has one. All its names, in every language, are in `names`." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Acronym or short name, e.g. `AMMC`." })
  @Column({ type: "text", nullable: true })
  shortName: string | null;

  @Field(() => String, { nullable: true, description: "Legal form as the source states it, e.g. `JSC` (joint-stock company)." })
  @Column({ type: "text", nullable: true })
  legalForm: string | null;

  @Field(() => String, { description: "Country of registration, ISO 3166-1 alpha-2 code, e.g. `UZ`; `country` gives its name." })
  @Column({ type: "char", length: 2 })
  countryCode: string;

  @Field(() => String, { nullable: true, description: "Region, province or oblast of the head office, e.g. `Tashkent Region`." })
  @Column({ type: "text", nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: "City or town of the head office." })
  @Column({ type: "text", nullable: true })
  city: string | null;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  industryCodes: string[];

  @Field(() => String, { nullable: true, description: "Web site address." })
  @Column({ type: "text", nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: "What the enterprise does, in a few sentences." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => InstitutionStatus, { description: "Whether the enterprise is current or archived." })
  @Column({ type: "text", default: InstitutionStatus.ACTIVE })
  status: InstitutionStatus;

  @Field(() => String, { nullable: true, description: "Seed article the facts come from (file name in shared/seeds), or null for records written through the API." })
  @Column({ type: "text", nullable: true })
  source: string | null;
}
