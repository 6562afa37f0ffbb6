/**
 * A partner institution's system at work: creating a program as a draft,
 * every signatory confirming it, amending, terminating; references checked
 * with the owning subgraph; concurrent conflicting writes losing nothing;
 * and syncing through the change feeds.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor } from "./support/auth";
import { createTestDatabase } from "./support/database";
import { graphql, graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let admin: Record<string, string>;
let ammcEditor: Record<string, string>;
let branchEditor: Record<string, string>;
let analyst: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const ENGINEERING_SCHOOL = deterministicId("Division", "ammc-engineering-school");
const startedAt = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
  ammcEditor = bearer(await tokenFor(stack, "editor@ammc"));
  branchEditor = bearer(await tokenFor(stack, "editor@tashstu-almalyk"));
  analyst = bearer(await tokenFor(stack, "analyst"));
});
afterAll(() => stack?.stop());

const ask = <T = any>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) =>
  graphqlData<T>(stack.gatewayUrl, query, variables, headers);

const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { id slug version status parties { role institutionCountryCode signedOn } } }`;
const SIGN = `mutation($id: ID!, $v: Int!, $on: Date!, $name: String!) {
  signProgram(id: $id, version: $v, input: { signedOn: $on, signatoryName: $name, signatoryPosition: "Director" }) {
    version status signedOn startsOn endsOn parties { role signedOn signatoryName }
  }
}`;

describe("a program's life", () => {
  let program: { id: string; version: number; slug: string };

  it("an editor creates a draft its institution is a party to; countries come from the owning subgraphs", async () => {
    const { createProgram } = await ask(ammcEditor, CREATE, {
      input: {
        slug: "ammc-tashstu-practice-2026",
        title: "Industrial practice at the AMMC engineering school",
        kind: "INTERNSHIP",
        termMonths: 24,
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, unitId: ENGINEERING_SCHOOL, role: "SIGNATORY", signatoryName: "AMMC director" },
          { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
        ],
        directions: [{ direction: "PRACTICAL_TRAINING", description: "Four weeks a year" }],
      },
    });
    expect(createProgram).toMatchObject({ status: "DRAFT", version: 1 });
    expect(createProgram.parties.map((p: any) => p.institutionCountryCode)).toEqual(["UZ", "UZ"]);
    program = createProgram;
  });

  it("refuses references the owning subgraph does not know, naming the field, and stores nothing", async () => {
    const bad = await graphql(stack.gatewayUrl, CREATE, {
      input: {
        slug: "ghost-program",
        title: "Ghost",
        kind: "EXCHANGE",
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: deterministicId("University", "no-such-university"), role: "SIGNATORY" },
        ],
      },
    }, ammcEditor);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parties[1].institutionId" });
    const wrongUnit = await graphql(stack.gatewayUrl, CREATE, {
      input: {
        slug: "ghost-program",
        title: "Ghost",
        kind: "EXCHANGE",
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          // A division of AMMC named as a unit of the university.
          { institutionType: "UNIVERSITY", institutionId: BRANCH, unitId: ENGINEERING_SCHOOL, role: "SIGNATORY" },
        ],
      },
    }, ammcEditor);
    expect(wrongUnit.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parties[1].unitId" });
    const { program: ghost } = await ask(admin, `{ program(slug: "ghost-program") { id } }`);
    expect(ghost).toBeNull();
  });

  it("becomes active only when every signatory has signed", async () => {
    const first = (await ask(ammcEditor, SIGN, { id: program.id, v: program.version, on: "2026-01-15", name: "A. Director" })).signProgram;
    expect(first.status).toBe("DRAFT");
    expect(first.parties.filter((p: any) => p.signedOn).length).toBe(1);
    const again = await graphql(stack.gatewayUrl, SIGN, { id: program.id, v: program.version, on: "2026-01-15", name: "A. Director" }, branchEditor);
    expect(again.errors?.[0].extensions?.code).toBe("CONFLICT"); // stale version
    const second = (await ask(branchEditor, SIGN, { id: program.id, v: first.version, on: "2026-01-20", name: "B. Rector" })).signProgram;
    expect(second).toMatchObject({ status: "ACTIVE", signedOn: "2026-01-20", startsOn: "2026-01-20", endsOn: "2028-01-19" });
    program = { ...program, version: second.version };
  });

  it("a party amends it; a non-party cannot", async () => {
    const other = bearer(await tokenFor(stack, "editor@osh-technological-university"));
    const refused = await graphql(stack.gatewayUrl, `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { title: "Hijacked" }) { id } }`, { id: program.id, v: program.version }, other);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const { updateProgram: proposed } = await ask(branchEditor, `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { endsOn: "2028-06-30", endsOnPrecision: DAY }) { version endsOn status pendingVersion { termsHash } } }`, { id: program.id, v: program.version });
    // A new end date is a change of the terms (issue 15): the signed version stays in force until both signatories approve the new one.
    expect(proposed).toMatchObject({ endsOn: "2028-01-19", status: "ACTIVE" });
    const APPROVE = `mutation($id: ID!, $hash: String!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2026-02-01", signatoryName: "Signer" }) { version endsOn status } }`;
    await ask(ammcEditor, APPROVE, { id: program.id, hash: proposed.pendingVersion.termsHash });
    const { approveProgram: updateProgram } = await ask(branchEditor, APPROVE, { id: program.id, hash: proposed.pendingVersion.termsHash });
    expect(updateProgram).toMatchObject({ endsOn: "2028-06-30", status: "ACTIVE" });
    const parties = await graphql(stack.gatewayUrl, `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { parties: [] }) { id } }`, { id: program.id, v: updateProgram.version }, branchEditor);
    expect(parties.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parties" });
    program = { ...program, version: updateProgram.version };
  });

  it("a party terminates it early, with the reason; then it is closed", async () => {
    const { terminateProgram } = await ask(ammcEditor, `mutation($id: ID!, $v: Int!) { terminateProgram(id: $id, version: $v, input: { endsOn: "2026-12-31", reason: "Replaced by a department agreement" }) { version status endsOn terminationReason } }`, { id: program.id, v: program.version });
    expect(terminateProgram).toMatchObject({ status: "TERMINATED", endsOn: "2026-12-31", terminationReason: "Replaced by a department agreement" });
    const late = await graphql(stack.gatewayUrl, `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { title: "Too late" }) { id } }`, { id: program.id, v: terminateProgram.version }, ammcEditor);
    expect(late.errors?.[0].extensions?.code).toBe("CONFLICT");
  });

  it("its whole story is in the programs change feed", async () => {
    const { programChanges } = await ask(analyst, `query($since: DateTime!) { programChanges(since: $since, first: 100) { nodes { entityId action changedFields actorRole after } } }`, { since: startedAt });
    const story = programChanges.nodes.filter((c: any) => c.entityId === program.id);
    // The amendment's two approvals are signatures too.
    expect(story.map((c: any) => c.action)).toEqual(["CREATE", "SIGN", "SIGN", "UPDATE", "SIGN", "SIGN", "TERMINATE"]);
    expect(story[2].changedFields).toEqual(expect.arrayContaining(["parties", "signedOn", "status"]));
    expect(story.every((c: any) => c.actorRole === "editor")).toBe(true);
  });
});

describe("concurrent conflicting updates", () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $names: [LocalizedNameInput!]) { updateEnterprise(id: $id, version: $v, input: { names: $names }) { version names { value } } }`;
  const auditRows = async (since: string) =>
    (await stack.subgraphs.enterprises.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND occurred_at >= $2`, [AMMC, since]))[0].n;

  it("tens at once with the same version: exactly one applies, the rest get CONFLICT, one audit entry", async () => {
    const since = new Date().toISOString();
    const { enterprise } = await ask(admin, `{ enterprise(slug: "ammc") { version names { value lang kind } } }`);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        graphql(stack.gatewayUrl, UPDATE, { id: AMMC, v: enterprise.version, names: [...enterprise.names, { value: `Writer ${i}`, lang: "en", kind: "ALTERNATIVE" }] }, ammcEditor),
      ),
    );
    const applied = results.filter((r) => !r.errors);
    expect(applied).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === "CONFLICT")).toHaveLength(29);
    expect(await auditRows(since)).toBe(1);
    const { enterprise: after } = await ask(admin, `{ enterprise(slug: "ammc") { version } }`);
    expect(after.version).toBe(enterprise.version + 1);
  });

  it("writers that re-read and retry on CONFLICT all get their change in, each audited", async () => {
    const since = new Date().toISOString();
    const writers = 20;
    await Promise.all(
      Array.from({ length: writers }, async (_, i) => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const { enterprise } = await ask(ammcEditor, `{ enterprise(slug: "ammc") { version names { value lang kind } } }`);
          const result = await graphql(stack.gatewayUrl, UPDATE, { id: AMMC, v: enterprise.version, names: [...enterprise.names, { value: `Retrying writer ${i}`, lang: "en", kind: "ALTERNATIVE" }] }, ammcEditor);
          if (!result.errors) return;
          expect(result.errors[0].extensions?.code).toBe("CONFLICT");
        }
        throw new Error(`writer ${i} never got through`);
      }),
    );
    const { enterprise } = await ask(admin, `{ enterprise(slug: "ammc") { names { value } } }`);
    const values = enterprise.names.map((n: any) => n.value);
    for (let i = 0; i < writers; i++) expect(values).toContain(`Retrying writer ${i}`);
    expect(await auditRows(since)).toBe(writers);
  });
});

describe("syncing with a change feed", () => {
  it("pages with cursors, includes archivals, and blanks confidential values for outsiders", async () => {
    const since = new Date().toISOString();
    const { createContact } = await ask(ammcEditor, `mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Sync desk", email: "sync@agmk.example" }) { id version } }`, { id: AMMC });
    const { createDivision } = await ask(ammcEditor, `mutation($id: ID!) { createDivision(enterpriseId: $id, input: { slug: "ammc-sync-depot", name: "Sync depot", kind: OTHER }) { id version } }`, { id: AMMC });
    await ask(ammcEditor, `mutation($id: ID!, $v: Int!) { archiveDivision(id: $id, version: $v) { status } }`, { id: createDivision.id, v: createDivision.version });
    await ask(ammcEditor, `mutation($id: ID!, $v: Int!) { deleteContact(id: $id, version: $v) }`, { id: createContact.id, v: createContact.version });

    const FEED = `query($since: DateTime!, $after: String) { enterpriseChanges(since: $since, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { entityType action redactedFields after before } } }`;
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const { enterpriseChanges }: any = await ask(analyst, FEED, { since, after });
      expect(enterpriseChanges.totalCount).toBe(4);
      seen.push(...enterpriseChanges.nodes);
      after = enterpriseChanges.pageInfo.hasNextPage ? enterpriseChanges.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map((c) => `${c.entityType} ${c.action}`)).toEqual(["Contact CREATE", "Division CREATE", "Division ARCHIVE", "Contact DELETE"]);
    expect(seen[0].after.email).toBeNull();
    expect(seen[0].redactedFields).toEqual(["email"]);
    expect(seen[2].after.status).toBe("ARCHIVED");
    // The enterprise's own system sees the values.
    const own = await ask(ammcEditor, FEED, { since });
    expect(own.enterpriseChanges.nodes[0].after.email).toBe("sync@agmk.example");
  });

  it("refuses anonymous callers", async () => {
    const result = await graphql(stack.gatewayUrl, `{ universityChanges(since: "2020-01-01T00:00:00Z") { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("never skips a change a slow transaction commits after a later one: it waits for it", async () => {
    const since = new Date().toISOString();
    const feed = async (after?: string) =>
      (await ask(admin, `query($since: DateTime!, $after: String) { enterpriseChanges(since: $since, first: 100, after: $after) { pageInfo { endCursor } nodes { entityType changedFields } } }`, { since, after })).enterpriseChanges;
    // A slow writer takes its transaction id first and holds it open...
    const slow = new pg.Client({ connectionString: stack.database.url });
    await slow.connect();
    await slow.query("BEGIN");
    await slow.query(
      `INSERT INTO enterprises.audit_log (transaction_id, entity_type, entity_id, action, changed_fields, institution_ids, actor_subject, actor_role, request_id)
       VALUES ((pg_current_xact_id()::text)::bigint, 'Enterprise', $1, 'UPDATE', '{slow}', ARRAY[$1]::uuid[], 'slow-writer', 'admin', 'slow')`,
      [AMMC],
    );
    try {
      // ...while a later transaction commits.
      const { enterprise } = await ask(admin, `{ enterprise(slug: "ammc") { version } }`);
      await ask(admin, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { city: "Almalyk city" }) { version } }`, { id: AMMC, v: enterprise.version });
      const early = await feed();
      expect(early.nodes).toEqual([]); // the later change waits until the slow one is settled
      await slow.query("COMMIT");
      const settled = await feed();
      expect(settled.nodes.map((n: any) => n.changedFields[0])).toEqual(["slow", "city"]);
    } finally {
      await slow.end();
    }
  });

  it("is not held back by a transaction open in another database of the same server", async () => {
    const since = new Date().toISOString();
    const other = await createTestDatabase();
    const elsewhere = new pg.Client({ connectionString: other.url });
    await elsewhere.connect();
    try {
      // A long write elsewhere on the server: its id is older than the change below, and it stays open.
      await elsewhere.query("BEGIN");
      await elsewhere.query("CREATE TABLE long_load (n int)");
      await elsewhere.query("SELECT pg_current_xact_id()");
      const { enterprise } = await ask(admin, `{ enterprise(slug: "ammc") { version } }`);
      await ask(admin, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { city: "Almalyk, elsewhere open" }) { version } }`, { id: AMMC, v: enterprise.version });
      const { enterpriseChanges } = await ask(admin, `query($since: DateTime!) { enterpriseChanges(since: $since, first: 100) { nodes { changedFields } } }`, { since });
      expect(enterpriseChanges.nodes.map((n: any) => n.changedFields[0])).toEqual(["city"]);
    } finally {
      await elsewhere.end();
      await other.drop();
    }
  });
});

describe("unit trees", () => {
  it("keep divisions under their own enterprise and free of cycles", async () => {
    const otherEnterprisesDivision = deterministicId("Division", "smpp-assembly-shops");
    const foreign = await graphql(stack.gatewayUrl, `mutation($id: ID!, $parent: ID) { createDivision(enterpriseId: $id, input: { slug: "ammc-foreign-child", name: "Foreign child", kind: OTHER, parentId: $parent }) { id } }`, { id: AMMC, parent: otherEnterprisesDivision }, ammcEditor);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentId" });

    const { createDivision: parent } = await ask(ammcEditor, `mutation($id: ID!) { createDivision(enterpriseId: $id, input: { slug: "ammc-tree-parent", name: "Tree parent", kind: DEPARTMENT }) { id version } }`, { id: AMMC });
    const { createDivision: child } = await ask(ammcEditor, `mutation($id: ID!, $parent: ID) { createDivision(enterpriseId: $id, input: { slug: "ammc-tree-child", name: "Tree child", kind: OTHER, parentId: $parent }) { id } }`, { id: AMMC, parent: parent.id });
    const cycle = await graphql(stack.gatewayUrl, `mutation($id: ID!, $v: Int!, $parent: ID) { updateDivision(id: $id, version: $v, input: { parentId: $parent }) { id } }`, { id: parent.id, v: parent.version, parent: child.id }, ammcEditor);
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentId" });
  });

  it("keep a person's department within their university", async () => {
    const elsewhere = deterministicId("Department", "ugs-mining-operations-and-technologies");
    const result = await graphql(stack.gatewayUrl, `mutation($id: ID!, $dept: ID) { createPerson(universityId: $id, input: { name: "Visiting lecturer", departmentId: $dept }) { id } }`, { id: BRANCH, dept: elsewhere }, branchEditor);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "departmentId" });
  });
});
