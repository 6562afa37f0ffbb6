/**
 * What a subgraph tells the shared webhook machinery about its events: which
 * event types exist, which audit entries are which events, what is
 * confidential, and which records are about to expire.
 */
import type { AuditEntry } from "../audit/audit-entry";
import type { ConfidentialFields } from "../audit/change-feed";

export interface WebhookEventType {
  /** `program.created`: what a subscription names and a payload's `type` says. */
  name: string;
  /** The GraphQL enum value for it, e.g. `PROGRAM_CREATED`. */
  enumName: string;
  description: string;
}

/** A record close to its end, as the daily expiry scan finds it. */
export interface ExpiringRecord {
  entityType: string;
  entityId: string;
  /** ISO date (YYYY-MM-DD) of its last day. */
  endsOn: string;
  daysLeft: number;
  institutionIds: string[];
  /** What the notice shows of the record (public fields only). */
  summary: Record<string, unknown>;
}

export interface WebhookSource {
  /** The subgraph (and PostgreSQL schema) whose audit log is the outbox. */
  name: string;
  eventTypes: readonly WebhookEventType[];
  /** The event type of expiry notices (subscriptions name their thresholds in days). */
  expiringEventType: string;
  confidentialFields: ConfidentialFields;
  /** The events one audit entry is (none, one, or several: an approval that activates is both). */
  classify(entry: AuditEntry): string[];
  /** SQL (in the source's schema) for records ending within `$1` days from today: columns as ExpiringRecord's. */
  expiringSql: string;
}
