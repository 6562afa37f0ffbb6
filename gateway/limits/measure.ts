/**
 * Measures an operation the way the gateway's limits count it, in one walk
 * over its selections (fragments included) with the request's variables, so
 * a page size passed as `$first` weighs as much as a literal one.
 * Introspection (`__schema`, `__type`) counts like any other field: its lists
 * weigh what they hold in this schema on average, so the cost of a query
 * asking for the schema follows the size of its answer.
 * A field whose schema declares `@cost`/`@listSize` (declared-costs.ts)
 * weighs what they say: its own weight instead of 1, and its list (or the
 * `sizedFields` of its answer) as long as its slicing argument, the
 * argument's default, or its `assumedSize`.
 */
import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  getNullableType,
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
import type { DeclaredCosts, DeclaredListSize } from "./declared-costs";

export interface OperationMeasure {
  /** Deepest nesting of fields; a root field is at depth 1. */
  depth: number;
  aliases: number;
  /** Every field costs 1 (or its `@cost` weight); what is under a list costs as often as the list's page size (its number of `ids`, its `@listSize`). */
  cost: number;
  /** The largest `first`/`last` the operation asks for (0 when it asks for none). */
  largestPage: number;
  /** Whether it asks for `__schema` or `__type` (operation-limits.ts allows it the standard introspection query's depth and cost). */
  introspects: boolean;
  /** Whether a root field asks for anything but the schema (`__schema`, `__type`, `__typename`): then no introspection allowance. */
  asksForData: boolean;
}

const SCHEMA_FIELDS = new Set(["__schema", "__type", "__typename"]);

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
  declared: DeclaredCosts = new Map(),
): OperationMeasure {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variables[definition.variable.name.value] = literal(definition.defaultValue, {});
  }
  Object.assign(variables, requestVariables);

  let aliases = 0;
  let largestPage = 0;
  let introspects = false;
  let asksForData = false;
  /**
   * Each fragment is walked once: its cost, depth below the spread and aliases
   * are the same wherever it is spread, so a fragment bomb (fragments each
   * spreading the next twice) costs a walk per fragment, not 2^n.
   */
  const measured = new Map<string, { depthBelow: number; cost: number; aliases: number }>();

  /**
   * Depth and cost of a selection set whose fields sit at `depth`; `sized`: the
   * fields of it that are lists as long as the field above declares (`sizedFields`).
   */
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, depth: number, inFragments: Set<string>, sized?: Sized) => {
    let deepest = depth - 1;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (selection.alias) aliases++;
        if (name === "__schema" || name === "__type") introspects = true;
        // Fragments add no depth, so depth 1 is the root's fields, spread or not.
        if (depth === 1 && !SCHEMA_FIELDS.has(name)) asksForData = true;
        const field = fieldOf(parentType, name);
        let pageSize = field?.args.some((arg) => arg.name === "first") ? ASSUMED_PAGE_SIZE : 1;
        if (field && parentType && isIntrospectionType(parentType) && isListType(getNullableType(field.type))) pageSize = introspectionListSize(schema, name);
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
        const declaration = parentType ? declared.get(`${parentType.name}.${name}`) : undefined;
        const weight = declaration?.weight ?? 1;
        let sizedBelow: Sized | undefined;
        if (declaration?.listSize) {
          const size = declaredSize(declaration.listSize, field, selection.arguments ?? [], variables);
          if (declaration.listSize.sizedFields.length) sizedBelow = { fields: new Set(declaration.listSize.sizedFields), size };
          else pageSize = size;
        }
        // A list the field above says is as long as its slicing argument.
        const times = sized?.fields.has(name) ? sized.size : 1;
        if (selection.selectionSet) {
          const inner = walk(selection.selectionSet, field && getNamedType(field.type), depth + 1, inFragments, sizedBelow);
          deepest = Math.max(deepest, inner.depth);
          cost += times * (weight + pageSize * inner.cost);
        } else {
          deepest = Math.max(deepest, depth);
          cost += times * weight;
        }
      } else {
        // Fragments add no depth of their own; every type condition is counted, which overestimates unions a little.
        let inner: { depth: number; cost: number } | undefined;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
          inner = walk(selection.selectionSet, type ?? undefined, depth, inFragments, sized);
        } else {
          const name = selection.name.value;
          const fragment = fragments[name];
          // Validation has rejected fragment cycles; the guard keeps this walk finite regardless.
          if (!fragment || inFragments.has(name)) continue;
          // A fragment spread where some of its fields are sized lists costs differently: measured apart.
          const key = sized ? `${name}|${[...sized.fields].join(",")}×${sized.size}` : name;
          let known = measured.get(key);
          if (!known) {
            const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
            const aliasesBefore = aliases;
            const walked = walk(fragment.selectionSet, type, depth, new Set([...inFragments, name]), sized);
            known = { depthBelow: walked.depth - depth, cost: walked.cost, aliases: aliases - aliasesBefore };
            measured.set(key, known);
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
  return { depth: Math.max(depth, 0), aliases, cost, largestPage, introspects, asksForData };
}

interface Sized {
  fields: Set<string>;
  size: number;
}

/** A `@listSize` list's length: the largest slicing argument given, else the largest default of theirs, else `assumedSize`, else 1. */
function declaredSize(
  listSize: DeclaredListSize,
  field: GraphQLField<unknown, unknown> | undefined,
  given: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
): number {
  const sizes: number[] = [];
  const defaults: number[] = [];
  for (const name of listSize.slicingArguments) {
    const argument = given.find((a) => a.name.value === name);
    const value = argument ? literal(argument.value, variables) : undefined;
    if (typeof value === "number" && Number.isInteger(value)) sizes.push(Math.max(value, 0));
    const fallback = field?.args.find((a) => a.name === name)?.defaultValue;
    if (typeof fallback === "number") defaults.push(fallback);
  }
  if (sizes.length) return Math.max(...sizes);
  if (defaults.length) return Math.max(...defaults);
  return listSize.assumedSize ?? 1;
}

function fieldOf(type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  // The introspection entry points are on every query type without being among its fields.
  if (name === "__schema") return SchemaMetaFieldDef;
  if (name === "__type") return TypeMetaFieldDef;
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

const listSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

/** How many entries an introspection list holds in this schema: all of them for `types` and `directives`, on average for the others. */
function introspectionListSize(schema: GraphQLSchema, name: string): number {
  let sizes = listSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const average = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length)));
    const withFields = types.filter((type) => isObjectType(type) || isInterfaceType(type));
    const fields = withFields.flatMap((type) => Object.values(type.getFields()));
    const inputs = types.filter(isInputObjectType);
    sizes = {
      types: types.length,
      directives: schema.getDirectives().length,
      fields: average(withFields.map((type) => Object.keys(type.getFields()).length)),
      args: average([...fields, ...schema.getDirectives()].map((field) => field.args.length)),
      inputFields: average(inputs.map((type) => Object.keys(type.getFields()).length)),
      enumValues: average(types.filter(isEnumType).map((type) => type.getValues().length)),
      interfaces: average(withFields.map((type) => type.getInterfaces().length)),
      possibleTypes: average(types.filter((type) => !isObjectType(type) && (isInterfaceType(type) || "getTypes" in type)).map((type) => schema.getPossibleTypes(type as never).length)),
      locations: 4,
    };
    listSizes.set(schema, sizes);
  }
  return sizes[name] ?? 1;
}

/** The value of an argument when it is a number, from the document or from the variables. */
function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}
