/** The programs subgraph's webhook events: which audit entries of programs are which events. */
import type { AuditEntry } from "../../shared/audit/audit-entry";
import { RECORD_EVENT_TYPES } from "../../shared/webhooks/record-events";
import type { WebhookHub, WebhookSource } from "../../shared/webhooks/source";
import { PARTY_SUBGRAPHS } from "../../shared/subgraph/registry";
import { ProgramStatus } from "./entities/enums";

/** Confidential program fields, as the change feed blanks them. */
export const PROGRAM_CONFIDENTIAL_FIELDS = { Program: ["budgetAmount", "budgetCurrency", "internalNotes"] };

const EVENT_TYPES = [
  { name: "program.created", enumName: "PROGRAM_CREATED", description: "A program was created (as a DRAFT)." },
  { name: "program.amended", enumName: "PROGRAM_AMENDED", description: "A program's fields or terms changed, or new terms were proposed (`after.proposedVersion`)." },
  { name: "program.approved", enumName: "PROGRAM_APPROVED", description: "A party approved (signed) the terms awaiting approval (`after.approvedVersion`)." },
  { name: "program.activated", enumName: "PROGRAM_ACTIVATED", description: "The last approval needed made a DRAFT program ACTIVE." },
  { name: "program.terminated", enumName: "PROGRAM_TERMINATED", description: "A party ended a program early (`after.terminationReason`)." },
  { name: "program.expiring", enumName: "PROGRAM_EXPIRING", description: "An ACTIVE program ends within one of the subscription's `expiryDays` thresholds: once per threshold (and end date)." },
] as const;

function classify(entry: AuditEntry): string[] {
  if (entry.entityType !== "Program") return [];
  const becameActive = entry.before?.status !== ProgramStatus.ACTIVE && entry.after?.status === ProgramStatus.ACTIVE;
  switch (entry.action) {
    case "CREATE":
      return ["program.created"];
    case "UPDATE":
      return ["program.amended"];
    case "SIGN":
      return becameActive ? ["program.approved", "program.activated"] : ["program.approved"];
    case "TERMINATE":
      return ["program.terminated"];
    default:
      return [];
  }
}

export const programWebhooks: WebhookSource = {
  name: "programs",
  eventTypes: EVENT_TYPES,
  expiringEventType: "program.expiring",
  confidentialFields: PROGRAM_CONFIDENTIAL_FIELDS,
  classify,
  expiringSql: `
    SELECT 'Program' AS "entityType", p.id AS "entityId", to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn", (p.ends_on - current_date) AS "daysLeft",
           array_agg(DISTINCT pp.institution_id) AS "institutionIds",
           json_build_object('id', p.id, 'slug', p.slug, 'title', p.title, 'kind', p.kind, 'status', p.status, 'endsOn', p.ends_on) AS summary
      FROM program p JOIN program_party pp ON pp.program_id = p.id
     WHERE p.status = 'ACTIVE' AND p.ends_on >= current_date AND p.ends_on <= current_date + $1::int
     GROUP BY p.id`,
};

/**
 * Programs keeps every subscription and delivers: its own events, and those
 * of the enterprises' and universities' records, whose audit logs it reads
 * through their outbox field. An institution hears of its partners' records:
 * institutions party to a program with it (any status), as the fan-out finds
 * them.
 */
export const webhookHub: WebhookHub = {
  source: programWebhooks,
  peers: PARTY_SUBGRAPHS.map((entry) => entry.name),
  eventTypes: [...EVENT_TYPES, ...RECORD_EVENT_TYPES],
  partnersSql: `
    SELECT DISTINCT mine.institution_id AS institution, other.institution_id AS partner
      FROM program_party mine JOIN program_party other ON other.program_id = mine.program_id AND other.institution_id <> mine.institution_id
     WHERE mine.institution_id = ANY($1::uuid[])`,
};
