/**
 * Relay connections with keyset (cursor) pagination: a page costs one query
 * however deep into the list it is, and `totalCount` one more, only when asked.
 */
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { ENVIRONMENT_VARIABLES } from "../config";
import { registerArgumentRules } from "../records/input-fields";
import { cursor } from "../records/validation";
import { badUserInput } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
/**
 * The largest page by default. The gateway refuses larger ones (LIST_TOO_LARGE)
 * and passes QUERY_MAX_LIST_SIZE to the subgraphs (`SubgraphContext.maxPageSize`),
 * so raising the setting raises both; descriptions name this default.
 */
export const MAX_PAGE_SIZE = Number(ENVIRONMENT_VARIABLES.QUERY_MAX_LIST_SIZE.default);

/** The descriptions of every list's `first` and `after` arguments. */
export const FIRST_DESCRIPTION = `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`;
export const AFTER_DESCRIPTION = "Cursor after which the page starts (`pageInfo.endCursor` of the previous page).";
registerArgumentRules("after", [cursor]);

@Directive("@shareable")
@ObjectType("PageInfo", { description: "Where a page sits in its list, for fetching the next one." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page; fetch them with `after: endCursor`." })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: "Whether items precede this page (true whenever `after` was given)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page; null for an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item of the page; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Resolved only when a client asks for totalCount. */
  countTotal: () => Promise<number>;
}

/**
 * Builds `<Name>Edge` and `<Name>Connection` object types for a node type.
 * `noun` is the plural a description uses ("enterprises").
 */
/** `shareable`: the same connection type is served by several subgraphs (change feeds). */
export function connectionType<T extends object>(name: string, nodeType: ClassType<T>, noun: string, shareable = false) {
  const served: ClassDecorator = shareable ? Directive("@shareable") : () => undefined;

  @served
  @ObjectType(`${name}Edge`, { description: `One of the ${noun} in a page, with the cursor that marks its place.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: "Opaque cursor of this item; pass it as `after` to continue after it." })
    cursor: string;

    @Field(() => nodeType, { description: `The item itself.` })
    node: T;
  }

  @served
  @ObjectType(`${name}Connection`, { description: `A page of ${noun} (a Relay connection).` })
  class ConnectionType implements Page<T> {
    @Field(() => [EdgeType], { description: "The items of the page with their cursors." })
    edges: EdgeType[];

    @Field(() => [nodeType], { description: "The items of the page, without cursors." })
    nodes: T[];

    @Field(() => PageInfo, { description: "Whether more items follow, and the cursors to fetch them." })
    pageInfo: PageInfo;

    countTotal: () => Promise<number>;

    @Field(() => Int, { description: `How many ${noun} match the filter in all pages together.` })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return ConnectionType;
}

/** One column of the sort order; the last one must be unique (the id). */
export interface KeysetColumn<T> {
  /** SQL expression in the query, e.g. `enterprise.name`. */
  expression: string;
  /** Reads the same value from a loaded row. */
  value: (row: T) => string | number;
  direction: "ASC" | "DESC";
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  /** The largest page this deployment serves (QUERY_MAX_LIST_SIZE); MAX_PAGE_SIZE when not given. */
  maxPageSize?: number;
}

/** The `first` and `after` arguments of every paged list, declared once: `@Args(() => PageArguments) page: PageArguments`. */
@ArgsType()
export class PageArguments {
  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number | null;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string | null;
}

/** A list's paging arguments as one request asks for them, with the deployment's largest page. */
export function pageArgs(context: { maxPageSize: number }, page: PageArguments): PageArgs {
  return { first: page.first, after: page.after, maxPageSize: context.maxPageSize };
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(`first must be a whole number from 0 to ${max}, got ${first}`, "first");
  }
  return first;
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== length ||
    // No NUL: PostgreSQL cannot compare text holding one (a forged cursor is bad input, not a database error).
    !values.every((v) => (typeof v === "string" && v.length <= 1000 && !v.includes("\u0000")) || Number.isFinite(v))
  ) {
    throw badUserInput("after is not a cursor from this list", "after");
  }
  return values as (string | number)[];
}

/** Restricts `query` to the rows after the cursor and orders it; returns the page size. */
function applyKeyset<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs, order: KeysetColumn<T>[]): void {
  if (args.after) {
    const values = decodeCursor(args.after, order.length);
    // (a > :a) OR (a = :a AND b > :b) ...: works for mixed directions, unlike a row comparison.
    const clauses = order.map((column, i) => {
      const equal = order.slice(0, i).map((earlier, j) => `${earlier.expression} = :cursor${j}`);
      const beyond = `${column.expression} ${column.direction === "ASC" ? ">" : "<"} :cursor${i}`;
      return `(${[...equal, beyond].join(" AND ")})`;
    });
    query.andWhere(`(${clauses.join(" OR ")})`, Object.fromEntries(values.map((v, i) => [`cursor${i}`, v])));
  }
}

function orderClause<T>(order: KeysetColumn<T>[]): string {
  return order.map((c) => `${c.expression} ${c.direction}`).join(", ");
}

function toPage<T>(rows: T[], first: number, args: PageArgs, order: KeysetColumn<T>[], countTotal: () => Promise<number>): Page<T> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(order.map((c) => c.value(node))), node }));
  return {
    edges,
    nodes: pageRows,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal,
  };
}

/** Runs one page of `query` (already filtered) in keyset order; `countTotal` (when given) says how many rows match, else the query is counted. */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  order: KeysetColumn<T>[],
  countTotal?: () => Promise<number>,
): Promise<Page<T>> {
  const first = pageSize(args.first, args.maxPageSize);
  const countQuery = query.clone();
  applyKeyset(query, args, order);
  order.forEach((column, i) =>
    i === 0 ? query.orderBy(column.expression, column.direction) : query.addOrderBy(column.expression, column.direction),
  );
  const rows = first === 0 ? [] : await query.limit(first + 1).getMany();
  return toPage(rows, first, args, order, countTotal ?? (() => countQuery.getCount()));
}

export interface PagesByParentOptions<T extends ObjectLiteral & { id: string }> {
  parentIds: readonly string[];
  /** Filtered query whose rows each belong to the parent in `parentKey` (a row may belong to several). */
  query: SelectQueryBuilder<T>;
  /** SQL expression of the parent id in `query`, e.g. `link.institution_id`. */
  parentKey: string;
  order: KeysetColumn<T>[];
  args: PageArgs;
  /** Loads full rows by id (a DataLoader's loadMany). */
  loadByIds: (ids: string[]) => Promise<(T | Error | null)[]>;
  /** Total per parent, asked for only when a client wants totalCount. */
  countTotal: (parentId: string) => Promise<number>;
}

/**
 * The same page (first/after) of a child list for many parents at once, in
 * two statements whatever the number of parents: a window query ranks each
 * parent's ids, then the rows are loaded by id.
 */
export async function pagesByParent<T extends ObjectLiteral & { id: string }>(options: PagesByParentOptions<T>): Promise<Page<T>[]> {
  const { parentIds, query, parentKey, order, args } = options;
  const first = pageSize(args.first, args.maxPageSize);
  applyKeyset(query, args, order);
  const alias = query.alias;
  query
    .select(`${alias}.id`, "id")
    .addSelect(parentKey, "parent_key")
    .addSelect(`row_number() OVER (PARTITION BY ${parentKey} ORDER BY ${orderClause(order)})`, "position");
  const ranked: { id: string; parent_key: string }[] =
    first === 0
      ? []
      : await query.connection
          .createQueryBuilder()
          .select(["ranked.id AS id", "ranked.parent_key AS parent_key"])
          .from(`(${query.getQuery()})`, "ranked")
          .setParameters(query.getParameters())
          .where("ranked.position <= :limit", { limit: first + 1 })
          .orderBy("ranked.parent_key")
          .addOrderBy("ranked.position")
          .getRawMany();
  const rows = await options.loadByIds([...new Set(ranked.map((r) => r.id))]);
  const byId = new Map<string, T>();
  for (const row of rows) if (row && !(row instanceof Error)) byId.set(row.id, row);
  const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
  for (const { id, parent_key } of ranked) {
    const row = byId.get(id);
    if (row) grouped.get(parent_key)?.push(row);
  }
  return parentIds.map((parentId) => toPage(grouped.get(parentId)!, first, args, order, () => options.countTotal(parentId)));
}
