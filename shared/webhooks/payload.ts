/**
 * What a receiver gets: `{ type, timestamp, data }` as Standard Webhooks
 * recommends, `data` being the change as the change feeds show it to the
 * subscription's credential (confidential values blanked unless it may read
 * them).
 */
import type { AuditEntry } from "../audit/audit-entry";
import { toChange, type ConfidentialFields } from "../audit/change-feed";
import { accessFor, type Access } from "../auth/access";
import { parsePrincipal } from "../auth/principal";
import type { ExpiringRecord } from "./source";

/** The owner of a subscription as the access rules see it. */
export interface SubscriptionOwner {
  ownerSubject: string;
  ownerRole: string;
  ownerInstitutionType: string | null;
  ownerInstitutionId: string | null;
}

export function ownerAccess(owner: SubscriptionOwner): Access {
  const principal = parsePrincipal({
    role: owner.ownerRole,
    subject: owner.ownerSubject,
    institution: owner.ownerInstitutionId ? { type: owner.ownerInstitutionType, id: owner.ownerInstitutionId } : undefined,
  });
  // A stored owner that no longer parses (a role since removed) reads as anonymous: public values only.
  return accessFor(typeof principal === "string" ? { role: "anonymous", subject: "anonymous" } : principal);
}

/** Whether the owner hears of records of these institutions: administrators and analysts of all, an institution's credential of its own. */
export function concerns(owner: SubscriptionOwner, institutionIds: readonly string[]): boolean {
  if (owner.ownerRole === "admin" || owner.ownerRole === "analyst") return true;
  return (owner.ownerRole === "reader" || owner.ownerRole === "editor") && owner.ownerInstitutionId !== null && institutionIds.includes(owner.ownerInstitutionId);
}

/** `source`: the subgraph whose audit log holds the change; `confidentialFields`: what its change feed blanks. */
export function changePayload(type: string, entry: AuditEntry, owner: SubscriptionOwner, source: string, confidentialFields: ConfidentialFields): string {
  const change = toChange(entry, ownerAccess(owner), confidentialFields);
  return JSON.stringify({ type, timestamp: new Date(entry.occurredAt).toISOString(), data: { source, ...change, id: undefined } });
}

export function expiryPayload(type: string, record: ExpiringRecord, thresholdDays: number, at: Date): string {
  return JSON.stringify({
    type,
    timestamp: at.toISOString(),
    data: { entityType: record.entityType, entityId: record.entityId, endsOn: record.endsOn, daysLeft: record.daysLeft, thresholdDays, record: record.summary },
  });
}
