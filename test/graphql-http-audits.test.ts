/**
 * The public GraphQL-over-HTTP conformance audits (graphql-http's
 * `serverAudits`, the suite the spec's maintainers publish) against the
 * gateway, one test per audit: every MUST holds, and so does every SHOULD
 * (legacy `application/json` clients get 200 for request errors,
 * gateway/legacy-json-status.ts).
 */
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asksOnlyForLegacyJson } from "../gateway/legacy-json-status";
import { graphql } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe("graphql-http serverAudits", () => {
  const audits = serverAudits({ url: () => stack.gatewayUrl });

  it("covers MUST and SHOULD audits", () => {
    expect(audits.filter((audit) => audit.name.startsWith("MUST")).length).toBeGreaterThan(10);
    expect(audits.filter((audit) => audit.name.startsWith("SHOULD")).length).toBeGreaterThan(5);
  });

  it.each(audits.filter((audit) => !audit.name.startsWith("MAY")).map((audit) => [`${audit.id} ${audit.name}`, audit] as const))("%s", async (_, audit) => {
    const result = await audit.fn();
    expect(result.status === "ok" ? "ok" : `${result.status}: ${result.reason}`).toBe("ok");
  });

  it("passes the MAY audits or only notes them", async () => {
    for (const audit of audits.filter((candidate) => candidate.name.startsWith("MAY"))) {
      const result = await audit.fn();
      expect(["ok", "notice"], `${audit.id} ${audit.name}`).toContain(result.status);
    }
  });
});

describe("the status of a request error", () => {
  const invalid = `{ enterprise(slug: "ammc") { noSuchField } }`;

  it("is 200 for a client that accepts only application/json", async () => {
    const answer = await graphql(stack.gatewayUrl, invalid, undefined, { accept: "application/json" });
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("stays 400 for application/graphql-response+json, */* and no preference", async () => {
    for (const accept of ["application/graphql-response+json", "application/graphql-response+json, application/json", "*/*"]) {
      const answer = await graphql(stack.gatewayUrl, invalid, undefined, { accept });
      expect(answer.status, accept).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("reads the Accept header as a list of media types", () => {
    expect(asksOnlyForLegacyJson("application/json; charset=utf-8")).toBe(true);
    expect(asksOnlyForLegacyJson("text/plain, Application/JSON")).toBe(true);
    expect(asksOnlyForLegacyJson("application/graphql-response+json;q=0.9, application/json")).toBe(false);
    expect(asksOnlyForLegacyJson(undefined)).toBe(false);
  });
});
