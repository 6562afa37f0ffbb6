/** What leaves a server when something goes wrong: a code and a plain message, never internals. */
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { QueryRunnerAlreadyReleasedError } from "typeorm";
import { badUserInput, formatError as format, isDatabaseUnavailable, isUnexpectedError } from "../shared/graphql/errors";

const formatted = (error: GraphQLError) => format({ ...error.toJSON(), extensions: { ...error.extensions } }, error);

describe("the error formatter", () => {
  it("passes client errors through with their code, without a stack trace", () => {
    const error = badUserInput("first must be a whole number", "first");
    const result = format({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ["at secret.ts:1"] } }, error);
    expect(result).toMatchObject({ message: "first must be a whole number", extensions: { code: "BAD_USER_INPUT", field: "first" } });
    expect(JSON.stringify(result)).not.toContain("secret.ts");
  });

  it("masks unexpected errors, even those Apollo already labelled INTERNAL_SERVER_ERROR", () => {
    const error = new GraphQLError('relation "program" does not exist at /srv/app', { extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(formatted(error)).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    // What Apollo hands the formatter for a plain `throw new Error()` in a resolver.
    const thrown = new GraphQLError("connect ECONNREFUSED 10.0.0.7:5432", { originalError: new Error("connect ECONNREFUSED 10.0.0.7:5432") });
    expect(format({ message: thrown.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, thrown)).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("tells the request log which errors are faults to record (with the request id) and which are answers", () => {
    expect(isUnexpectedError(new GraphQLError("boom", { originalError: new Error("boom") }))).toBe(true);
    expect(isUnexpectedError(new GraphQLError("boom", { extensions: { code: "INTERNAL_SERVER_ERROR" } }))).toBe(true);
    expect(isUnexpectedError(badUserInput("first must be a whole number"))).toBe(false);
    const database = Object.assign(new Error("duplicate key"), { code: "23505", constraint: "uq_enterprise_slug" });
    expect(isUnexpectedError(new GraphQLError("wrapped", { originalError: database }))).toBe(false);
  });

  it.each([
    ["23505", "CONFLICT"],
    ["23514", "BAD_USER_INPUT"],
    ["23503", "BAD_USER_INPUT"],
    ["40001", "CONFLICT"],
  ])("turns PostgreSQL error %s into %s", (sqlState, code) => {
    const database = Object.assign(new Error("duplicate key value violates unique constraint"), { code: sqlState, constraint: "uq_enterprise_slug" });
    const error = new GraphQLError("wrapped", { originalError: database });
    expect(formatted(error).extensions?.code).toBe(code);
    expect(formatted(error).message).not.toContain("duplicate key value");
  });

  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:5432"), { code: "ECONNREFUSED" })],
    ["a server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a server starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["a connection failure", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["a connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["a query on a connection that has just broken", new Error("Client has encountered a connection error and is not queryable")],
    // The fault suite met it: PostgreSQL stopped during a mutation's transaction.
    ["a transaction whose connection broke before its COMMIT", new QueryRunnerAlreadyReleasedError()],
  ])("answers %s as the service being unavailable, to retry, and keeps it out of the fault log", (_, cause) => {
    const error = new GraphQLError(cause.message, { originalError: cause });
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isUnexpectedError(error)).toBe(false);
    expect(format({ message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, error)).toEqual({
      message: "This service cannot reach its database; try again shortly.",
      extensions: { code: "SUBGRAPH_UNAVAILABLE" },
    });
  });

  it("does not take a broken query for an unavailable database", () => {
    const undefinedTable = Object.assign(new Error('relation "program" does not exist'), { code: "42P01" });
    expect(isDatabaseUnavailable(new GraphQLError("wrapped", { originalError: undefinedTable }))).toBe(false);
    expect(isDatabaseUnavailable(new GraphQLError("boom", { originalError: new Error("boom") }))).toBe(false);
  });
});
