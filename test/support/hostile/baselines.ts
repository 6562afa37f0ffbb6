/**
 * Valid arguments for every root field, so that one hostile value put into
 * them is the only thing wrong with a request, and the refusal can be pinned
 * on it. Mutations act on records the suite creates first (the fixture).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLSchema,
} from "graphql";
import { declaredRules } from "../../../shared/records/input-fields";
import { slug as slugRule, type Rule } from "../../../shared/records/validation";
import { graphqlData } from "../graphql";
import { documentFor, type InputContainer, type RootField } from "./schema-inputs";

/** The records the suite writes before it starts (one of each type that has a create mutation), and their current versions. */
export interface Fixture {
  /** Id of the suite's record of each type, by GraphQL type name. */
  records: Map<string, string>;
  enterpriseId: string;
  divisionId: string;
  contactId: string;
  universityId: string;
  departmentId: string;
  personId: string;
  programId: string;
  activityId: string;
  versions: Map<string, number>;
  /** The terms hash of each program's version awaiting approval, by program id. */
  termsHashes: Map<string, string>;
}
type Args = Record<string, unknown>;
type Ask = <T = any>(query: string, variables?: Args) => Promise<T>;

let unique = 0;
/** Slugs unique within the run, for the creates that are meant to succeed. */
export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++unique}`;

const parties = (f: Fixture) => [
  { institutionType: "ENTERPRISE", institutionId: f.enterpriseId, role: "SIGNATORY" },
  { institutionType: "UNIVERSITY", institutionId: f.universityId, role: "SIGNATORY" },
];

/**
 * Input objects whose valid example is not simply their required fields
 * filled from the rules (see exampleInput): an alternative name adds to the
 * official ones; a party needs an institution of the fixture.
 */
const EXAMPLES: Record<string, (f: Fixture) => Args> = {
  LocalizedNameInput: () => ({ value: "Hostile suite", lang: "en", kind: "ALTERNATIVE" }),
  ProgramPartyInput: (f) => parties(f)[0],
};
/** Lists whose valid example has more than one element. */
const LIST_EXAMPLES: Record<string, (f: Fixture) => Args[]> = {
  ProgramPartyInput: parties,
};

/** A valid element for a list, to make oversized lists of: from the rules of its elements, or an example input object. */
export function validElement(name: string, element: GraphQLNamedInputType, f: Fixture, containerType?: string): unknown {
  if (isEnumType(element)) return element.getValues()[0].name;
  if (isInputObjectType(element)) return exampleOf(element, f);
  const example = ruleExample(declaredRules(containerType, name));
  if (example === undefined) throw new Error(`Give ${name} (a list of ${element.name}) rules with an example, so test/support/hostile/baselines.ts can fill it.`);
  return example;
}

/** The example of the first rule that has one, through `each(...)`. */
function ruleExample(rules: readonly unknown[] | undefined): string | undefined {
  for (const rule of rules ?? []) {
    if (typeof rule !== "function") continue;
    const element = (rule as { elementRules?: unknown }).elementRules;
    const example = (typeof element === "function" ? (element as Rule) : (rule as Rule)).example;
    if (example !== undefined) return example;
  }
  return undefined;
}

/** The record type a mutation writes: `archiveDivision` → Division, `addActivity` → Activity. */
export const recordTypeOf = (mutation: string) => mutation.replace(/^(create|update|archive|delete|add)(?=[A-Z])/, "");

/** A valid value for one required input field, from its type and declared rules. */
function exampleValue(type: GraphQLInputType, inputType: string, field: string, f: Fixture, recordType: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const element = getNamedType(inner);
    return LIST_EXAMPLES[element.name]?.(f) ?? [validElement(field, element, f, inputType)];
  }
  if (isInputObjectType(inner)) return exampleOf(inner, f, recordType);
  if (isEnumType(inner)) return inner.getValues()[0].name;
  const rules = declaredRules(inputType, field);
  if (rules?.includes(slugRule)) return uniqueSlug(`hostile-${recordType.toLowerCase()}`);
  const example = ruleExample(rules);
  if (example !== undefined) return example;
  if (inner.name === "String") return `Hostile suite ${recordType.toLowerCase()}`;
  if (inner.name === "Int") return 1;
  throw new Error(`Give test/support/hostile/baselines.ts an example for ${inputType}.${field} (${inner.name}).`);
}

/** An input object with its required fields filled in (an example from EXAMPLES where there is one). */
function exampleOf(type: GraphQLInputObjectType, f: Fixture, recordType = type.name): Args {
  const example = EXAMPLES[type.name];
  if (example) return example(f);
  const input: Args = {};
  for (const field of Object.values(type.getFields())) {
    if (isNonNullType(field.type)) input[field.name] = exampleValue(field.type, type.name, field.name, f, recordType);
  }
  return input;
}

/** The record type an owner argument names: `enterpriseId: ID!` → Enterprise; undefined for any other argument. */
function ownerTypeOf(arg: { name: string; type: GraphQLInputType }): string | undefined {
  return getNamedType(arg.type).name === "ID" && arg.name.endsWith("Id") ? arg.name[0].toUpperCase() + arg.name.slice(1, -2) : undefined;
}

/** The suite's record of a type, or a clear error when it has none. */
function recordOf(f: Fixture, typeName: string): string {
  const id = f.records.get(typeName);
  if (!id) throw new Error(`The hostile suite has no ${typeName} to act on: give it a create mutation, or say in test/support/hostile/baselines.ts how to make one.`);
  return id;
}

/**
 * Arguments that make a mutation succeed, read from its schema: `id` and
 * `version` of the suite's record of its type, `<type>Id` owners, inputs with
 * their required fields filled from the rules. MUTATIONS holds the few that
 * need more (a program's parties, a signature for a party).
 */
function derivedArgs(root: RootField, f: Fixture): Args {
  const recordType = recordTypeOf(root.name);
  const args: Args = {};
  for (const arg of root.args) {
    if (!isNonNullType(arg.type)) continue;
    const named = getNamedType(arg.type);
    if (arg.name === "id") args.id = recordOf(f, recordType);
    else if (arg.name === "version") args.version = f.versions.get(recordOf(f, recordType));
    else if (ownerTypeOf(arg)) args[arg.name] = recordOf(f, ownerTypeOf(arg)!);
    else if (isInputObjectType(named)) args[arg.name] = exampleOf(named, f, recordType);
    else throw new Error(`Give test/support/hostile/baselines.ts valid arguments for the mutation ${root.name} (its argument ${arg.name}).`);
  }
  return args;
}

/** The mutations whose valid arguments are more than their schema and rules say. */
const MUTATIONS: Record<string, (f: Fixture) => Args> = {
  createProgram: (f) => ({ input: { slug: uniqueSlug("hostile-program"), title: "Hostile suite program", kind: "MEMORANDUM", parties: parties(f) } }),
  approveProgram: (f) => ({ id: f.programId, termsHash: f.termsHashes.get(f.programId), input: { signedOn: "2025-01-15", signatoryName: "Director", institutionId: f.enterpriseId } }),
  signProgram: (f) => ({ id: f.programId, version: f.versions.get(f.programId), input: { signedOn: "2025-01-15", signatoryName: "Director", institutionId: f.enterpriseId } }),
  // A program ends in the future: a last day before today would be refused for that, not for the hostile value.
  terminateProgram: (f) => ({ id: f.programId, version: f.versions.get(f.programId), input: { endsOn: "2030-01-01", reason: "Hostile suite" } }),
  pauseWebhookSubscription: (f) => subscriptionArgs(f),
  resumeWebhookSubscription: (f) => subscriptionArgs(f),
  rotateWebhookSecret: (f) => ({ id: subscriptionArgs(f).id }),
  // An import's file is a header alone (its report lists the missing columns, an answer, not an error); an
  // administrator names the institution whose records it imports.
  ...Object.fromEntries(
    (["importPrograms", "importDivisions", "importContacts", "importDepartments", "importPeople"] as const).map((mutation) => [
      mutation,
      (f: Fixture) => ({ content: "externalRef\n", format: "CSV", dryRun: true, institution: ["importDepartments", "importPeople"].includes(mutation) ? f.universityId : f.enterpriseId }),
    ]),
  ),
  // No delivery exists in the fixture; the hostile values of deliveryId are refused before any is looked for.
  redeliverWebhook: () => ({ deliveryId: "1" }),
};

/** The fixture's webhook subscription (createWebhookSubscription made it) at its current version. */
function subscriptionArgs(f: Fixture): Args {
  const id = recordOf(f, "WebhookSubscription");
  return { id, version: f.versions.get(id) };
}

/** Required query arguments, by type: queries need no records. */
const QUERY_DEFAULTS: Record<string, unknown> = { DateTime: "2020-01-01T00:00:00Z" };

export function baselineArgs(root: RootField, f: Fixture): Args {
  if (root.operation === "mutation") return (MUTATIONS[root.name] ?? ((fixture: Fixture) => derivedArgs(root, fixture)))(f);
  const args: Args = {};
  for (const arg of root.args) {
    if (!String(arg.type).endsWith("!")) continue;
    const named = String(arg.type).replace(/[![\]]/g, "");
    const type = arg.type as unknown as { ofType: GraphQLNamedInputType };
    args[arg.name] = isEnumType(type.ofType) ? type.ofType.getValues()[0].name : QUERY_DEFAULTS[named];
  }
  return args;
}

/** `args` with `value` at `path`, creating the input objects on the way from examples. */
export function withValue(args: Args, path: (string | number)[], containers: InputContainer[], value: unknown, f: Fixture): Args {
  const result = structuredClone(args);
  for (const container of containers) {
    const parent = container.path.slice(0, -1).reduce<any>((at, key) => at[key], result);
    const key = container.path.at(-1)!;
    if (parent[key] != null) continue;
    const type = schemaOf(f).getType(container.typeName) as GraphQLInputObjectType;
    const example = exampleOf(type, f);
    parent[key] = container.list ? (LIST_EXAMPLES[container.typeName]?.(f) ?? [example]) : example;
  }
  const parent = path.slice(0, -1).reduce<any>((at, key) => at[key], result);
  parent[path.at(-1)!] = value;
  return result;
}

const ID_AND_VERSION = "{ id version }";

/** Schemas of the fixtures, for filling in input objects by their type name. */
const SCHEMAS = new WeakMap<Fixture, GraphQLSchema>();
const schemaOf = (f: Fixture) => SCHEMAS.get(f)!;

/**
 * Writes one record of every type the schema can create (`create<Type>`,
 * `add<Type>`), owners before what they own, with the arguments the
 * mutations' baselines give, so a new record type is in the fixture with no
 * edit here.
 */
export async function createFixture(ask: Ask, schema: GraphQLSchema, roots: RootField[]): Promise<Fixture> {
  const fixture = { records: new Map<string, string>(), versions: new Map<string, number>() } as Fixture;
  SCHEMAS.set(fixture, schema);
  // Records of the graph (with an id and a version); a webhook subscription's creation answers with its secret beside it.
  const makesRecord = (root: RootField) => {
    const type = getNamedType(root.returnType);
    return "getFields" in type && "version" in type.getFields();
  };
  let pending = roots.filter((root) => root.operation === "mutation" && /^(create|add)[A-Z]/.test(root.name) && makesRecord(root));
  const ready = (root: RootField) =>
    root.args.every((arg) => !ownerTypeOf(arg) || fixture.records.has(ownerTypeOf(arg)!)) &&
    (root.name !== "createProgram" || (fixture.records.has("Enterprise") && fixture.records.has("University")));
  while (pending.length) {
    const round = pending.filter(ready);
    if (round.length === 0) throw new Error(`The hostile suite cannot make the owners of ${pending.map((root) => root.name).join(", ")}.`);
    for (const root of round) {
      Object.assign(fixture, namedRecords(fixture.records));
      const data = await ask(documentFor({ ...root, selection: ID_AND_VERSION }), baselineArgs(root, fixture));
      const record = Object.values(data)[0] as { id: string; version: number };
      fixture.records.set(recordTypeOf(root.name), record.id);
      fixture.versions.set(record.id, record.version);
    }
    pending = pending.filter((root) => !round.includes(root));
  }
  Object.assign(fixture, namedRecords(fixture.records));
  // Approvals name the terms they approve: the draft's, which wait for every party.
  const { program } = await ask(`query($id: ID!) { program(id: $id) { pendingVersion { termsHash } } }`, { id: fixture.programId });
  fixture.termsHashes = new Map([[fixture.programId, program.pendingVersion.termsHash as string]]);
  return fixture;
}

/** The records other cases name directly. */
function namedRecords(records: Map<string, string>) {
  const id = (type: string) => records.get(type)!;
  return {
    enterpriseId: id("Enterprise"),
    divisionId: id("Division"),
    contactId: id("Contact"),
    universityId: id("University"),
    departmentId: id("Department"),
    personId: id("Person"),
    programId: id("Program"),
    activityId: id("Activity"),
  };
}

export const askWith = (url: string, headers: Record<string, string>): Ask => (query, variables) => graphqlData(url, query, variables, headers);
