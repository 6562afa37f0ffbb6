/**
 * Refuses an operation that is too deep, uses too many aliases, asks for too
 * large a page or would cost too much, after validation and before the
 * gateway plans it, so no subgraph does any work for it. Introspection counts
 * too; an operation asking for the schema may be as deep and (with a quarter
 * to spare) as costly as the standard introspection query GraphiQL sends,
 * when that is more than the limits allow, and no more: the schema once. That
 * allowance is for operations that ask for nothing but the schema: one that
 * also asks for data is held to the limits as they are, or `__type(name:
 * "Query") { name }` would lift them for whatever else it asks.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, getIntrospectionQuery, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { GatewayLimits } from "../../shared/config";
import { ErrorCode } from "../../shared/graphql/errors";
import type { DeclaredCosts } from "./declared-costs";
import { measureOperation, type OperationMeasure } from "./measure";

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Every option the gateway answers on: the largest introspection query graphql-js writes (GraphiQL's is one of them). */
const STANDARD_INTROSPECTION = parse(
  getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
);
const allowances = new WeakMap<GraphQLSchema, Pick<OperationMeasure, "depth" | "cost">>();

/** The depth and cost the standard introspection query measures against this schema, the cost with a quarter to spare. */
function introspectionAllowance(schema: GraphQLSchema): Pick<OperationMeasure, "depth" | "cost"> {
  let allowance = allowances.get(schema);
  if (!allowance) {
    const operation = STANDARD_INTROSPECTION.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const measured = measureOperation(operation, fragmentsOf(STANDARD_INTROSPECTION), schema);
    allowance = { depth: measured.depth, cost: Math.ceil(measured.cost * 1.25) };
    allowances.set(schema, allowance);
  }
  return allowance;
}

function refused(code: ErrorCode, message: string, limit: number): GraphQLError {
  // 400: the request is at fault, not the server; Apollo takes the status from extensions.http and drops it from the answer.
  return new GraphQLError(message, { extensions: { code, limit, http: { status: 400 } } });
}

/** `declared`: what the supergraph's `@cost`/`@listSize` say fields cost (declared-costs.ts). */
export function operationLimitsPlugin(limits: GatewayLimits, declared?: DeclaredCosts): ApolloServerPlugin {
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
          const found = measureOperation(operation, fragmentsOf(document), schema, request.variables, declared);
          const schemaOnly = found.introspects && !found.asksForData;
          const allowance = schemaOnly ? introspectionAllowance(schema) : { depth: 0, cost: 0 };
          const maxDepth = Math.max(limits.maxDepth, allowance.depth);
          const maxCost = Math.max(limits.maxCost, allowance.cost);
          if (found.depth > maxDepth) {
            throw refused(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields ${found.depth} deep; at most ${maxDepth} are allowed.`, maxDepth);
          }
          if (found.aliases > limits.maxAliases) {
            throw refused(ErrorCode.TOO_MANY_ALIASES, `The operation uses ${found.aliases} aliases; at most ${limits.maxAliases} are allowed.`, limits.maxAliases);
          }
          if (found.largestPage > limits.maxListSize) {
            throw refused(ErrorCode.LIST_TOO_LARGE, `The operation asks for a page of ${found.largestPage}; pages hold at most ${limits.maxListSize}.`, limits.maxListSize);
          }
          if (found.cost > maxCost) {
            throw refused(
              ErrorCode.QUERY_TOO_COSTLY,
              `The operation's estimated cost is ${found.cost}; at most ${maxCost} is allowed. Ask for smaller pages or fewer lists inside lists${found.introspects ? (schemaOnly ? ", or for the schema once" : ", or for the schema in an operation of its own") : ""}.`,
              maxCost,
            );
          }
        },
      };
    },
  };
}
