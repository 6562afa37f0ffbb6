/**
 * The webhook events of the enterprises' and universities' records,
 * derived from the registry's party kinds: `institution.*` and `unit.*` for
 * every kind, `<member noun>.*` (contact, person) for its people. Both the
 * subgraph serving its outbox (which classifies) and the hub (which lists
 * what a subscription may name) read them from here.
 */
import type { AuditEntry } from "../audit/audit-entry";
import type { ConfidentialFields } from "../audit/change-feed";
import { PARTY_SUBGRAPHS, type PartyKindEntry } from "../subgraph/registry";
import type { AuditLogEvents, WebhookEventType } from "./source";

const PAST: Record<string, string> = { CREATE: "created", UPDATE: "updated", ARCHIVE: "archived", DELETE: "deleted" };

function eventsOf(prefix: string, noun: string, actions: readonly string[], partnersHear = false): WebhookEventType[] {
  const says: Record<string, string> = {
    created: `A ${noun} was created.`,
    updated: `A ${noun}'s fields changed (\`changedFields\`).`,
    archived: `A ${noun} was archived.`,
    deleted: `A ${noun} was deleted.`,
  };
  return actions.map((action) => ({
    name: `${prefix}.${action}`,
    enumName: `${prefix.toUpperCase()}_${action.toUpperCase()}`,
    description: says[action] + (partnersHear ? " Sent to its own credentials and to those of institutions party to a program with it." : " Sent to its institution's credentials."),
    ...(partnersHear ? { partnersHear } : {}),
  }));
}

/** Every record event type, in the order webhookEventTypes lists them. */
export const RECORD_EVENT_TYPES: readonly WebhookEventType[] = [
  ...eventsOf("institution", "institution (enterprise, university)", ["created", "updated", "archived"], true),
  ...eventsOf("unit", "unit (division, department)", ["created", "updated", "archived"]),
  ...PARTY_SUBGRAPHS.flatMap(({ partyKind }) => eventsOf(partyKind.member.noun, partyKind.member.noun, ["created", "updated", "deleted"])),
];

function classifier(kind: PartyKindEntry) {
  const prefixes: Record<string, string> = { [kind.institution.type]: "institution", [kind.unit.type]: "unit", [kind.member.type]: kind.member.noun };
  const known = new Set(RECORD_EVENT_TYPES.map((type) => type.name));
  return (entry: AuditEntry): string[] => {
    const name = `${prefixes[entry.entityType]}.${PAST[entry.action]}`;
    return known.has(name) ? [name] : [];
  };
}

/** The events of a party subgraph's audit log (enterprises, universities). */
export function recordEvents(name: string, confidentialFields: ConfidentialFields): AuditLogEvents {
  const entry = PARTY_SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} keeps no institutions: it has no record events`);
  const classify = classifier(entry.partyKind);
  const prefixes = ["institution", "unit", entry.partyKind.member.noun];
  return { name, eventTypes: RECORD_EVENT_TYPES.filter((type) => prefixes.includes(type.name.split(".")[0])), confidentialFields, classify };
}
