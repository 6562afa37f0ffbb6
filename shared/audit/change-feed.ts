/**
 * Change feeds: how a partner's system syncs incrementally. Each subgraph
 * serves its own feed (`enterpriseChanges`, ...) from its own audit log, in
 * the order transactions wrote it and only as far as no transaction is still
 * running, so resuming from a cursor never misses a change. Confidential
 * values are blanked for callers who may not read them.
 */
import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Args, Ctx, Directive, Field, ID, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import type { Access } from "../auth/access";
import type { SubgraphContext } from "../subgraph/context";
import { badUserInput } from "../graphql/errors";
import { connectionType, decodeCursor, encodeCursor, pageSize, type Page, PageArguments } from "../graphql/pagination";
import { DateTimeScalar } from "../graphql/scalars";
import { AuditEntry, type ChangeActionName } from "./audit-entry";
import { finishedBelowSql, otherDatabasesRunning } from "../database/finished-below";

export enum ChangeAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  ARCHIVE = "ARCHIVE",
  DELETE = "DELETE",
  SIGN = "SIGN",
  TERMINATE = "TERMINATE",
}
registerEnumType(ChangeAction, {
  name: "ChangeAction",
  description: "What a change did to its record.",
  valuesConfig: {
    CREATE: { description: "The record was created." },
    UPDATE: { description: "Fields of the record changed (for a program: an amendment)." },
    ARCHIVE: { description: "The record was archived: it stays, marked ARCHIVED, so references to it hold." },
    DELETE: { description: "The record was deleted (only contacts and people can be)." },
    SIGN: { description: "A party signed (confirmed) a program; it becomes ACTIVE when every signatory has." },
    TERMINATE: { description: "A program was ended early by a party." },
  },
});

@Directive("@shareable")
@ObjectType("Change", { description: "One change to one record, from a subgraph's audit log: what, when, by whom, and the record before and after." })
export class Change {
  @Field(() => ID, {
    description: "The change's number in its subgraph's log.",
    deprecationReason: "Use `logNumber`: the three feeds number their changes separately, so caches that normalise by `id` would merge one subgraph's change into another's.",
  })
  id: string;

  // No `id` of its own: numbers repeat across the enterprises, universities and programs feeds.
  @Field(() => ID, { description: "The change's number in its subgraph's log; the enterprises, universities and programs feeds each count from 1." })
  logNumber: string;

  @Field(() => DateTimeScalar, { description: "When the change was made." })
  occurredAt: Date;

  @Field(() => String, { description: "GraphQL type of the changed record, e.g. `Enterprise`, `Division`, `Contact`, `Program`, `Activity`." })
  entityType: string;

  @Field(() => ID, { description: "Id of the changed record." })
  entityId: string;

  @Field(() => ChangeAction, { description: "What the change did." })
  action: ChangeActionName;

  @Field(() => [String], { description: "Names of the fields whose values changed." })
  changedFields: string[];

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record before the change (null when it was created); stored field names." })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The record after the change (null when it was deleted)." })
  after: Record<string, unknown> | null;

  @Field(() => [String], { description: "Confidential fields whose values were blanked in `before` and `after` because the caller may not read them." })
  redactedFields: string[];

  @Field(() => String, { description: "Role of whoever made the change: editor, admin, ..." })
  actorRole: string;

  @Field(() => ID, { nullable: true, description: "The institution whose credentials made the change, if any." })
  actorInstitutionId: string | null;

  @Field(() => String, { nullable: true, description: "The credential's subject (client or user); shown to administrators only." })
  actorSubject: string | null;

  @Field(() => String, { description: "Request id of the change, to find it in the logs of every service." })
  requestId: string;
}

export const ChangeConnection = connectionType("Change", Change, "changes", true);

/** Stored field names that only parties and administrators may read, per entity type. */
export type ConfidentialFields = Record<string, string[]>;

/** One audit entry as `access` may see it: confidential values blanked unless it may read them (webhooks send the same). */
export function toChange(entry: AuditEntry, access: Access, confidentialFields: ConfidentialFields): Change {
  const hidden = access.canReadConfidential(entry.institutionIds) ? [] : (confidentialFields[entry.entityType] ?? []);
  const redactedFields = hidden.filter((field) => entry.before?.[field] != null || entry.after?.[field] != null);
  const blank = (record: Record<string, unknown> | null) =>
    record && redactedFields.length ? { ...record, ...Object.fromEntries(redactedFields.map((field) => [field, null])) } : record;
  return Object.assign(new Change(), {
    id: entry.id,
    logNumber: entry.id,
    occurredAt: entry.occurredAt,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    changedFields: entry.changedFields,
    before: blank(entry.before),
    after: blank(entry.after),
    redactedFields,
    actorRole: entry.actorRole,
    actorInstitutionId: entry.actorInstitutionId,
    actorSubject: access.isAdmin ? entry.actorSubject : null,
    requestId: entry.requestId,
  });
}

export async function readChanges(
  context: SubgraphContext,
  confidentialFields: ConfidentialFields,
  since: Date,
  first: number | null,
  after: string | null,
): Promise<Page<Change>> {
  context.access.requireChangeFeed();
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) throw badUserInput("since must be a date-time", "since");
  const size = pageSize(first, context.maxPageSize);
  const otherDatabases = await otherDatabasesRunning((sql, parameters) => context.dataSource.query(sql, parameters));
  const query = context.dataSource
    .getRepository(AuditEntry)
    .createQueryBuilder("entry")
    // Only transactions that have finished: none can still add a change before the end of this page.
    .where(`entry.transactionId < ${finishedBelowSql(":otherDatabases")}`, { otherDatabases })
    .andWhere("entry.occurredAt >= :since", { since });
  const countQuery = query.clone();
  if (after) {
    const [transactionId, id] = decodeCursor(after, 2);
    if (!/^\d+$/.test(String(transactionId)) || !/^\d+$/.test(String(id))) throw badUserInput("after is not a cursor from this feed", "after");
    query.andWhere("(entry.transactionId, entry.id) > (:transactionId::bigint, :id::bigint)", { transactionId: String(transactionId), id: String(id) });
  }
  const rows = size === 0 ? [] : await query.orderBy("entry.transactionId", "ASC").addOrderBy("entry.id", "ASC").limit(size + 1).getMany();
  const edges = rows.slice(0, size).map((entry) => ({ cursor: encodeCursor([entry.transactionId, entry.id]), node: toChange(entry, context.access, confidentialFields) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal: () => countQuery.getCount(),
  };
}

/** The root field `<fieldName>(since, first, after)` of one subgraph's feed. */
export function changeFeedResolver(fieldName: string, description: string, confidentialFields: ConfidentialFields) {
  @Resolver()
  class ChangeFeedResolver {
    @Query(() => ChangeConnection, { name: fieldName, description })
    changes(
      @Arg("since", () => DateTimeScalar, { description: "Only changes made at or after this instant. To resume a sync exactly, pass the same `since` and the last `endCursor` as `after`." }) since: Date,
      @Args(() => PageArguments) page: PageArguments,
      @Ctx() context: SubgraphContext,
    ): Promise<Page<Change>> {
      return readChanges(context, confidentialFields, since, page.first ?? null, page.after ?? null);
    }
  }
  return ChangeFeedResolver;
}
