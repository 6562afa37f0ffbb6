/**
 * Consent in the agreement lifecycle, tried as a determined party would:
 * demoting the other signatory, naming an institution that never agreed,
 * amending an ACTIVE program alone, hosting an activity at a stranger; and
 * archived institutions and units, which take part in nothing new, even when
 * their archival races a program that names them.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../shared/auth/tokens";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor } from "./support/auth";
import { graphql, graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let admin: Record<string, string>;
let ammcEditor: Record<string, string>;
let branchEditor: Record<string, string>;
let oshEditor: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const OSH = deterministicId("University", "osh-technological-university");
const BRANCH_FACULTY = deterministicId("Department", "tashstu-almalyk-power-engineering-faculty");
let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
  ammcEditor = bearer(await tokenFor(stack, "editor@ammc"));
  branchEditor = bearer(await tokenFor(stack, "editor@tashstu-almalyk"));
  oshEditor = bearer(await tokenFor(stack, "editor@osh-technological-university"));
});
afterAll(() => stack?.stop());

const ask = <T = any>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, headers);
const attempt = (headers: Record<string, string>, query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, variables, headers);

const PROGRAM = `id version status kind title endsOn parties { institutionId role signedOn }`;
const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { ${PROGRAM} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramUpdateInput!) { updateProgram(id: $id, version: $v, input: $input) { ${PROGRAM} } }`;
const SIGN = `mutation($id: ID!, $v: Int!, $on: Date!, $institutionId: ID) {
  signProgram(id: $id, version: $v, input: { signedOn: $on, signatoryName: "Signer", institutionId: $institutionId }) { ${PROGRAM} }
}`;
const READ = `query($id: ID!) { program(id: $id) { ${PROGRAM} } }`;

const ammcAnd = (other: Record<string, unknown>) => [{ institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" }, other];
const create = async (headers: Record<string, string>, parties: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  (await ask(headers, CREATE, { input: { slug: unique("consent"), title: "Practice agreement", kind: "INTERNSHIP", termMonths: 12, parties, ...extra } })).createProgram;
const sign = async (headers: Record<string, string>, program: { id: string; version: number }, on = "2026-02-01", institutionId?: string) =>
  (await ask(headers, SIGN, { id: program.id, v: program.version, on, institutionId })).signProgram;
const read = async (id: string) => (await ask(admin, READ, { id })).program;

describe("approvals bound to the terms", () => {
  it("a party that demotes the other signatory to PARTNER cannot activate the program alone", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const demoted = (await ask(ammcEditor, UPDATE, {
      id: draft.id,
      v: draft.version,
      input: { parties: ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "PARTNER" }) },
    })).updateProgram;
    const signed = await sign(ammcEditor, demoted);
    expect(signed.status).toBe("DRAFT");
    // The demoted institution agrees to its new part: then, and only then, it is in force.
    const agreed = await sign(branchEditor, signed, "2026-02-03");
    expect(agreed.status).toBe("ACTIVE");
  });

  it("naming another institution (and its department) as PARTNER and activating alone is not possible", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: OSH, role: "PARTNER" }));
    const signed = await sign(ammcEditor, draft);
    expect(signed.status).toBe("DRAFT");
    // Not among Osh's programs in force (a DRAFT shows as a DRAFT, and counts as no active partnership).
    const { university } = await ask(admin, `{ university(slug: "osh-technological-university") { partners { activeProgramCount programs { id status } } } }`);
    const listed = university.partners.flatMap((p: any) => p.programs).filter((x: any) => x.id === draft.id);
    expect(listed.every((x: any) => x.status === "DRAFT")).toBe(true);
    const { programs } = await ask(admin, `query($osh: ID) { programs(filter: { partyId: $osh, statuses: [ACTIVE] }, first: 1000) { nodes { id } } }`, { osh: OSH });
    expect(programs.nodes.map((x: any) => x.id)).not.toContain(draft.id);
    // Osh's approval is what is missing.
    const { program } = await ask(oshEditor, `query($id: ID!) { program(id: $id) { pendingVersion { number awaitingApprovalFrom } } }`, { id: draft.id });
    expect(program.pendingVersion.awaitingApprovalFrom).toEqual([OSH]);
    expect((await sign(oshEditor, signed, "2026-02-04")).status).toBe("ACTIVE");
  });

  it("one party alone cannot change an ACTIVE program's terms: the signed version stays in force until every signatory approves the new one", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }), {
      budget: { amount: "5000.00", currency: "USD" },
    });
    const active = await sign(branchEditor, await sign(ammcEditor, draft), "2026-02-02");
    expect(active).toMatchObject({ status: "ACTIVE", kind: "INTERNSHIP", endsOn: "2027-02-01" });

    const amended = (await ask(ammcEditor, UPDATE, { id: draft.id, v: active.version, input: { kind: "MEMORANDUM", title: "Anything goes", endsOn: "2099-12-31", endsOnPrecision: "DAY" } })).updateProgram;
    expect(amended).toMatchObject({ status: "ACTIVE", kind: "INTERNSHIP", title: "Practice agreement", endsOn: "2027-02-01" });
    expect(await read(draft.id)).toMatchObject({ status: "ACTIVE", kind: "INTERNSHIP", title: "Practice agreement", endsOn: "2027-02-01" });

    // Both versions are readable: the one in force and the proposal, each with its terms hash.
    const VERSIONS = `query($id: ID!) { program(id: $id) {
      termsHash versions { number status kind title endsOn termsHash approvals { institutionId termsHash } }
      pendingVersion { number termsHash awaitingApprovalFrom } approvals { institutionId versionNumber termsHash approvedAt } } }`;
    const { program } = await ask(branchEditor, VERSIONS, { id: draft.id });
    expect(program.versions.map((v: any) => [v.number, v.status, v.kind, v.endsOn])).toEqual([
      [1, "IN_FORCE", "INTERNSHIP", null],
      [2, "PROPOSED", "MEMORANDUM", "2099-12-31"],
    ]);
    expect(program.termsHash).toBe(program.versions[0].termsHash);
    expect(program.termsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(program.pendingVersion).toMatchObject({ number: 2, termsHash: program.versions[1].termsHash });
    expect(program.pendingVersion.awaitingApprovalFrom.sort()).toEqual([AMMC, BRANCH].sort());
    expect(program.approvals.map((a: any) => [a.institutionId, a.versionNumber])).toEqual([[AMMC, 1], [BRANCH, 1]]);
    expect(program.approvals.every((a: any) => a.termsHash === program.versions[0].termsHash)).toBe(true);

    // An approval names the hash it approves: a stale one is refused.
    const APPROVE = `mutation($id: ID!, $hash: String!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2026-03-01", signatoryName: "Signer" }) { ${PROGRAM} } }`;
    const stale = await attempt(branchEditor, APPROVE, { id: draft.id, hash: program.versions[0].termsHash });
    expect(stale.errors?.[0].extensions?.code).toBe("CONFLICT");
    const half = (await ask(branchEditor, APPROVE, { id: draft.id, hash: program.pendingVersion.termsHash })).approveProgram;
    expect(half).toMatchObject({ kind: "INTERNSHIP", endsOn: "2027-02-01" });

    // A further change voids the approvals given: every signatory approves again.
    const again = (await ask(ammcEditor, UPDATE, { id: draft.id, v: half.version, input: { title: "Anything goes, twice" } })).updateProgram;
    const { program: reread } = await ask(ammcEditor, VERSIONS, { id: draft.id });
    expect(reread.versions.map((v: any) => v.status)).toEqual(["IN_FORCE", "VOID", "PROPOSED"]);
    expect(reread.pendingVersion.awaitingApprovalFrom.sort()).toEqual([AMMC, BRANCH].sort());
    await ask(ammcEditor, APPROVE, { id: draft.id, hash: reread.pendingVersion.termsHash });
    const inForce = (await ask(branchEditor, APPROVE, { id: draft.id, hash: reread.pendingVersion.termsHash })).approveProgram;
    expect(inForce).toMatchObject({ status: "ACTIVE", kind: "MEMORANDUM", title: "Anything goes, twice", endsOn: "2099-12-31" });
    expect(again.version).toBeLessThan(inForce.version);
    const { program: last } = await ask(ammcEditor, VERSIONS, { id: draft.id });
    expect(last.versions.map((v: any) => v.status)).toEqual(["REPLACED", "VOID", "IN_FORCE"]);
    expect(last.pendingVersion).toBeNull();
  });

  it("adding an institution to an ACTIVE program, or removing one, needs that institution's approval too", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const active = await sign(branchEditor, await sign(ammcEditor, draft));
    const PENDING = `query($id: ID!) { program(id: $id) { parties { institutionId } pendingVersion { termsHash requiredApprovals awaitingApprovalFrom parties { institutionId role } } } }`;
    const withOsh = [...ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }), { institutionType: "UNIVERSITY", institutionId: OSH, role: "PARTNER" }];
    const added = (await ask(ammcEditor, UPDATE, { id: draft.id, v: active.version, input: { parties: withOsh } })).updateProgram;
    expect(added.parties.map((p: any) => p.institutionId)).not.toContain(OSH);
    const { program } = await ask(ammcEditor, PENDING, { id: draft.id });
    expect(program.pendingVersion.requiredApprovals.sort()).toEqual([AMMC, BRANCH, OSH].sort());
    // Both signatories approve; Osh has not: nothing changes.
    for (const editor of [ammcEditor, branchEditor]) {
      await ask(editor, `mutation($id: ID!, $hash: String!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2026-03-01", signatoryName: "Signer" }) { id } }`, { id: draft.id, hash: program.pendingVersion.termsHash });
    }
    expect((await read(draft.id)).parties.map((p: any) => p.institutionId)).not.toContain(OSH);
    // Osh reads the terms hash it is asked to approve, though it is no party in force yet.
    const { program: asOsh } = await ask(oshEditor, PENDING, { id: draft.id });
    expect(asOsh.pendingVersion.termsHash).toBe(program.pendingVersion.termsHash);
    const joined = (await ask(oshEditor, `mutation($id: ID!, $hash: String!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2026-03-02", signatoryName: "Rector" }) { ${PROGRAM} } }`, { id: draft.id, hash: asOsh.pendingVersion.termsHash })).approveProgram;
    expect(joined.parties.map((p: any) => p.institutionId)).toContain(OSH);

    // Removing Osh again: Osh approves its removal as well.
    const removed = (await ask(ammcEditor, UPDATE, { id: draft.id, v: joined.version, input: { parties: ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }) } })).updateProgram;
    const { program: removal } = await ask(ammcEditor, PENDING, { id: draft.id });
    expect(removal.pendingVersion.requiredApprovals.sort()).toEqual([AMMC, BRANCH, OSH].sort());
    expect(removed.parties.map((p: any) => p.institutionId)).toContain(OSH);
  });

  it("an editor can approve only for its own institution, and only where its approval is needed", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const forOther = await attempt(ammcEditor, SIGN, { id: draft.id, v: draft.version, on: "2026-02-01", institutionId: BRANCH });
    // institutionId is for administrators; an editor's approval is its own institution's.
    expect((await read(draft.id)).parties.filter((p: any) => p.signedOn).map((p: any) => p.institutionId)).toEqual(forOther.errors ? [] : [AMMC]);
    const outsider = await attempt(oshEditor, SIGN, { id: draft.id, v: draft.version + (forOther.errors ? 0 : 1), on: "2026-02-01" });
    expect(outsider.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("changes outside the terms (description, notes) apply at once and void nothing", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const signed = await sign(ammcEditor, draft);
    const described = (await ask(branchEditor, UPDATE, { id: draft.id, v: signed.version, input: { description: "Two weeks each summer" } })).updateProgram;
    expect(described.parties.filter((p: any) => p.signedOn)).toHaveLength(1);
    expect((await sign(branchEditor, described)).status).toBe("ACTIVE");
  });

  it("an activity cannot be hosted by an institution that is no party", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const ADD = `mutation($id: ID!, $host: ID!, $type: InstitutionType!) { addActivity(programId: $id, input: { kind: VISIT, status: PLANNED, title: "Visit", hostInstitutionType: $type, hostInstitutionId: $host }) { id } }`;
    const uninvited = await attempt(ammcEditor, ADD, { id: draft.id, host: OSH, type: "UNIVERSITY" });
    expect(uninvited.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostInstitutionId" });
    const { program } = await ask(admin, `query($id: ID!) { program(id: $id) { activities { id } } }`, { id: draft.id });
    expect(program.activities).toEqual([]);
    // A party hosts.
    expect((await ask(ammcEditor, ADD, { id: draft.id, host: BRANCH, type: "UNIVERSITY" })).addActivity.id).toBeTruthy();
  });

  it("an activity added while the program is being terminated is refused once the termination commits, not stored in a closed program", async () => {
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const closer = new pg.Client({ connectionString: stack.database.url });
    await closer.connect();
    try {
      // A closing write holds the program's row, not yet committed, as terminateProgram's transaction would.
      await closer.query("BEGIN");
      await closer.query(`UPDATE "programs"."program" SET status = 'TERMINATED' WHERE id = $1`, [draft.id]);
      const adding = attempt(ammcEditor, `mutation($id: ID!) { addActivity(programId: $id, input: { kind: VISIT, status: PLANNED, title: "Visit during closing" }) { id } }`, { id: draft.id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await closer.query("COMMIT");
      const added = await adding;
      expect(added.errors?.[0].extensions?.code).toBe("CONFLICT");
      const { program } = await ask(admin, `query($id: ID!) { program(id: $id) { status activities { id } } }`, { id: draft.id });
      expect(program).toEqual({ status: "TERMINATED", activities: [] });
    } finally {
      await closer.end();
    }
  });

  it("termination by one party records its reason and tells the others in the change feed", async () => {
    const since = new Date().toISOString();
    const draft = await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }));
    const active = await sign(branchEditor, await sign(ammcEditor, draft));
    await ask(ammcEditor, `mutation($id: ID!, $v: Int!) { terminateProgram(id: $id, version: $v, input: { endsOn: "2026-06-30", reason: "Plant reorganised" }) { status } }`, { id: draft.id, v: active.version });
    const { programChanges } = await ask(branchEditor, `query($since: DateTime!) { programChanges(since: $since, first: 100) { nodes { entityId action actorInstitutionId after } } }`, { since });
    const termination = programChanges.nodes.find((c: any) => c.entityId === draft.id && c.action === "TERMINATE");
    expect(termination).toMatchObject({ actorInstitutionId: AMMC, after: { terminationReason: "Plant reorganised", status: "TERMINATED" } });
  });
});

describe("archived means inactive everywhere", () => {
  /** A new enterprise and a department of the branch, with an editor token for the enterprise. */
  async function freshEnterprise() {
    const slug = unique("archived-co");
    const { createEnterprise } = await ask(admin, `mutation($slug: String!) { createEnterprise(input: { slug: $slug, name: "Soon archived", countryCode: "UZ" }) { id version } }`, { slug });
    const token = await mintToken(stack.auth.jwtSecret!, { subject: `${slug}-editor`, role: "editor", institution: { type: "ENTERPRISE", id: createEnterprise.id } }, { issuer: stack.auth.issuer, audience: stack.auth.audience });
    return { ...createEnterprise, editor: bearer(token) };
  }
  const archive = (e: { id: string; version: number }) => ask(admin, `mutation($id: ID!, $v: Int!) { archiveEnterprise(id: $id, version: $v) { version status } }`, { id: e.id, v: e.version });
  const refused = (result: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) => {
    expect(result.errors?.length ?? 0, `not refused: ${JSON.stringify(result.data)}`).toBeGreaterThan(0);
    expect(["FORBIDDEN", "BAD_USER_INPUT", "UNAUTHENTICATED"]).toContain(result.errors![0].extensions?.code);
  };

  it("an archived institution's editor no longer updates its record, adds contacts or divisions, or signs", async () => {
    const company = await freshEnterprise();
    const draft = await create(admin, [
      { institutionType: "ENTERPRISE", institutionId: company.id, role: "SIGNATORY" },
      { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
    ]);
    const { archiveEnterprise } = await archive(company);
    refused(await attempt(company.editor, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { website: "https://archived.example" }) { id } }`, { id: company.id, v: archiveEnterprise.version }));
    refused(await attempt(company.editor, `mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Still here" }) { id } }`, { id: company.id }));
    refused(await attempt(company.editor, `mutation($id: ID!) { createDivision(enterpriseId: $id, input: { slug: "${unique("ghost-division")}", name: "Ghost", kind: OTHER }) { id } }`, { id: company.id }));
    refused(await attempt(company.editor, SIGN, { id: draft.id, v: draft.version, on: "2026-02-01" }));
    refused(await attempt(company.editor, UPDATE, { id: draft.id, v: draft.version, input: { description: "Still acting" } }));
    // Not even an administrator changes an archived record.
    refused(await attempt(admin, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { website: "https://archived.example" }) { id } }`, { id: company.id, v: archiveEnterprise.version }));
    const { enterprise } = await ask(admin, `query($id: ID) { enterprise(id: $id) { website contacts { id } divisions { id } } }`, { id: company.id });
    expect(enterprise).toEqual({ website: null, contacts: [], divisions: [] });
    expect((await read(draft.id)).parties.every((p: any) => p.signedOn === null)).toBe(true);
  });

  it("an editor whose token the gateway accepted just before the archival (its answer kept 30 s) is refused by the subgraphs themselves", async () => {
    const company = await freshEnterprise();
    const draft = await create(admin, [
      { institutionType: "ENTERPRISE", institutionId: company.id, role: "SIGNATORY" },
      { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
    ]);
    // The editor is at work: the gateway has confirmed its institution and keeps that answer.
    expect((await ask(company.editor, `query($id: ID) { enterprise(id: $id) { name } }`, { id: company.id })).enterprise.name).toBe("Soon archived");
    const { archiveEnterprise } = await archive(company);
    const attempts = [
      await attempt(company.editor, `mutation($id: ID!, $v: Int!) { updateEnterprise(id: $id, version: $v, input: { website: "https://archived.example" }) { id } }`, { id: company.id, v: archiveEnterprise.version }),
      await attempt(company.editor, `mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Still here" }) { id } }`, { id: company.id }),
      await attempt(company.editor, `mutation($id: ID!) { createDivision(enterpriseId: $id, input: { slug: "${unique("ghost-division")}", name: "Ghost", kind: OTHER }) { id } }`, { id: company.id }),
      await attempt(company.editor, SIGN, { id: draft.id, v: draft.version, on: "2026-02-01" }),
      await attempt(company.editor, UPDATE, { id: draft.id, v: draft.version, input: { description: "Still acting" } }),
      await attempt(company.editor, `mutation($id: ID!) { addActivity(programId: $id, input: { kind: VISIT, status: PLANNED, title: "Visit" }) { id } }`, { id: draft.id }),
      await attempt(company.editor, `mutation($id: ID!, $v: Int!) { terminateProgram(id: $id, version: $v, input: { endsOn: "2026-06-30", reason: "Gone" }) { status } }`, { id: draft.id, v: draft.version }),
      await attempt(company.editor, CREATE, {
        input: { slug: unique("from-archived"), title: "Afterwards", kind: "INTERNSHIP", parties: [{ institutionType: "ENTERPRISE", institutionId: company.id, role: "SIGNATORY" }, { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" }] },
      }),
    ];
    for (const result of attempts) {
      refused(result);
      // Refused by the subgraph, not by the gateway's check of the token (which still holds its answer from before).
      expect(result.errors![0].message).not.toMatch(/token's institution is archived/);
    }
    const { enterprise } = await ask(admin, `query($id: ID) { enterprise(id: $id) { website contacts { id } divisions { id } } }`, { id: company.id });
    expect(enterprise).toEqual({ website: null, contacts: [], divisions: [] });
    expect(await read(draft.id)).toMatchObject({ status: "DRAFT", version: draft.version });
    expect((await read(draft.id)).parties.every((p: any) => p.signedOn === null)).toBe(true);
  });

  it("activation re-checks every party: a draft whose party was archived meanwhile does not become ACTIVE", async () => {
    const company = await freshEnterprise();
    const draft = await create(admin, [
      { institutionType: "ENTERPRISE", institutionId: company.id, role: "SIGNATORY" },
      { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
    ]);
    const half = await sign(admin, draft, "2026-02-01", company.id);
    await archive(company);
    const last = await attempt(branchEditor, SIGN, { id: draft.id, v: half.version, on: "2026-02-02" });
    refused(last);
    expect((await read(draft.id)).status).toBe("DRAFT");
  });

  it("an archived unit is named in nothing new", async () => {
    const { createDepartment } = await ask(branchEditor, `mutation($id: ID!, $slug: String!) { createDepartment(universityId: $id, input: { slug: $slug, name: "Closing lab", kind: LABORATORY }) { id version } }`, { id: BRANCH, slug: unique("closing-lab") });
    await ask(branchEditor, `mutation($id: ID!, $v: Int!) { archiveDepartment(id: $id, version: $v) { status } }`, { id: createDepartment.id, v: createDepartment.version });
    refused(await attempt(branchEditor, `mutation($id: ID!, $dept: ID) { createPerson(universityId: $id, input: { name: "Lab assistant", departmentId: $dept }) { id } }`, { id: BRANCH, dept: createDepartment.id }));
    refused(await attempt(branchEditor, `mutation($id: ID!, $parent: ID) { createDepartment(universityId: $id, input: { slug: "${unique("under-closed")}", name: "Under a closed lab", kind: OTHER, parentId: $parent }) { id } }`, { id: BRANCH, parent: createDepartment.id }));
    refused(await attempt(branchEditor, `mutation($id: ID!, $v: Int!) { updateDepartment(id: $id, version: $v, input: { name: "Reopened" }) { id } }`, { id: createDepartment.id, v: createDepartment.version + 1 }));
    const named = await attempt(ammcEditor, CREATE, { input: { slug: unique("closed-lab-program"), title: "Lab work", kind: "JOINT_RESEARCH", parties: ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, unitId: createDepartment.id, role: "SIGNATORY" }) } });
    expect(named.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parties[1].unitId" });
    // The faculty next to it is still fine.
    await create(ammcEditor, ammcAnd({ institutionType: "UNIVERSITY", institutionId: BRANCH, unitId: BRANCH_FACULTY, role: "SIGNATORY" }));
  });

  it("archival and createProgram cannot interleave into a program stored after the archival (concurrent, 20 rounds)", async () => {
    const programsDb = stack.subgraphs.programs.dataSource;
    const enterprisesDb = stack.subgraphs.enterprises.dataSource;
    const late: string[] = [];
    let stored = 0;
    let refusedCount = 0;
    for (let round = 0; round < 20; round++) {
      const company = await freshEnterprise();
      const creations = Array.from({ length: 4 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 3));
        return attempt(admin, CREATE, {
          input: {
            slug: unique(`race-${round}`),
            title: "Racing agreement",
            kind: "MEMORANDUM",
            parties: [
              { institutionType: "ENTERPRISE", institutionId: company.id, role: "SIGNATORY" },
              { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
            ],
          },
        });
      });
      const [archived, ...created] = await Promise.all([new Promise((resolve) => setTimeout(resolve, 4)).then(() => archive(company)), ...creations]);
      expect(archived.archiveEnterprise.status).toBe("ARCHIVED");
      for (const result of created) {
        if (result.errors) {
          expect(result.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parties[0].institutionId" });
          refusedCount++;
        } else stored++;
      }
      // Every program naming it must have been written (its audit entry is its transaction's last statement) before the archival was.
      const [{ archivedAt }] = await enterprisesDb.query(`SELECT occurred_at AS "archivedAt" FROM audit_log WHERE entity_id = $1 AND action = 'ARCHIVE'`, [company.id]);
      const after = await programsDb.query(
        `SELECT a.entity_id FROM audit_log a JOIN program_party p ON p.program_id = a.entity_id
         WHERE a.action = 'CREATE' AND a.entity_type = 'Program' AND p.institution_id = $1 AND a.occurred_at > $2`,
        [company.id, archivedAt],
      );
      late.push(...after.map((row: { entity_id: string }) => row.entity_id));
    }
    expect(late).toEqual([]);
    // Both outcomes happened: the race was real.
    expect(stored + refusedCount).toBe(80);
    expect(refusedCount).toBeGreaterThan(0);
  });
});
