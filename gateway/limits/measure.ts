/**
 * Measures an operation the way the gateway's limits count it, in one walk
 * over its selections (fragments included) with the request's variables, so
 * a page size passed as `$first` weighs as much as a literal one.
 */
import {
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export interface OperationMeasure {
  /** Deepest nesting of fields; a root field is at depth 1. Introspection is not counted. */
  depth: number;
  aliases: number;
  /** Every field costs 1; what is under a list costs as often as the list's page size (or its number of `ids`). */
  cost: number;
  /** The largest `first`/`last` the operation asks for (0 when it asks for none). */
  largestPage: number;
}

/**
 * The page a list field returns when the caller gives no `first`: keep equal
 * to DEFAULT_PAGE_SIZE in shared/graphql/pagination.ts (a test checks). Not imported,
 * so the gateway process does not load the subgraphs' schema code.
 */
export const ASSUMED_PAGE_SIZE = 20;

const PAGE_ARGUMENTS = ["first", "last"];

export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  requestVariables: Record<string, unknown> = {},
): OperationMeasure {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variables[definition.variable.name.value] = literal(definition.defaultValue, {});
  }
  Object.assign(variables, requestVariables);

  let aliases = 0;
  let largestPage = 0;
  /**
   * Each fragment is walked once: its cost, depth below the spread and aliases
   * are the same wherever it is spread, so a fragment bomb (fragments each
   * spreading the next twice) costs a walk per fragment, not 2^n.
   */
  const measured = new Map<string, { depthBelow: number; cost: number; aliases: number }>();

  /** Depth and cost of a selection set whose fields sit at `depth`. */
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, depth: number, inFragments: Set<string>) => {
    let deepest = depth - 1;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias) aliases++;
        if (name === "__schema" || name === "__type") continue;
        const field = fieldOf(parentType, name);
        let pageSize = field?.args.some((arg) => arg.name === "first") ? ASSUMED_PAGE_SIZE : 1;
        for (const argument of selection.arguments ?? []) {
          if (!PAGE_ARGUMENTS.includes(argument.name.value)) continue;
          const value = literal(argument.value, variables);
          if (typeof value === "number" && Number.isInteger(value)) {
            pageSize = Math.max(value, 0);
            largestPage = Math.max(largestPage, value);
          }
        }
        // `nodes(ids:)` returns one object per id: the list it is given is its page.
        const ids = selection.arguments?.find((argument) => argument.name.value === "ids");
        if (ids) pageSize = Math.max(pageSize, listLength(ids.value, variables));
        if (selection.selectionSet) {
          const inner = walk(selection.selectionSet, field && getNamedType(field.type), depth + 1, inFragments);
          deepest = Math.max(deepest, inner.depth);
          cost += 1 + pageSize * inner.cost;
        } else {
          deepest = Math.max(deepest, depth);
          cost += 1;
        }
      } else {
        // Fragments add no depth of their own; every type condition is counted, which overestimates unions a little.
        let inner: { depth: number; cost: number } | undefined;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
          inner = walk(selection.selectionSet, type ?? undefined, depth, inFragments);
        } else {
          const name = selection.name.value;
          const fragment = fragments[name];
          // Validation has rejected fragment cycles; the guard keeps this walk finite regardless.
          if (!fragment || inFragments.has(name)) continue;
          let known = measured.get(name);
          if (!known) {
            const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
            const aliasesBefore = aliases;
            const walked = walk(fragment.selectionSet, type, depth, new Set([...inFragments, name]));
            known = { depthBelow: walked.depth - depth, cost: walked.cost, aliases: aliases - aliasesBefore };
            measured.set(name, known);
          } else {
            aliases += known.aliases;
          }
          inner = { depth: depth + known.depthBelow, cost: known.cost };
        }
        deepest = Math.max(deepest, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: deepest, cost };
  };

  const rootType = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = walk(operation.selectionSet, rootType, 1, new Set());
  return { depth: Math.max(depth, 0), aliases, cost, largestPage };
}

function fieldOf(type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

/** How many items a list argument holds, from the document or from the variables (0 when it is not a list). */
function listLength(value: ValueNode, variables: Record<string, unknown>): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const list = variables[value.name.value];
    return Array.isArray(list) ? list.length : 0;
  }
  return 0;
}

/** The value of an argument when it is a number, from the document or from the variables. */
function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}
