/** Scalars every subgraph shares; composition merges same-named scalars. */
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { DateTimeResolver } from "graphql-scalars";

/** An instant, ISO 8601 with offset: `2025-05-11T09:30:00Z`. */
export const DateTimeScalar = DateTimeResolver;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** true when `text` is a YYYY-MM-DD date that exists in the calendar. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
}

/**
 * A calendar date without time zone, `YYYY-MM-DD`. Kept as a string end to
 * end (PostgreSQL `date` comes back as text too) so no time zone can shift it.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date without a time of day or time zone, written `YYYY-MM-DD` (ISO 8601), e.g. `2024-04-10`.",
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Date must be a string written YYYY-MM-DD", { nodes: ast, extensions: { code: "BAD_USER_INPUT" } });
    }
    return parseDate(ast.value);
  },
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
});
