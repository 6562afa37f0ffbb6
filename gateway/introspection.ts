/**
 * INTROSPECTION=off: a validation rule that rejects `__schema` and `__type`
 * before anything runs. Apollo Server's own switch does the same but tells the
 * client to "pass introspection: true to ApolloServer", which means nothing to
 * someone calling PartnerGraph. `__typename` stays allowed: clients need it.
 */
import { GraphQLError, type ValidationRule } from "graphql";

const INTROSPECTION_FIELDS = new Set(["__schema", "__type"]);

export const NoIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (INTROSPECTION_FIELDS.has(node.name.value)) {
      context.reportError(
        new GraphQLError(`Introspection is switched off on this server, so ${node.name.value} cannot be queried.`, {
          nodes: [node],
          // Apollo Server answers every validation error with code GRAPHQL_VALIDATION_FAILED;
          // this says which rule it was, the way Apollo's own rule does.
          extensions: { validationErrorCode: "INTROSPECTION_DISABLED" },
        }),
      );
    }
  },
});
