/**
 * What the schema declares a field costs, read from the supergraph: the
 * `@cost(weight:)` and `@listSize(assumedSize:, slicingArguments:,
 * sizedFields:)` directives (IBM's convention, federation's demand control)
 * written beside each field in the subgraphs. The API schema the gateway
 * validates against drops applied directives, so they are read from the
 * supergraph's text once, at start.
 */
import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from "graphql";

export interface DeclaredListSize {
  /** The list's size when no slicing argument says otherwise. */
  assumedSize?: number;
  /** Arguments whose value is the list's size (the largest given). */
  slicingArguments: string[];
  /** The list fields of the answer that the size applies to, when the field itself is not the list. */
  sizedFields: string[];
}

export interface DeclaredCost {
  weight?: number;
  listSize?: DeclaredListSize;
}

/** `Type.field` → what its directives declare. */
export type DeclaredCosts = ReadonlyMap<string, DeclaredCost>;

// The cost spec's directives under the names a supergraph gives them (imported, or prefixed by the spec's name).
const COST = new Set(["cost", "cost__cost"]);
const LIST_SIZE = new Set(["listSize", "cost__listSize"]);

export function declaredCosts(supergraphSdl: string): DeclaredCosts {
  const costs = new Map<string, DeclaredCost>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (!("fields" in definition) || !definition.fields || !("name" in definition) || !definition.name) continue;
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    for (const field of definition.fields) {
      const declared: DeclaredCost = {};
      for (const directive of field.directives ?? []) {
        if (COST.has(directive.name.value)) declared.weight = intArgument(directive, "weight");
        if (LIST_SIZE.has(directive.name.value)) {
          declared.listSize = {
            assumedSize: intArgument(directive, "assumedSize"),
            slicingArguments: stringsArgument(directive, "slicingArguments"),
            sizedFields: stringsArgument(directive, "sizedFields"),
          };
        }
      }
      if (declared.weight !== undefined || declared.listSize) costs.set(`${definition.name.value}.${field.name.value}`, declared);
    }
  }
  return costs;
}

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function intArgument(directive: ConstDirectiveNode, name: string): number | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringsArgument(directive: ConstDirectiveNode, name: string): string[] {
  const value = argument(directive, name);
  if (value?.kind === Kind.STRING) return [value.value];
  return value?.kind === Kind.LIST ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [];
}
