/**
 * Valid arguments for every root field, so that one hostile value put into
 * them is the only thing wrong with a request, and the refusal can be pinned
 * on it. Mutations act on records the suite creates first (the fixture).
 */
import { isEnumType, type GraphQLNamedInputType } from "graphql";
import { graphqlData } from "../graphql";
import type { InputContainer, RootField } from "./schema-inputs";

/** The records the suite writes before it starts, and their current versions. */
export interface Fixture {
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

/** A valid value of each input object type a baseline may lack, e.g. `names[0]` for a hostile `names[0].lang`. */
const EXAMPLES: Record<string, (f: Fixture) => Args> = {
  EnterpriseFilter: () => ({}),
  UniversityFilter: () => ({}),
  ProgramFilter: () => ({}),
  LocalizedNameInput: () => ({ value: "Hostile suite", lang: "en", kind: "ALTERNATIVE" }),
  HonourInput: () => ({ title: "Honorary professor" }),
  ProgramDirectionInput: () => ({ direction: "JOINT_RESEARCH" }),
  MoneyInput: () => ({ amount: "1000.00", currency: "UZS" }),
  ProgramPartyInput: (f) => parties(f)[0],
};
/** Lists whose valid example has more than one element. */
const LIST_EXAMPLES: Record<string, (f: Fixture) => Args[]> = {
  ProgramPartyInput: parties,
};

/** A valid element for a list of scalars or enums, by field name, to make oversized lists of. */
const LIST_ELEMENTS: Record<string, unknown> = {
  industryCodes: "24.44",
  fieldCodes: "0724",
  partyCountryCodes: "UZ",
};

export function validElement(name: string, element: GraphQLNamedInputType, f: Fixture): unknown {
  if (isEnumType(element)) return element.getValues()[0].name;
  if (name in LIST_ELEMENTS) return LIST_ELEMENTS[name];
  const example = EXAMPLES[element.name];
  if (!example) throw new Error(`Give test/support/hostile/baselines.ts a valid element for the list ${name} of ${element.name}.`);
  return example(f);
}

/** Arguments that make each mutation succeed; `slug` is fresh on every call. */
const MUTATIONS: Record<string, (f: Fixture) => Args> = {
  createEnterprise: () => ({ input: { slug: uniqueSlug("hostile-enterprise"), name: "Hostile suite enterprise", countryCode: "UZ" } }),
  updateEnterprise: (f) => ({ id: f.enterpriseId, version: f.versions.get(f.enterpriseId), input: {} }),
  archiveEnterprise: (f) => ({ id: f.enterpriseId, version: f.versions.get(f.enterpriseId) }),
  createDivision: (f) => ({ enterpriseId: f.enterpriseId, input: { slug: uniqueSlug("hostile-division"), name: "Hostile suite division", kind: "PLANT" } }),
  updateDivision: (f) => ({ id: f.divisionId, version: f.versions.get(f.divisionId), input: {} }),
  archiveDivision: (f) => ({ id: f.divisionId, version: f.versions.get(f.divisionId) }),
  createContact: (f) => ({ enterpriseId: f.enterpriseId, input: { name: "Hostile suite contact" } }),
  updateContact: (f) => ({ id: f.contactId, version: f.versions.get(f.contactId), input: {} }),
  deleteContact: (f) => ({ id: f.contactId, version: f.versions.get(f.contactId) }),
  createUniversity: () => ({ input: { slug: uniqueSlug("hostile-university"), name: "Hostile suite university", kind: "UNIVERSITY", countryCode: "UZ" } }),
  updateUniversity: (f) => ({ id: f.universityId, version: f.versions.get(f.universityId), input: {} }),
  archiveUniversity: (f) => ({ id: f.universityId, version: f.versions.get(f.universityId) }),
  createDepartment: (f) => ({ universityId: f.universityId, input: { slug: uniqueSlug("hostile-department"), name: "Hostile suite department", kind: "FACULTY" } }),
  updateDepartment: (f) => ({ id: f.departmentId, version: f.versions.get(f.departmentId), input: {} }),
  archiveDepartment: (f) => ({ id: f.departmentId, version: f.versions.get(f.departmentId) }),
  createPerson: (f) => ({ universityId: f.universityId, input: { name: "Hostile suite person" } }),
  updatePerson: (f) => ({ id: f.personId, version: f.versions.get(f.personId), input: {} }),
  deletePerson: (f) => ({ id: f.personId, version: f.versions.get(f.personId) }),
  createProgram: (f) => ({ input: { slug: uniqueSlug("hostile-program"), title: "Hostile suite program", kind: "MEMORANDUM", parties: parties(f) } }),
  updateProgram: (f) => ({ id: f.programId, version: f.versions.get(f.programId), input: {} }),
  approveProgram: (f) => ({ id: f.programId, termsHash: f.termsHashes.get(f.programId), input: { signedOn: "2025-01-15", signatoryName: "Director", institutionId: f.enterpriseId } }),
  signProgram: (f) => ({ id: f.programId, version: f.versions.get(f.programId), input: { signedOn: "2025-01-15", signatoryName: "Director", institutionId: f.enterpriseId } }),
  terminateProgram: (f) => ({ id: f.programId, version: f.versions.get(f.programId), input: { endsOn: "2030-01-01", reason: "Hostile suite" } }),
  addActivity: (f) => ({ programId: f.programId, input: { kind: "INTERNSHIP", status: "PLANNED", title: "Hostile suite activity" } }),
  updateActivity: (f) => ({ id: f.activityId, version: f.versions.get(f.activityId), input: {} }),
};

/** Required query arguments, by type: queries need no records. */
const QUERY_DEFAULTS: Record<string, unknown> = { DateTime: "2020-01-01T00:00:00Z" };

export function baselineArgs(root: RootField, f: Fixture): Args {
  if (root.operation === "mutation") {
    const args = MUTATIONS[root.name];
    if (!args) throw new Error(`Give test/support/hostile/baselines.ts valid arguments for the mutation ${root.name}.`);
    return args(f);
  }
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
    const example = EXAMPLES[container.typeName];
    if (!example) throw new Error(`Give test/support/hostile/baselines.ts an example ${container.typeName}.`);
    parent[key] = container.list ? (LIST_EXAMPLES[container.typeName]?.(f) ?? [example(f)]) : example(f);
  }
  const parent = path.slice(0, -1).reduce<any>((at, key) => at[key], result);
  parent[path.at(-1)!] = value;
  return result;
}

const ID_AND_VERSION = "{ id version }";

/** Writes the records the mutations act on: an enterprise with a division and a contact, a university with a department and a person, a draft program between them with an activity. */
export async function createFixture(ask: Ask): Promise<Fixture> {
  const versions = new Map<string, number>();
  const made = async (mutation: string, variables: Args): Promise<string> => {
    const data = await ask(mutation, variables);
    const record = Object.values(data)[0] as { id: string; version: number };
    versions.set(record.id, record.version);
    return record.id;
  };
  const enterpriseId = await made(`mutation($input: EnterpriseInput!) { createEnterprise(input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createEnterprise({} as Fixture));
  const universityId = await made(`mutation($input: UniversityInput!) { createUniversity(input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createUniversity({} as Fixture));
  const partial = { enterpriseId, universityId, versions } as Fixture;
  const divisionId = await made(`mutation($enterpriseId: ID!, $input: DivisionInput!) { createDivision(enterpriseId: $enterpriseId, input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createDivision(partial));
  const contactId = await made(`mutation($enterpriseId: ID!, $input: ContactInput!) { createContact(enterpriseId: $enterpriseId, input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createContact(partial));
  const departmentId = await made(`mutation($universityId: ID!, $input: DepartmentInput!) { createDepartment(universityId: $universityId, input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createDepartment(partial));
  const personId = await made(`mutation($universityId: ID!, $input: PersonInput!) { createPerson(universityId: $universityId, input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createPerson(partial));
  const programId = await made(`mutation($input: ProgramInput!) { createProgram(input: $input) ${ID_AND_VERSION} }`, MUTATIONS.createProgram(partial));
  const activityId = await made(`mutation($programId: ID!, $input: ActivityInput!) { addActivity(programId: $programId, input: $input) ${ID_AND_VERSION} }`, MUTATIONS.addActivity({ ...partial, programId }));
  const { program } = await ask(`query($id: ID!) { program(id: $id) { pendingVersion { termsHash } } }`, { id: programId });
  const termsHashes = new Map([[programId, program.pendingVersion.termsHash as string]]);
  return { enterpriseId, divisionId, contactId, universityId, departmentId, personId, programId, activityId, versions, termsHashes };
}

export const askWith = (url: string, headers: Record<string, string>): Ask => (query, variables) => graphqlData(url, query, variables, headers);
