/**
 * What a subgraph tells the shared webhook machinery about its events: which
 * event types exist, which audit entries are which events, what is
 * confidential, and which records are about to expire.
 */
import type { AuditEntry } from "../audit/audit-entry";
import type { ConfidentialFields } from "../audit/change-feed";
import type { SubgraphName } from "../subgraph/registry";

export interface WebhookEventType {
  /** `program.created`: what a subscription names and a payload's `type` says. */
  name: string;
  /** The GraphQL enum value for it, e.g. `PROGRAM_CREATED`. */
  enumName: string;
  description: string;
  /** An institution's own record: institutions party to a program with it hear of it too (not only its own credentials). */
  partnersHear?: boolean;
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

/** Which events one subgraph's audit log holds: the subgraph says it of its own log (programs, or a peer serving its outbox). */
export interface AuditLogEvents {
  /** The subgraph (and PostgreSQL schema) whose audit log is the outbox. */
  name: string;
  eventTypes: readonly WebhookEventType[];
  confidentialFields: ConfidentialFields;
  /** The events one audit entry is (none, one, or several: an approval that activates is both). */
  classify(entry: AuditEntry): string[];
}

export interface WebhookSource extends AuditLogEvents {
  /** The event type of expiry notices (subscriptions name their thresholds in days). */
  expiringEventType: string;
  /** SQL (in the source's schema) for records ending within `$1` days from today: columns as ExpiringRecord's. */
  expiringSql: string;
}

/**
 * The subgraph that keeps the subscriptions and delivers (programs): its own
 * audit log's events, and the peers whose audit logs it fans out too, read
 * through a signed peer call (outbox-feed.ts).
 */
export interface WebhookHub {
  source: WebhookSource;
  peers: readonly SubgraphName[];
  /** Every event type a subscription may name: its own and its peers'. */
  eventTypes: readonly WebhookEventType[];
  /** SQL (in the hub's schema): pairs (institution, partner) of institutions party to one program, for institutions `$1::uuid[]`. */
  partnersSql: string;
}
