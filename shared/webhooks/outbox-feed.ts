/**
 * Reading an audit log as the outbox, from where the fan-out stands: the
 * entries of finished transactions only (the change feeds' rule, so none can
 * later appear behind the cursor), each with its events and the fields that
 * are confidential in it. The hub (programs) reads its own log directly and
 * its peers' logs through a signed peer call to the field each peer serves
 * (`webhookOutbox<Name>`, @inaccessible: not in the public graph, and only the
 * hub's service identity may call it). No SQL crosses schemas.
 */
import { randomUUID } from "node:crypto";
import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";
import type { AuditEntry } from "../audit/audit-entry";
import { badUserInput, forbidden } from "../graphql/errors";
import type { SubgraphContext } from "../subgraph/context";
import type { PeerClient } from "../subgraph/peers";
import type { SubgraphName } from "../subgraph/registry";
import type { AuditLogEvents } from "./source";
import { finishedBelowSql, otherDatabasesRunning } from "../database/finished-below";

/** Where a fan-out stands in an audit log: (transaction id, entry id) of the last entry done. */
export interface Position {
  transactionId: string;
  entryId: string;
}

export interface OutboxEntry {
  entry: AuditEntry;
  events: string[];
  /** Stored field names of this entry that only those who may read confidential values see. */
  confidentialFields: string[];
}

export interface OutboxPage {
  entries: OutboxEntry[];
  /** The last entry read (with or without events): where the cursor moves; null when nothing was read. */
  last: Position | null;
  /** Nothing read, but committed entries wait behind a transaction still running. */
  waiting: boolean;
}

/** The subgraph whose service identity may read the peers' outboxes. */
export const WEBHOOK_HUB: SubgraphName = "programs";

/** The peer's field: one per subgraph, since a root field served by two subgraphs would be one shared field. */
export function outboxFieldOf(name: string): string {
  return `webhookOutbox${name[0].toUpperCase()}${name.slice(1)}`;
}

type Query = (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

function entryOf(row: Record<string, unknown>): AuditEntry {
  return {
    id: String(row.id),
    transactionId: String(row.transaction_id),
    occurredAt: new Date(row.occurred_at as string),
    entityType: row.entity_type as string,
    entityId: row.entity_id as string,
    action: row.action as AuditEntry["action"],
    changedFields: row.changed_fields as string[],
    before: row.before as Record<string, unknown> | null,
    after: row.after as Record<string, unknown> | null,
    institutionIds: row.institution_ids as string[],
    actorSubject: row.actor_subject as string,
    actorRole: row.actor_role as string,
    actorInstitutionId: row.actor_institution_id as string | null,
    requestId: row.request_id as string,
  };
}

/**
 * One page of the audit log after `after`, in one statement (one snapshot; the
 * other databases' running transactions are read just before, finished-below.ts):
 * finished entries come first in (transaction, entry) order, since finished
 * means a transaction id below the oldest running one.
 */
export async function readOutbox(query: Query, events: AuditLogEvents, after: Position, limit: number): Promise<OutboxPage> {
  const otherDatabases = await otherDatabasesRunning(query);
  const rows = await query(
    `SELECT a.*, a.transaction_id < ${finishedBelowSql("$4")} AS finished FROM audit_log a
      WHERE (a.transaction_id, a.id) > ($1::bigint, $2::bigint) ORDER BY a.transaction_id, a.id LIMIT $3`,
    [after.transactionId, after.entryId, limit, otherDatabases],
  );
  const finished = rows.filter((row) => row.finished);
  const entries = finished.map(entryOf).map((entry) => ({ entry, events: events.classify(entry), confidentialFields: events.confidentialFields[entry.entityType] ?? [] }));
  const last = entries.at(-1)?.entry;
  return {
    entries: entries.filter((e) => e.events.length > 0),
    last: last ? { transactionId: last.transactionId, entryId: last.id } : null,
    waiting: rows.length > 0 && finished.length === 0,
  };
}

/** The field a peer serves its outbox with, to the hub's service identity only. */
export function webhookOutboxResolver(events: AuditLogEvents) {
  @Resolver()
  class WebhookOutboxResolver {
    @Directive("@inaccessible")
    @Query(() => GraphQLJSONObject, {
      name: outboxFieldOf(events.name),
      description: `This subgraph's audit log as the webhook outbox, for the ${WEBHOOK_HUB} subgraph's fan-out only (not in the public graph): finished entries after a position, with their events and confidential fields.`,
    })
    outbox(
      @Arg("afterTransaction", () => String, { description: "Transaction id of the last entry done." }) afterTransaction: string,
      @Arg("afterEntry", () => String, { description: "Id of the last entry done." }) afterEntry: string,
      @Arg("first", () => Int, { description: "At most this many entries (1 to 1000)." }) first: number,
      @Ctx() context: SubgraphContext,
    ): Promise<OutboxPage> {
      const { principal } = context.access;
      // Unredacted values: only the hub, which redacts per subscription, may read them.
      if (principal.role !== "service" || principal.subject !== `service:${WEBHOOK_HUB}`) throw forbidden(`Only the ${WEBHOOK_HUB} service reads the webhook outbox.`);
      if (!/^\d{1,19}$/.test(afterTransaction) || !/^\d{1,19}$/.test(afterEntry)) throw badUserInput("afterTransaction and afterEntry must be positions (numbers)", "afterTransaction");
      if (first < 1 || first > 1000) throw badUserInput("first must be from 1 to 1000", "first");
      return readOutbox((sql, parameters) => context.dataSource.query(sql, parameters), events, { transactionId: afterTransaction, entryId: afterEntry }, first);
    }
  }
  return WebhookOutboxResolver;
}

/** What the hub reads an outbox through: its own log by SQL, a peer's by a signed peer call. */
export type OutboxReader = (after: Position, limit: number) => Promise<OutboxPage>;

export function peerOutboxReader(peers: PeerClient, peer: SubgraphName): OutboxReader {
  const field = outboxFieldOf(peer);
  const document = `query Outbox($t: String!, $e: String!, $first: Int!) { ${field}(afterTransaction: $t, afterEntry: $e, first: $first) }`;
  return async (after, limit) => {
    const data = await peers.query<Record<string, OutboxPage>>(peer, document, { t: after.transactionId, e: after.entryId, first: limit }, `webhooks-${randomUUID()}`);
    const page = data[field];
    // Dates arrive as JSON text.
    return { ...page, entries: page.entries.map((e) => ({ ...e, entry: { ...e.entry, occurredAt: new Date(e.entry.occurredAt) } })) };
  };
}
