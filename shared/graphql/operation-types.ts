/**
 * A validation rule graphql-js 16 does not have (17 adds it): an operation of
 * a type the schema lacks (`subscription` here) is refused with the other
 * validation errors, instead of failing during execution as a server error.
 */
import { GraphQLError, type ValidationRule } from "graphql";

export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This graph has no ${node.operation} operations.`, { nodes: [node] }));
    }
  },
});
