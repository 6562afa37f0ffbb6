/**
 * Every value a client can send, read from the composed API schema: each
 * argument of each root field, down to the scalar and enum fields of its
 * input objects (a list of input objects through its first element). New
 * arguments and input fields are covered without touching the suite.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLOutputType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from "graphql";

export type RootOperation = "query" | "mutation";

export interface RootField {
  operation: RootOperation;
  name: string;
  args: readonly GraphQLArgument[];
  returnType: GraphQLOutputType;
  /** A selection that is valid for the field's type (`{ __typename }` for objects). */
  selection: string;
}

/** An input object on the way to a leaf: filled with an example when the baseline lacks it. */
export interface InputContainer {
  path: (string | number)[];
  typeName: string;
  list: boolean;
}

/** One scalar or enum a client fills in. */
export interface InputLeaf {
  root: RootField;
  /** From the argument down: `["filter", "text"]`, `["input", "names", 0, "value"]`. */
  path: (string | number)[];
  /** The field's own name (`text`, `value`), what the classification goes by. */
  name: string;
  type: GraphQLScalarType | GraphQLEnumType;
  /** The leaf itself is a list (`kinds: [ProgramKind!]`). */
  list: boolean;
  required: boolean;
  /** The input objects around the leaf, outermost first. */
  containers: InputContainer[];
}

/** A list a client fills in: of scalars, enums or input objects. */
export interface InputList {
  root: RootField;
  path: (string | number)[];
  name: string;
  element: GraphQLNamedInputType;
  containers: InputContainer[];
}

/** The path as validation and variable coercion name it: `names[0].value`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const roots: [RootOperation, ReturnType<GraphQLSchema["getQueryType"]>][] = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ];
  return roots.flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {}).map((field: GraphQLField<unknown, unknown>) => ({
      operation,
      name: field.name,
      args: field.args,
      returnType: field.type,
      selection: isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? "" : "{ __typename }",
    })),
  );
}

export function inputsOf(root: RootField): { leaves: InputLeaf[]; lists: InputList[] } {
  const leaves: InputLeaf[] = [];
  const lists: InputList[] = [];
  const visit = (type: GraphQLInputType, path: (string | number)[], name: string, containers: InputContainer[]) => {
    const required = isNonNullType(type);
    const inner = isNonNullType(type) ? type.ofType : type;
    const list = isListType(inner);
    const named = getNamedType(inner);
    if (list) lists.push({ root, path, name, element: named, containers });
    if (isInputObjectType(named)) {
      if (containers.length > 4) return;
      const container = { path, typeName: named.name, list };
      const at = list ? [...path, 0] : path;
      for (const field of Object.values(named.getFields())) visit(field.type, [...at, field.name], field.name, [...containers, container]);
    } else if (isScalarType(named) || isEnumType(named)) {
      leaves.push({ root, path, name, type: named, list, required, containers });
    }
  };
  for (const arg of root.args) visit(arg.type, [arg.name], arg.name, []);
  return { leaves, lists };
}

/** `query Hostile($a: T, ...) { field(a: $a, ...) { __typename } }`: every argument as a variable. */
export function documentFor(root: RootField): string {
  const definitions = root.args.map((arg) => `$${arg.name}: ${arg.type}`).join(", ");
  const passed = root.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  return `${root.operation} Hostile${definitions ? `(${definitions})` : ""} { ${root.name}${passed ? `(${passed})` : ""} ${root.selection} }`;
}
