import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { LocalizedName } from "../../../shared/domain/localized-name";
import { Enterprise } from "./enterprise";

/** The names of an enterprise in every language; text search matches any of them. */
@Entity({ name: "enterprise_name" })
@Check("ck_enterprise_name_kind", `kind IN ('OFFICIAL', 'SHORT', 'ACRONYM', 'ALTERNATIVE', 'FORMER')`)
@Index("uq_enterprise_name_enterprise_id_value_lang", ["enterpriseId", "value", "lang"], { unique: true })
@Index("ix_enterprise_name_value_search", { synchronize: false }) // trigram, made by hand in the Search migration
export class EnterpriseName extends LocalizedName {
  @Index("ix_enterprise_name_enterprise_id")
  @Column({ type: "uuid" })
  enterpriseId: string;

  @ManyToOne(() => Enterprise, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "enterprise_id" })
  enterprise?: Enterprise;
}
