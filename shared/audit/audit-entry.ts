/**
 * The audit log: one row per change, in the schema of the subgraph that made
 * it (the same entity class is registered by all three). It answers "who
 * changed what, when, from what to what" and feeds the change feeds.
 */
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export const CHANGE_ACTIONS = ["CREATE", "UPDATE", "ARCHIVE", "DELETE", "SIGN", "TERMINATE"] as const;
export type ChangeActionName = (typeof CHANGE_ACTIONS)[number];

@Entity({ name: "audit_log" })
@Check("ck_audit_log_action", `action IN ('CREATE', 'UPDATE', 'ARCHIVE', 'DELETE', 'SIGN', 'TERMINATE')`)
// (transaction_id, id): the feed's order. Made by the migration as written there; TypeORM would keep recreating it.
@Index("ix_audit_log_feed", { synchronize: false })
@Index("ix_audit_log_occurred_at", ["occurredAt"])
@Index("ix_audit_log_entity", ["entityType", "entityId"])
export class AuditEntry {
  @PrimaryGeneratedColumn("identity", { type: "bigint", generatedIdentity: "ALWAYS" })
  id: string;

  /**
   * The writing transaction's id. Feeds read in this order and only up to the
   * oldest transaction still running, so a slow transaction can never commit
   * a change behind a reader's cursor (nothing is skipped). Set by
   * recordChange to pg_current_xact_id().
   */
  @Column({ type: "bigint" })
  transactionId: string;

  @Column({ type: "timestamptz", default: () => "clock_timestamp()" })
  occurredAt: Date;

  /** GraphQL type of the record, e.g. `Enterprise`, `Contact`, `Program`. */
  @Column({ type: "text" })
  entityType: string;

  @Column({ type: "uuid" })
  entityId: string;

  @Column({ type: "text" })
  action: ChangeActionName;

  @Column({ type: "text", array: true })
  changedFields: string[];

  @Column({ type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;

  /** The institutions the record belongs to: who may see its confidential fields in the feed. */
  @Column({ type: "uuid", array: true })
  institutionIds: string[];

  @Column({ type: "text" })
  actorSubject: string;

  @Column({ type: "text" })
  actorRole: string;

  @Column({ type: "uuid", nullable: true })
  actorInstitutionId: string | null;

  @Column({ type: "text" })
  requestId: string;
}
