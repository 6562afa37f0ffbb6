/**
 * GraphQL over HTTP, for clients that ask only for `application/json` (the
 * legacy media type): such a client may not read the body of a 4xx answer, so
 * the spec says a well-formed request whose document fails to parse or
 * validate, or whose variables do not fit, SHOULD still be answered with 200
 * and the errors in the body. Clients that accept
 * `application/graphql-response+json`, or send `*∕*` or no Accept at all, keep
 * Apollo's 400, which our clients and tests rely on.
 *
 * Only answers Apollo produced from the GraphQL request itself pass here; the
 * HTTP refusals before it (a body that is not JSON, batches, tokens, the rate
 * limit) keep their status.
 */
import type { ApolloServerPlugin } from "@apollo/server";

export function asksOnlyForLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(",").map((part) => part.split(";")[0].trim().toLowerCase());
  return types.includes("application/json") && !types.includes("application/graphql-response+json");
}

export const legacyJsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    if (!asksOnlyForLegacyJson(request.http?.headers.get("accept"))) return;
    return {
      async willSendResponse({ response }) {
        const failedRequest = response.body.kind === "single" && response.body.singleResult.data === undefined;
        if (failedRequest && response.http.status === 400) response.http.status = 200;
      },
    };
  },
};
