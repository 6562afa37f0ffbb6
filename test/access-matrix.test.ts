/**
 * Every role against every mutation and every confidential field, through
 * the gateway: allowed (OK), refused with FORBIDDEN, or UNAUTHENTICATED.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApiSchema } from "../gateway/composition";
import type { ImportLayout } from "../shared/import/layout";
import { csvOf } from "../shared/import/templates";
import { deterministicId } from "../shared/records/ids";
import { contactLayout, divisionLayout } from "../subgraphs/enterprises/import/layouts";
import { programLayout } from "../subgraphs/programs/import/program-layout";
import { departmentLayout, personLayout } from "../subgraphs/universities/import/layouts";
import { bearer, institutionOf, tokenFor, type TestRole } from "./support/auth";
import { graphql, graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
const tokens = new Map<TestRole, string | undefined>();
const ROLES: TestRole[] = ["anonymous", "reader@ammc", "editor@ammc", "editor@tashstu-almalyk", "editor@osh-technological-university", "analyst", "dashboard", "admin"];

const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

async function call(role: TestRole, query: string, variables?: Record<string, unknown>) {
  return graphql(stack.gatewayUrl, query, variables, bearer(tokens.get(role)));
}

/** OK (every field asked answered, not null), or the code of the (first) error. */
async function outcome(role: TestRole, query: string, variables?: Record<string, unknown>): Promise<string> {
  const result = await call(role, query, variables);
  if (result.errors?.length) return String(result.errors[0].extensions?.code);
  const fields = Object.values(result.data ?? {});
  return fields.length > 0 && fields.every((value) => value !== null && value !== undefined) ? "OK" : "EMPTY ANSWER";
}

/** How many changes the three feeds hold: every stored write adds one (its audit entry, same transaction). */
async function storedChanges(): Promise<number> {
  const since = `since: "2000-01-01T00:00:00Z", first: 1`;
  const feeds = await asAdmin(`{ e: enterpriseChanges(${since}) { totalCount } u: universityChanges(${since}) { totalCount } p: programChanges(${since}) { totalCount } }`);
  return feeds.e.totalCount + feeds.u.totalCount + feeds.p.totalCount;
}

/**
 * An import of one row (the layout's examples, with a fresh externalRef and slug), applied: OK only if the
 * import answered, applied its row and stored it; a refused row gives its problem's code, and nothing stored.
 * Administrators name the institution the row's references belong to; editors import for their own.
 */
async function importOne(role: TestRole, layout: ImportLayout, institution: string): Promise<string> {
  const row = Object.fromEntries(layout.columns.filter((column) => column.inTemplate !== false).map((column) => [column.name, column.example ?? ""]));
  row.externalRef = unique("matrix-ref");
  if ("slug" in row) row.slug = unique(`matrix-${layout.name}`);
  const content = csvOf(Object.keys(row), [row]);
  const before = await storedChanges();
  const result = await call(role, `mutation($c: String!, $i: ID) { x: ${layout.mutation}(content: $c, format: CSV, dryRun: false, institution: $i) { applied problems { code } } }`, {
    c: content,
    i: role === "admin" ? institution : null,
  });
  const stored = (await storedChanges()) - before;
  const report = result.data?.x;
  const answer = result.errors?.length ? String(result.errors[0].extensions?.code) : report.applied ? "OK" : `ROW REFUSED ${report.problems[0]?.code}`;
  if (answer === "OK") return stored > 0 ? "OK" : "OK BUT NOTHING STORED";
  return stored === 0 ? answer : `${answer} BUT STORED ${stored} CHANGE(S)`;
}

/**
 * A write's outcome, checked against what was stored: OK only if it answered
 * and its change was stored; a refusal's code only if nothing was stored.
 */
async function write(role: TestRole, query: string, variables?: Record<string, unknown>): Promise<string> {
  const before = await storedChanges();
  const answer = await outcome(role, query, variables);
  const stored = (await storedChanges()) - before;
  if (answer === "OK") return stored > 0 ? "OK" : "OK BUT NOTHING STORED";
  return stored === 0 ? answer : `${answer} BUT STORED ${stored} CHANGE(S)`;
}

/**
 * A confidential read's outcome: OK only if the value came back (not null);
 * a refusal's code only if the value was withheld (null).
 */
async function confidential(role: TestRole, pick: (data: any) => unknown, query: string, variables?: Record<string, unknown>): Promise<string> {
  const result = await call(role, query, variables);
  let value: unknown;
  try {
    value = pick(result.data);
  } catch {
    value = null; // the record around the field did not come back either
  }
  if (result.errors?.length) {
    const code = String(result.errors[0].extensions?.code);
    return value === null || value === undefined ? code : `${code} BUT LEAKED ${JSON.stringify(value)}`;
  }
  return value === null || value === undefined ? "NULL WITHOUT ERROR" : "OK";
}

async function asAdmin<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return graphqlData<T>(stack.gatewayUrl, query, variables, bearer(tokens.get("admin")));
}

const versionOf = async (type: "enterprise" | "division" | "university" | "program", slug: string): Promise<number> =>
  (await asAdmin(`query($slug: String) { x: ${type}(slug: $slug) { version } }`, { slug })).x.version;

/** A fresh DRAFT program between AMMC (signatory) and the TashSTU branch (signatory). */
async function newDraft(): Promise<{ id: string; version: number; slug: string }> {
  const slug = unique("matrix-draft");
  const { createProgram } = await asAdmin(
    `mutation($input: ProgramInput!) { createProgram(input: $input) { id version slug } }`,
    {
      input: {
        slug,
        title: "Practice agreement",
        kind: "INTERNSHIP",
        budget: { amount: "12000.00", currency: "UZS" },
        internalNotes: "Negotiated by the training centre.",
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
        ],
      },
    },
  );
  return createProgram;
}

let draft: { id: string; version: number; slug: string };
let activityId: string;
let contactId: string;
let personId: string;

beforeAll(async () => {
  // The matrix reads the change feeds around every write: far more requests than a minute's budget.
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0", WEBHOOK_DELIVERY: "off" });
  for (const role of ROLES) tokens.set(role, await tokenFor(stack, role));
  draft = await newDraft();
  activityId = (await asAdmin(`mutation($id: ID!) { addActivity(programId: $id, input: { kind: INTERNSHIP, status: PLANNED, title: "Summer practice" }) { id } }`, { id: draft.id })).addActivity.id;
  contactId = (await asAdmin(`mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "HR office", email: "hr@agmk.example", phone: "+998 78 000 00 00" }) { id } }`, { id: AMMC })).createContact.id;
  personId = (await asAdmin(`mutation($id: ID!) { createPerson(universityId: $id, input: { name: "Dean's office", email: "dean@tdtu.example", phone: "+998 71 000 00 00" }) { id } }`, { id: BRANCH })).createPerson.id;
});
afterAll(() => stack?.stop());

/** OK, a refusal's code, or (imports) the code of the one row an import refused. */
type Expectations = Record<TestRole, "OK" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND" | `ROW REFUSED ${"FORBIDDEN" | "BAD_USER_INPUT"}`>;
const U = "UNAUTHENTICATED" as const;
const F = "FORBIDDEN" as const;

/** Who may write AMMC's records: its editors and administrators. */
const AMMC_WRITERS: Expectations = { anonymous: U, "reader@ammc": F, "editor@ammc": "OK", "editor@tashstu-almalyk": F, "editor@osh-technological-university": F, analyst: F, dashboard: F, admin: "OK" };
const BRANCH_WRITERS: Expectations = { ...AMMC_WRITERS, "editor@ammc": F, "editor@tashstu-almalyk": "OK" };
const ADMINS_ONLY: Expectations = { ...AMMC_WRITERS, "editor@ammc": F };
/** Editors of either party of the draft, and administrators. */
const PARTY_EDITORS: Expectations = { ...AMMC_WRITERS, "editor@tashstu-almalyk": "OK" };
/** Confidential fields of AMMC's records: its own credentials and administrators. */
const AMMC_READERS: Expectations = { ...AMMC_WRITERS, "reader@ammc": "OK" };
const BRANCH_READERS: Expectations = { ...BRANCH_WRITERS };
const PARTY_READERS: Expectations = { ...PARTY_EDITORS, "reader@ammc": "OK" };
/** Any partner system's credential (not dashboards) may subscribe to webhooks. */
const SUBSCRIBERS: Expectations = { anonymous: U, "reader@ammc": "OK", "editor@ammc": "OK", "editor@tashstu-almalyk": "OK", "editor@osh-technological-university": "OK", analyst: "OK", dashboard: F, admin: "OK" };
/** A subscription of editor@ammc's credential: its owner and administrators; to the others it does not exist. */
const N = "NOT_FOUND" as const;
const SUBSCRIPTION_OWNER: Expectations = { anonymous: U, "reader@ammc": N, "editor@ammc": "OK", "editor@tashstu-almalyk": N, "editor@osh-technological-university": N, analyst: N, dashboard: F, admin: "OK" };

/** The webhook tables as they stand (subscriptions are no audited records: no change feed counts them). */
async function webhookState(): Promise<string> {
  const client = new pg.Client({ connectionString: stack.database.url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT id, version, status, secret FROM programs.webhook_subscription ORDER BY id");
    return JSON.stringify(rows);
  } finally {
    await client.end();
  }
}

/** A webhook mutation's outcome, checked like write(): OK only if something changed, a refusal only if nothing did. */
async function webhookWrite(role: TestRole, query: string, variables?: Record<string, unknown>): Promise<string> {
  const before = await webhookState();
  const answer = await outcome(role, query, variables);
  const changed = (await webhookState()) !== before;
  if (answer === "OK") return changed ? "OK" : "OK BUT NOTHING STORED";
  return changed ? `${answer} BUT STORED A CHANGE` : answer;
}

let shared: string | undefined;
/** One subscription of editor@ammc's for the rows that change it (at its current version), so the per-credential limit is not reached. */
async function sharedSubscription(): Promise<{ id: string; version: number }> {
  shared ??= (await ammcSubscription()).id;
  const { webhookSubscriptions } = await graphqlData(stack.gatewayUrl, `{ webhookSubscriptions { id version } }`, undefined, bearer(tokens.get("editor@ammc")));
  return webhookSubscriptions.find((s: { id: string }) => s.id === shared);
}

async function ammcSubscription(): Promise<{ id: string; version: number }> {
  const { createWebhookSubscription } = await graphqlData(stack.gatewayUrl, `mutation { createWebhookSubscription(input: { url: "https://hooks.example.org/in", events: ["program.created"] }) { id version } }`, undefined, bearer(tokens.get("editor@ammc")));
  return createWebhookSubscription;
}

const MUTATIONS: [string, Expectations, (role: TestRole) => Promise<string>][] = [
  ["importDivisions", AMMC_WRITERS, (role) => importOne(role, divisionLayout, AMMC)],
  ["importContacts", AMMC_WRITERS, (role) => importOne(role, contactLayout, AMMC)],
  // Any university's editor imports its own departments and people; Osh's cannot place a person in a department of the branch's.
  ["importDepartments", { ...BRANCH_WRITERS, "editor@osh-technological-university": "OK" }, (role) => importOne(role, departmentLayout, BRANCH)],
  ["importPeople", { ...BRANCH_WRITERS, "editor@osh-technological-university": "ROW REFUSED BAD_USER_INPUT" }, (role) => importOne(role, personLayout, BRANCH)],
  // A program names AMMC and the branch: Osh's editor is no party to it.
  ["importPrograms", { ...PARTY_EDITORS, "editor@osh-technological-university": "ROW REFUSED FORBIDDEN" }, (role) => importOne(role, programLayout, AMMC)],
  ["createEnterprise", ADMINS_ONLY, (role) => write(role, `mutation($slug: String!) { createEnterprise(input: { slug: $slug, name: "New Mine LLC", countryCode: "UZ" }) { id } }`, { slug: unique("new-mine") })],
  ["updateEnterprise", AMMC_WRITERS, async (role) => write(role, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { website: "https://www.agmk.uz" }) { id } }`, { id: AMMC, v: await versionOf("enterprise", "ammc") })],
  ["archiveEnterprise", ADMINS_ONLY, async (role) => {
    const { createEnterprise } = await asAdmin(`mutation($slug: String!) { createEnterprise(input: { slug: $slug, name: "Closing Plant", countryCode: "UZ" }) { id version } }`, { slug: unique("closing") });
    return write(role, `mutation($id: ID!, $v: Int!) { archiveEnterprise(id: $id, version: $v) { status } }`, { id: createEnterprise.id, v: createEnterprise.version });
  }],
  ["createDivision", AMMC_WRITERS, (role) => write(role, `mutation($id: ID!, $slug: String!) { createDivision(enterpriseId: $id, input: { slug: $slug, name: "Sulfuric acid shop", kind: PLANT }) { id } }`, { id: AMMC, slug: unique("ammc-shop") })],
  ["updateDivision", AMMC_WRITERS, async (role) => write(role, `mutation($id: ID!, $v: Int!) { updateDivision(id: $id, version: $v, input: { description: "Open pit" }) { id } }`, { id: deterministicId("Division", "ammc-kalmakyr-mine"), v: await versionOf("division", "ammc-kalmakyr-mine") })],
  ["archiveDivision", AMMC_WRITERS, async (role) => {
    const { createDivision } = await asAdmin(`mutation($id: ID!, $slug: String!) { createDivision(enterpriseId: $id, input: { slug: $slug, name: "Old depot", kind: OTHER }) { id version } }`, { id: AMMC, slug: unique("ammc-depot") });
    return write(role, `mutation($id: ID!, $v: Int!) { archiveDivision(id: $id, version: $v) { status } }`, { id: createDivision.id, v: createDivision.version });
  }],
  ["createContact", AMMC_WRITERS, (role) => write(role, `mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Press office" }) { id } }`, { id: AMMC })],
  ["updateContact", AMMC_WRITERS, async (role) => {
    const { enterprise } = await asAdmin(`{ enterprise(slug: "ammc") { contacts { id name version } } }`);
    const contact = enterprise.contacts.find((c: any) => c.id === contactId);
    return write(role, `mutation($id: ID!, $v: Int!) { updateContact(id: $id, version: $v, input: { position: "Human resources" }) { id } }`, { id: contactId, v: contact.version });
  }],
  ["deleteContact", AMMC_WRITERS, async (role) => {
    const { createContact } = await asAdmin(`mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Temporary desk" }) { id version } }`, { id: AMMC });
    return write(role, `mutation($id: ID!, $v: Int!) { deleteContact(id: $id, version: $v) }`, { id: createContact.id, v: createContact.version });
  }],
  ["createUniversity", ADMINS_ONLY, (role) => write(role, `mutation($slug: String!) { createUniversity(input: { slug: $slug, name: "New Institute", kind: RESEARCH_INSTITUTE, countryCode: "UZ" }) { id } }`, { slug: unique("new-institute") })],
  ["updateUniversity", BRANCH_WRITERS, async (role) => write(role, `mutation($id: ID!, $v: Int!) { updateUniversity(id: $id, version: $v, input: { website: "https://tdtu.uz" }) { id } }`, { id: BRANCH, v: await versionOf("university", "tashstu-almalyk") })],
  ["createDepartment", BRANCH_WRITERS, (role) => write(role, `mutation($id: ID!, $slug: String!) { createDepartment(universityId: $id, input: { slug: $slug, name: "Automation", kind: DEPARTMENT }) { id } }`, { id: BRANCH, slug: unique("branch-automation") })],
  ["updateDepartment", BRANCH_WRITERS, async (role) => {
    const { createDepartment } = await asAdmin(`mutation($id: ID!, $slug: String!) { createDepartment(universityId: $id, input: { slug: $slug, name: "Metallurgy", kind: DEPARTMENT }) { id version } }`, { id: BRANCH, slug: unique("branch-metallurgy") });
    return write(role, `mutation($id: ID!, $v: Int!) { updateDepartment(id: $id, version: $v, input: { name: "Metallurgy and materials" }) { id } }`, { id: createDepartment.id, v: createDepartment.version });
  }],
  ["archiveDepartment", BRANCH_WRITERS, async (role) => {
    const { createDepartment } = await asAdmin(`mutation($id: ID!, $slug: String!) { createDepartment(universityId: $id, input: { slug: $slug, name: "Closed chair", kind: DEPARTMENT }) { id version } }`, { id: BRANCH, slug: unique("branch-closed") });
    return write(role, `mutation($id: ID!, $v: Int!) { archiveDepartment(id: $id, version: $v) { status } }`, { id: createDepartment.id, v: createDepartment.version });
  }],
  ["archiveUniversity", ADMINS_ONLY, async (role) => {
    const { createUniversity } = await asAdmin(`mutation($slug: String!) { createUniversity(input: { slug: $slug, name: "Closing Institute", kind: RESEARCH_INSTITUTE, countryCode: "UZ" }) { id version } }`, { slug: unique("closing-institute") });
    return write(role, `mutation($id: ID!, $v: Int!) { archiveUniversity(id: $id, version: $v) { status } }`, { id: createUniversity.id, v: createUniversity.version });
  }],
  ["createPerson", BRANCH_WRITERS, (role) => write(role, `mutation($id: ID!) { createPerson(universityId: $id, input: { name: "A. Teacher", position: "Senior lecturer" }) { id } }`, { id: BRANCH })],
  ["updatePerson", BRANCH_WRITERS, async (role) => {
    const { university } = await asAdmin(`{ university(slug: "tashstu-almalyk") { people { id version } } }`);
    const person = university.people.find((p: any) => p.id === personId);
    return write(role, `mutation($id: ID!, $v: Int!) { updatePerson(id: $id, version: $v, input: { position: "Dean" }) { id } }`, { id: personId, v: person.version });
  }],
  ["deletePerson", BRANCH_WRITERS, async (role) => {
    const { createPerson } = await asAdmin(`mutation($id: ID!) { createPerson(universityId: $id, input: { name: "Visiting lecturer" }) { id version } }`, { id: BRANCH });
    return write(role, `mutation($id: ID!, $v: Int!) { deletePerson(id: $id, version: $v) }`, { id: createPerson.id, v: createPerson.version });
  }],
  ["createProgram", PARTY_EDITORS, (role) => write(role, `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, {
    input: {
      slug: unique("matrix-new"),
      title: "Scholarship agreement",
      kind: "SCHOLARSHIP",
      parties: [
        { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
        { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "PARTNER" },
      ],
    },
  })],
  ["updateProgram", PARTY_EDITORS, async (role) => write(role, `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { description: "Two weeks each summer" }) { id } }`, { id: draft.id, v: await versionOf("program", draft.slug) })],
  ["signProgram", PARTY_EDITORS, async (role) => {
    const fresh = await newDraft();
    const institutionId = role === "admin" ? AMMC : undefined;
    return write(role, `mutation($id: ID!, $v: Int!, $institutionId: ID) { signProgram(id: $id, version: $v, input: { signedOn: "2025-09-01", signatoryName: "A. Signer", institutionId: $institutionId }) { status } }`, { id: fresh.id, v: fresh.version, institutionId });
  }],
  ["approveProgram", PARTY_EDITORS, async (role) => {
    const fresh = await newDraft();
    const { program } = await asAdmin(`query($slug: String) { program(slug: $slug) { pendingVersion { termsHash } } }`, { slug: fresh.slug });
    const institutionId = role === "admin" ? AMMC : undefined;
    return write(role, `mutation($id: ID!, $hash: String!, $institutionId: ID) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2025-09-01", signatoryName: "A. Signer", institutionId: $institutionId }) { status } }`, { id: fresh.id, hash: program.pendingVersion.termsHash, institutionId });
  }],
  ["terminateProgram", PARTY_EDITORS, async (role) => {
    const fresh = await newDraft();
    return write(role, `mutation($id: ID!, $v: Int!) { terminateProgram(id: $id, version: $v, input: { endsOn: "2025-12-31", reason: "Superseded" }) { status } }`, { id: fresh.id, v: fresh.version });
  }],
  ["createWebhookSubscription", SUBSCRIBERS, (role) => webhookWrite(role, `mutation { createWebhookSubscription(input: { url: "https://hooks.example.org/in", events: ["program.created"] }) { secret } }`)],
  ["updateWebhookSubscription", SUBSCRIPTION_OWNER, async (role) => {
    const { id, version } = await sharedSubscription();
    return webhookWrite(role, `mutation($id: ID!, $v: Int!) { updateWebhookSubscription(id: $id, version: $v, input: { events: ["program.amended"] }) { version } }`, { id, v: version });
  }],
  ["pauseWebhookSubscription", SUBSCRIPTION_OWNER, async (role) => {
    const { id, version } = await sharedSubscription();
    // Pausing a paused one is a change too (its version rises), so each role's call is checked on its own.
    return webhookWrite(role, `mutation($id: ID!, $v: Int!) { pauseWebhookSubscription(id: $id, version: $v) { status } }`, { id, v: version });
  }],
  ["resumeWebhookSubscription", SUBSCRIPTION_OWNER, async (role) => {
    const { id, version } = await sharedSubscription();
    return webhookWrite(role, `mutation($id: ID!, $v: Int!) { resumeWebhookSubscription(id: $id, version: $v) { status } }`, { id, v: version });
  }],
  ["rotateWebhookSecret", SUBSCRIPTION_OWNER, async (role) => webhookWrite(role, `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: (await sharedSubscription()).id })],
  ["deleteWebhookSubscription", SUBSCRIPTION_OWNER, async (role) => webhookWrite(role, `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: (await ammcSubscription()).id })],
  // No delivery of this number exists: every credential that may redeliver at all is told NOT_FOUND (webhooks.test.ts redelivers a real one).
  ["redeliverWebhook", { ...SUBSCRIPTION_OWNER, "editor@ammc": N, admin: N }, (role) => webhookWrite(role, `mutation { redeliverWebhook(deliveryId: "999999") { status } }`)],
  ["addActivity", PARTY_EDITORS, (role) => write(role, `mutation($id: ID!) { addActivity(programId: $id, input: { kind: EXCURSION, status: PLANNED, title: "Mine visit" }) { id } }`, { id: draft.id })],
  ["updateActivity", PARTY_EDITORS, async (role) => {
    const { program } = await asAdmin(`query($slug: String) { program(slug: $slug) { activities { id version } } }`, { slug: draft.slug });
    const activity = program.activities.find((a: any) => a.id === activityId);
    return write(role, `mutation($id: ID!, $v: Int!) { updateActivity(id: $id, version: $v, input: { plannedParticipants: 12 }) { id } }`, { id: activityId, v: activity.version });
  }],
];

const CONFIDENTIAL: [string, Expectations, (role: TestRole) => Promise<string>][] = [
  ["Contact.email", AMMC_READERS, (role) => confidential(role, (d) => d.enterprise.contacts.find((c: any) => c.id === contactId).email, `{ enterprise(slug: "ammc") { contacts { id name email } } }`)],
  ["Contact.phone", AMMC_READERS, (role) => confidential(role, (d) => d.enterprise.contacts.find((c: any) => c.id === contactId).phone, `{ enterprise(slug: "ammc") { contacts { id name phone } } }`)],
  ["Person.email", BRANCH_READERS, (role) => confidential(role, (d) => d.university.people.find((p: any) => p.id === personId).email, `{ university(slug: "tashstu-almalyk") { people { id name email } } }`)],
  ["Person.phone", BRANCH_READERS, (role) => confidential(role, (d) => d.university.people.find((p: any) => p.id === personId).phone, `{ university(slug: "tashstu-almalyk") { people { id name phone } } }`)],
  ["Program.budget", PARTY_READERS, (role) => confidential(role, (d) => d.program.budget, `query($slug: String) { program(slug: $slug) { budget { amount currency } } }`, { slug: draft.slug })],
  ["Program.internalNotes", PARTY_READERS, (role) => confidential(role, (d) => d.program.internalNotes, `query($slug: String) { program(slug: $slug) { internalNotes } }`, { slug: draft.slug })],
];

it("the matrix covers every mutation of the composed schema", async () => {
  const mutations = Object.keys((await composeApiSchema()).getMutationType()?.getFields() ?? {});
  expect(mutations.length).toBeGreaterThan(0);
  expect(MUTATIONS.map(([name]) => name).sort()).toEqual(mutations.sort());
});

describe.each(MUTATIONS)("mutation %s", (_name, expected, run) => {
  it.each(ROLES)("as %s", async (role) => {
    expect(await run(role)).toBe(expected[role]);
  });
});

describe.each(CONFIDENTIAL)("confidential field %s", (_name, expected, run) => {
  it.each(ROLES)("read as %s", async (role) => {
    expect(await run(role)).toBe(expected[role]);
  });
});

/** Change feeds: any credential but a dashboard's. */
const FEED_READERS: Expectations = { anonymous: U, "reader@ammc": "OK", "editor@ammc": "OK", "editor@tashstu-almalyk": "OK", "editor@osh-technological-university": "OK", analyst: "OK", dashboard: F, admin: "OK" };
const PUBLIC_READERS: Expectations = { ...FEED_READERS, anonymous: "OK", dashboard: "OK" };

const READS: [string, Expectations, (role: TestRole) => Promise<string>][] = [
  ["enterpriseChanges", FEED_READERS, (role) => outcome(role, `{ enterpriseChanges(since: "2020-01-01T00:00:00Z", first: 1) { totalCount } }`)],
  ["universityChanges", FEED_READERS, (role) => outcome(role, `{ universityChanges(since: "2020-01-01T00:00:00Z", first: 1) { totalCount } }`)],
  ["programChanges", FEED_READERS, (role) => outcome(role, `{ programChanges(since: "2020-01-01T00:00:00Z", first: 1) { totalCount } }`)],
  ["public records and aggregates", PUBLIC_READERS, (role) =>
    outcome(role, `{ enterprise(slug: "ammc") { name partners { programCount } } programStats(groupBy: KIND) { key programCount } cooperationNetwork(maxEdges: 5) { edgeCount } }`)],
];

describe.each(READS)("read %s", (_name, expected, run) => {
  it.each(ROLES)("as %s", async (role) => {
    expect(await run(role)).toBe(expected[role]);
  });
});

describe("what the matrix left behind", () => {
  it("public fields stay readable for everyone, confidential ones come back null with the error", async () => {
    const result = await call("analyst", `{ enterprise(slug: "ammc") { name contacts { name email } } }`);
    expect(result.data?.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    expect(result.data?.enterprise.contacts.length).toBeGreaterThan(0);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data?.enterprise.contacts.every((c: any) => c.email === null)).toBe(true);
    expect(result.errors?.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
  });

  it("an editor of a party reads the budget it may see", async () => {
    const { program } = await graphqlData(stack.gatewayUrl, `query($slug: String) { program(slug: $slug) { budget { amount currency } internalNotes } }`, { slug: draft.slug }, bearer(tokens.get("editor@tashstu-almalyk")));
    expect(program).toEqual({ budget: { amount: "12000.00", currency: "UZS" }, internalNotes: "Negotiated by the training centre." });
  });

  it("the institution bound to a token is the one its claims name", () => {
    expect(institutionOf("ammc")).toEqual({ type: "ENTERPRISE", id: AMMC });
  });
});
