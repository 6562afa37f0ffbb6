/**
 * What the response cache learns inside Apollo's pipeline: whether an answer
 * may be kept (a query that asks nothing of the schema itself and answered
 * without errors: a partial answer while a subgraph is down must not
 * outlive the outage), and that a mutation went through, which empties the
 * cache before its answer leaves, so the writer's next read here is fresh.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, visit, type DocumentNode } from "graphql";
import type { GatewayContext } from "../context";
import type { ResponseCache } from "./store";

const SCHEMA_FIELDS = new Set(["__schema", "__type"]);

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!SCHEMA_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const ticket = contextValue.responseCache;
      let mutation = false;
      return {
        async didResolveOperation({ operation, document }) {
          mutation = operation?.operation === "mutation";
          if (ticket && operation?.operation === "query" && !asksForSchema(document)) ticket.storable = true;
        },
        async willSendResponse({ response, operationName }) {
          if (mutation) cache.invalidateAll("mutation");
          if (!ticket) return;
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length) ticket.storable = false;
          ticket.operationName = operationName ?? undefined;
        },
      };
    },
  };
}
