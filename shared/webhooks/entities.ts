/**
 * The webhook tables, in the schema of the subgraph that delivers (programs).
 * The outbox itself is the audit log, written in the change's own
 * transaction (shared/audit/record-change.ts); these tables only say who
 * wants which events, how far the audit log has been fanned out, and how
 * each delivery stands.
 */
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export const SUBSCRIPTION_STATUSES = ["ACTIVE", "PAUSED"] as const;
export type SubscriptionStatusName = (typeof SUBSCRIPTION_STATUSES)[number];

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];

@Entity({ name: "webhook_subscription" })
@Check("ck_webhook_subscription_status", `status IN ('ACTIVE', 'PAUSED')`)
@Index("ix_webhook_subscription_owner", ["ownerSubject"])
export class WebhookSubscription {
  @PrimaryColumn({ type: "uuid" })
  id: string;

  /** The credential that owns it: its subject, role and institution, as the token named them. */
  @Column({ type: "text" })
  ownerSubject: string;

  @Column({ type: "text" })
  ownerRole: string;

  @Column({ type: "text", nullable: true })
  ownerInstitutionType: string | null;

  @Column({ type: "uuid", nullable: true })
  ownerInstitutionId: string | null;

  @Column({ type: "text" })
  url: string;

  /** Event types wanted, e.g. `program.created`. */
  @Column({ type: "text", array: true })
  eventTypes: string[];

  /** Days before a program's end at which `program.expiring` is sent, one notice per threshold. */
  @Column({ type: "integer", array: true, default: () => "'{}'" })
  expiryDays: number[];

  /** `whsec_` and base64: the signing key (Standard Webhooks); shown to the owner at creation and rotation only. */
  @Column({ type: "text" })
  secret: string;

  @Column({ type: "text", default: "ACTIVE" })
  status: SubscriptionStatusName;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "integer" })
  version: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}

/**
 * One event for one subscription. `sequence` is the event's place in the
 * audit log's order (transaction, entry), so deliveries of one record go out
 * in the order the record changed; `dedupeKey` makes expiry notices once per
 * subscription, program, end date and threshold.
 */
@Entity({ name: "webhook_delivery" })
@Check("ck_webhook_delivery_status", `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index("ix_webhook_delivery_due", ["status", "nextAttemptAt"])
@Index("ix_webhook_delivery_record", ["subscriptionId", "recordKey", "sequence"])
@Index("uq_webhook_delivery_dedupe", ["subscriptionId", "dedupeKey"], { unique: true })
@Index("ix_webhook_delivery_recent", ["subscriptionId", "createdAt"])
export class WebhookDelivery {
  @PrimaryGeneratedColumn("identity", { type: "bigint", generatedIdentity: "ALWAYS" })
  id: string;

  @Column({ type: "uuid" })
  subscriptionId: string;

  /** `webhook-id`: the same on every attempt and redelivery, so receivers deduplicate by it. */
  @Column({ type: "text" })
  messageId: string;

  @Column({ type: "text" })
  eventType: string;

  /** `Program:<id>`: deliveries of one record are sent one at a time, in order. */
  @Column({ type: "text" })
  recordKey: string;

  @Column({ type: "numeric", precision: 40, scale: 0 })
  sequence: string;

  @Column({ type: "text" })
  dedupeKey: string;

  /** The body sent, as JSON text (already redacted for the subscription's credential). */
  @Column({ type: "text" })
  payload: string;

  @Column({ type: "text", default: "PENDING" })
  status: DeliveryStatusName;

  @Column({ type: "integer", default: 0 })
  attempts: number;

  @Column({ type: "timestamptz", default: () => "now()" })
  nextAttemptAt: Date;

  /** When the change was committed (its audit entry's time): the start of the latency measured. */
  @Column({ type: "timestamptz" })
  occurredAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  firstAttemptAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  deliveredAt: Date | null;

  @Column({ type: "integer", nullable: true })
  lastResponseStatus: number | null;

  @Column({ type: "text", nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

/** How far a subgraph's audit log has been turned into deliveries: (transaction id, entry id) of the last entry done. */
@Entity({ name: "webhook_cursor" })
export class WebhookCursor {
  @PrimaryColumn({ type: "text" })
  source: string;

  @Column({ type: "bigint" })
  transactionId: string;

  @Column({ type: "bigint" })
  entryId: string;
}
