import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { LocalizedName } from "../../../shared/domain/localized-name";
import { University } from "./university";

/** The names of a university in every language; text search matches any of them. */
@Entity({ name: "university_name" })
@Check("ck_university_name_kind", `kind IN ('OFFICIAL', 'SHORT', 'ACRONYM', 'ALTERNATIVE', 'FORMER')`)
@Index("uq_university_name_university_id_value_lang", ["universityId", "value", "lang"], { unique: true })
@Index("ix_university_name_value_search", { synchronize: false }) // trigram, made by hand in the Search migration
export class UniversityName extends LocalizedName {
  @Index("ix_university_name_university_id")
  @Column({ type: "uuid" })
  universityId: string;

  @ManyToOne(() => University, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "university_id" })
  university?: University;
}
