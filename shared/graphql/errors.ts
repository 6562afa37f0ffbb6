/**
 * The errors a client sees. Each carries `extensions.code`; anything else is
 * masked as INTERNAL_SERVER_ERROR with its details kept for the log, so no
 * stack trace, SQL or internal address leaves a server.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
  SUBGRAPH_TIMEOUT: "SUBGRAPH_TIMEOUT",
  SUBGRAPH_ERROR: "SUBGRAPH_ERROR",
  // A subgraph's bulkhead for heavy work (shared/subgraph/bulkhead.ts) is full: try again shortly.
  SERVICE_OVERLOADED: "SERVICE_OVERLOADED",
  // The gateway's limits (gateway/limits/): the request is refused before any subgraph is asked.
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  BATCHED_REQUESTS_NOT_SUPPORTED: "BATCHED_REQUESTS_NOT_SUPPORTED",
  RATE_LIMITED: "RATE_LIMITED",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  LIST_TOO_LARGE: "LIST_TOO_LARGE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that graphql-js and Apollo Server themselves attach, passed through unchanged. */
const PROTOCOL_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  // Apollo Gateway's word for the same: an unknown or missing operationName.
  "INVALID_GRAPHQL",
]);
// INTERNAL_SERVER_ERROR is what Apollo Server labels any unexpected error with: never pass its message on.
const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES].filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR));

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}
export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

interface PostgresError {
  code?: string;
  constraint?: string;
  column?: string;
}

/**
 * A constraint that PostgreSQL enforces is the last line of defence behind
 * input validation; when it fires the client still deserves a clear answer.
 */
function fromPostgres(error: PostgresError): { code: ErrorCode; message: string } | undefined {
  switch (error.code) {
    case "23505":
      return { code: ErrorCode.CONFLICT, message: `A record with the same unique value already exists (${error.constraint}).` };
    case "23514":
      return { code: ErrorCode.BAD_USER_INPUT, message: `A value breaks the rule ${error.constraint}.` };
    case "23502":
      return { code: ErrorCode.BAD_USER_INPUT, message: `The field ${error.column} is required.` };
    case "23503":
      return { code: ErrorCode.BAD_USER_INPUT, message: `A referenced record does not exist (${error.constraint}).` };
    case "22P02":
    case "22007":
    case "22008":
      return { code: ErrorCode.BAD_USER_INPUT, message: "A value has the wrong format." };
    case "57014":
      // statement_timeout (DB_STATEMENT_TIMEOUT_MS) or a cancellation of an abandoned request.
      return { code: ErrorCode.SUBGRAPH_TIMEOUT, message: "The service did not answer in time." };
    case "40001":
    case "40P01":
      return { code: ErrorCode.CONFLICT, message: "The record was changed by someone else at the same time; try again." };
    default:
      return undefined;
  }
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * The code the error was raised with, before Apollo fills in
 * INTERNAL_SERVER_ERROR for errors that have none: a plain `throw new Error()`
 * deep in a resolver has no code and must not pass for a client error.
 */
function ownCode(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return undefined;
  const { code, http } = error.extensions ?? {};
  // Apollo Server refuses some requests (a persisted query whose hash does not match) with an HTTP 4xx status but no code.
  const status = (http as { status?: unknown } | undefined)?.status;
  if (code === undefined && typeof status === "number" && status >= 400 && status < 500) return "BAD_REQUEST";
  return code;
}

function databaseRule(error: unknown): { code: ErrorCode; message: string } | undefined {
  const cause = rootCause(error);
  // shared/database/request-cancellation.ts: the caller gave up at its deadline, so nothing was run for it.
  if (cause instanceof Error && cause.name === "RequestAbandonedError") return { code: ErrorCode.SUBGRAPH_TIMEOUT, message: "The service did not answer in time." };
  return cause && typeof cause === "object" ? fromPostgres(cause as PostgresError) : undefined;
}

// Network errors and SQLSTATEs (class 08 connection exception, 57P01-57P03 shutting down or starting up,
// 53300 too many connections) that mean PostgreSQL cannot be reached right now, not that the request is wrong.
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300"]);
// What pg says, without a code, when a connection drops mid-query, the pool's connect deadline passes,
// or a query reaches a client whose connection has just broken.
const UNREACHABLE_MESSAGE = /^Connection terminated|^timeout exceeded when trying to connect|^Client (has encountered a connection error|was closed) and is not queryable/;
// TypeORM releases a transaction's query runner when its connection breaks (PostgreSQL stopping); the
// transaction's COMMIT then fails with this instead of the connection error. Nothing was committed.
const UNREACHABLE_ERROR_NAMES = new Set(["QueryRunnerAlreadyReleasedError"]);

/**
 * The database is down, restarting or out of connections: the service is
 * unavailable for a while, which clients should retry, not a fault in the request or the code.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = rootCause(error);
  if (!(cause instanceof Error)) return false;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") return UNREACHABLE.has(code) || code.startsWith("08");
  return UNREACHABLE_MESSAGE.test(cause.message) || UNREACHABLE_ERROR_NAMES.has(cause.name);
}

/** A fault to mask and log (with the request id: see shared/http/request-tracking.ts), not an answer for the client. */
export function isUnexpectedError(error: unknown): boolean {
  const code = ownCode(error);
  return !(typeof code === "string" && CLIENT_CODES.has(code)) && !databaseRule(error) && !isDatabaseUnavailable(error);
}

/** Apollo Server `formatError`: keep client errors, translate database errors, mask the rest. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = ownCode(error);
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    // Apollo may attach a stack trace in extensions; it never leaves the server.
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (isDatabaseUnavailable(error)) {
    // The gateway adds the service's name (extensions.serviceName), as for a service that is down.
    return {
      message: "This service cannot reach its database; try again shortly.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE },
    };
  }
  const fromDatabase = databaseRule(error);
  if (fromDatabase) {
    return { message: fromDatabase.message, path: formatted.path, locations: formatted.locations, extensions: { code: fromDatabase.code } };
  }
  return {
    message: "Internal server error",
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
