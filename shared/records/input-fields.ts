/**
 * A record's writable fields, declared once: each field's GraphQL type, its
 * rules, and its words on the create and the update input. The create input,
 * the update input, the rules the seed and every write check, and the
 * TypeScript types of all three are derived from that one declaration, so a
 * new field is one entry here (and its column on the entity).
 *
 *   export const contactFields = recordFields({
 *     name: { type: () => String, required: true, rules: [text(300)], create: "Full name.", update: "New name." },
 *   });
 *   export const contactRules = rulesOf(contactFields);
 *   export const ContactCreateInput = createInputType("ContactInput", "A new contact.", contactFields);
 */
import { Field, InputType, type ClassType } from "type-graphql";
import type { GraphQLScalarType } from "graphql";
import { required as REQUIRED, type Problem, type Rule, type Rules } from "./validation";

/** What `@Field(() => …)` takes: a scalar, an enum, an input class, or a one-element list of one. */
type GraphQLTypeThunk = () => unknown;

export interface FieldDeclaration {
  /** The GraphQL type on the inputs; omitted for a field clients never send (set by the server or the seed). */
  type?: GraphQLTypeThunk;
  /** Must be given on create (and may not be cleared). */
  required?: boolean;
  rules?: readonly Rule[];
  /** Its description on the create input; omitted: not on the create input. */
  create?: string;
  /** Its description on the update input; omitted: fixed once created. */
  update?: string;
}

export type FieldDeclarations = Record<string, FieldDeclaration>;

/** The TypeScript value of a GraphQL type thunk's result. */
type ValueOfType<T> = T extends readonly (infer Element)[]
  ? ValueOfType<Element>[]
  : T extends StringConstructor
    ? string
    : T extends NumberConstructor
      ? number
      : T extends BooleanConstructor
        ? boolean
        : // eslint-disable-next-line @typescript-eslint/no-explicit-any
          T extends GraphQLScalarType<infer Value, any>
          ? Value
          : T extends abstract new (...args: never[]) => infer Instance
            ? Instance
            : T extends Record<string, infer Member>
              ? Member
              : unknown;

type ValueOf<D> = D extends { type: () => infer T } ? ValueOfType<T> : D extends { value?: infer V } ? V : unknown;
type KeysWhere<F, Condition> = { [K in keyof F]: F[K] extends Condition ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The record as the rules see it: required fields present, the others optional or null. */
export type RecordOf<F extends FieldDeclarations> = Simplify<
  { [K in KeysWhere<F, { required: true }>]: ValueOf<F[K]> } & { [K in Exclude<keyof F, KeysWhere<F, { required: true }>>]?: ValueOf<F[K]> | null }
>;
/** What a client sends to create one. */
export type CreateInputOf<F extends FieldDeclarations> = Simplify<Pick<RecordOf<F>, KeysWhere<F, { create: string }> & keyof RecordOf<F>>>;
/** What a client sends to change one: only what changes (omitted = unchanged, null = cleared). */
export type UpdateInputOf<F extends FieldDeclarations> = Simplify<{ [K in KeysWhere<F, { update: string }>]?: ValueOf<F[K]> | null }>;
/** Changes to a record of type T: any of its fields, each omitted (unchanged) or null (cleared, where the rules allow). */
export type Changes<T> = { [K in keyof T]?: T[K] | null };

/** Declares a record's fields; `value` types a field clients never send (no GraphQL type to read it from). */
export function recordFields<const F extends FieldDeclarations>(fields: F): F {
  return fields;
}

/** A field the server or the seed sets, never a client: only its rules and its TypeScript type. */
export function storedOnly<V, Required extends boolean = false>(rules: readonly Rule[] = [], required?: Required): { rules: readonly Rule[]; required: Required; value?: V } {
  return { rules, required: (required ?? false) as Required };
}

/** The rules of every declared field, plus checks that span fields. */
export function rulesOf<F extends FieldDeclarations>(fields: F, checks: ((input: RecordOf<F>) => Problem | null)[] = []): Rules<RecordOf<F>> {
  const rules: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const list = [...(field.required ? [REQUIRED] : []), ...(field.rules ?? [])];
    if (list.length) rules[name] = list;
  }
  if (checks.length) rules.$object = checks;
  return rules as Rules<RecordOf<F>>;
}

/** The rules of each GraphQL input type by name, for those who read inputs from the schema (the hostile-input suite). */
const RULES_BY_INPUT_TYPE = new Map<string, Rules<unknown>>();
/** Root-field arguments that are plain strings (`slug`, `after`), by name: the same rules wherever they appear. */
const RULES_BY_ARGUMENT = new Map<string, readonly Rule[]>();

export function registerInputRules<T>(typeName: string, rules: Rules<T>): void {
  RULES_BY_INPUT_TYPE.set(typeName, rules as Rules<unknown>);
}

/** Rules of a hand-written input type (a filter), registered under its GraphQL name and returned. */
export function registeredRules<T>(typeName: string, rules: Rules<T>): Rules<T> {
  registerInputRules(typeName, rules);
  return rules;
}

export function registerArgumentRules(argument: string, rules: readonly Rule[]): void {
  RULES_BY_ARGUMENT.set(argument, rules);
}

/** The rules of an input type's field, or of a root argument when no type is given; undefined when none were declared. */
export function declaredRules(typeName: string | undefined, field: string): readonly (Rule | typeof REQUIRED)[] | undefined {
  if (typeName === undefined) return RULES_BY_ARGUMENT.get(field);
  return (RULES_BY_INPUT_TYPE.get(typeName) as Record<string, (Rule | typeof REQUIRED)[]> | undefined)?.[field];
}

function inputType(name: string, description: string, fields: [string, GraphQLTypeThunk, { nullable: boolean; description: string }][], rules: Rules<unknown>): ClassType {
  // A named class, so type-graphql and stack traces show the GraphQL name.
  const Input = { [name]: class {} }[name];
  for (const [field, type, options] of fields) Field(type as never, options)(Input.prototype, field);
  InputType(name, { description })(Input);
  registerInputRules(name, rules);
  return Input;
}

/** The create input: every field with a `create` description, required where the field is. */
export function createInputType<F extends FieldDeclarations>(name: string, description: string, fields: F): ClassType<CreateInputOf<F>> {
  const declared = Object.entries(fields).filter(([, field]) => field.create !== undefined && field.type);
  return inputType(
    name,
    description,
    declared.map(([field, { type, required, create }]) => [field, type!, { nullable: !required, description: create! }]),
    rulesOf(fields) as Rules<unknown>,
  ) as ClassType<CreateInputOf<F>>;
}

/** The update input: every field with an `update` description, all optional. */
export function updateInputType<F extends FieldDeclarations>(name: string, description: string, fields: F): ClassType<UpdateInputOf<F>> {
  const declared = Object.entries(fields).filter(([, field]) => field.update !== undefined && field.type);
  return inputType(
    name,
    description,
    declared.map(([field, { type, update }]) => [field, type!, { nullable: true, description: update! }]),
    rulesOf(fields) as Rules<unknown>,
  ) as ClassType<UpdateInputOf<F>>;
}

/** A record's two inputs, `<Type>Input` and `<Type>UpdateInput`, for the create and update mutations of the record mechanisms. */
export function recordInputTypes<Input extends object>(typeName: string, fields: FieldDeclarations, descriptions: RecordInputDescriptions) {
  return {
    createInput: createInputType(`${typeName}Input`, descriptions.create, fields) as unknown as ClassType<Input>,
    updateInput: updateInputType(`${typeName}UpdateInput`, descriptions.update, fields) as unknown as ClassType<Changes<Input>>,
  };
}

/** What the two input types of a record say of themselves. */
export interface RecordInputDescriptions {
  create: string;
  update: string;
}
