/**
 * Refuses an operation that is too deep, uses too many aliases, asks for too
 * large a page or would cost too much, after validation and before the
 * gateway plans it, so no subgraph does any work for it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode } from "graphql";
import type { GatewayLimits } from "../../shared/config";
import { ErrorCode } from "../../shared/graphql/errors";
import { measureOperation } from "./measure";

function refused(code: ErrorCode, message: string, limit: number): GraphQLError {
  // 400: the request is at fault, not the server; Apollo takes the status from extensions.http and drops it from the answer.
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });
}

export function operationLimitsPlugin(limits: GatewayLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) {
            // Apollo Gateway finds out only when it executes, and answers HTTP 500: refuse it here as the request's fault, in the gateway's words.
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : "Must provide operation name if query contains multiple operations.";
            throw new GraphQLError(message, { extensions: { code: "INVALID_GRAPHQL", http: { status: 400 } } });
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const found = measureOperation(operation, fragments, schema, request.variables);
          if (found.depth > limits.maxDepth) {
            throw refused(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields ${found.depth} deep; at most ${limits.maxDepth} are allowed.`, limits.maxDepth);
          }
          if (found.aliases > limits.maxAliases) {
            throw refused(ErrorCode.TOO_MANY_ALIASES, `The operation uses ${found.aliases} aliases; at most ${limits.maxAliases} are allowed.`, limits.maxAliases);
          }
          if (found.largestPage > limits.maxListSize) {
            throw refused(ErrorCode.LIST_TOO_LARGE, `The operation asks for a page of ${found.largestPage}; pages hold at most ${limits.maxListSize}.`, limits.maxListSize);
          }
          if (found.cost > limits.maxCost) {
            throw refused(
              ErrorCode.QUERY_TOO_COSTLY,
              `The operation's estimated cost is ${found.cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages or fewer lists inside lists.`,
              limits.maxCost,
            );
          }
        },
      };
    },
  };
}
