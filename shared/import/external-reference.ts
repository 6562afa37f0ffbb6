/**
 * An institution's own reference for a record it imported (`externalRef`):
 * what makes an import repeatable. One row per institution, record type and
 * reference, in the schema of the subgraph that owns the record (the same
 * entity class is registered by all three, like the audit log). A second
 * import of the same reference finds the record here and updates it, or
 * leaves it as it is.
 */
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

@Entity({ name: "external_reference" })
@Check("ck_external_reference_length", `char_length(external_ref) BETWEEN 1 AND 200`)
// One reference names one record of a type for one institution, and a record has one reference per institution.
@Index("uq_external_reference_record", ["institutionId", "recordType", "recordId"], { unique: true })
export class ExternalReference {
  /** Whose reference it is: the importing editor's institution (or the one an administrator imported for). */
  @PrimaryColumn({ type: "uuid" })
  institutionId: string;

  /** The GraphQL type of the record: `Program`, `Division`, `Contact`, `Department`, `Person`. */
  @PrimaryColumn({ type: "text" })
  recordType: string;

  @PrimaryColumn({ type: "text" })
  externalRef: string;

  @Column({ type: "uuid" })
  recordId: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
