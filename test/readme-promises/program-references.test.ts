/**
 * README, "Archived means inactive" and Architecture: programs refer to
 * institutions and units by id and check each with the subgraph that owns
 * it. Not only on create: an amendment of a DRAFT's parties, a proposal for
 * an ACTIVE program, and an activity's host are checked the same way, and a
 * refused write leaves the program as it was.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../../shared/records/ids";
import { bearer, tokenFor } from "../support/auth";
import { graphql, graphqlData } from "../support/graphql";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let admin: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const NOWHERE = randomUUID();

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, admin);
const attempt = (query: string, variables?: Record<string, unknown>) => graphql(stack.gatewayUrl, query, variables, admin);

const PROGRAM = `id version status parties { institutionId role } pendingVersion { number }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramUpdateInput!) { updateProgram(id: $id, version: $v, input: $input) { ${PROGRAM} } }`;
const SIGN = `mutation($id: ID!, $v: Int!, $institutionId: ID) { signProgram(id: $id, version: $v, input: { signedOn: "2026-02-01", signatoryName: "Signer", institutionId: $institutionId }) { ${PROGRAM} } }`;
const READ = `query($id: ID!) { program(id: $id) { ${PROGRAM} activities { id } } }`;
const ADD_ACTIVITY = `mutation($id: ID!, $host: ID!, $unit: ID) { addActivity(programId: $id, input: { kind: VISIT, status: PLANNED, title: "Visit", hostInstitutionType: UNIVERSITY, hostInstitutionId: $host, hostUnitId: $unit }) { id } }`;

const signatories = [
  { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
  { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
];
const withStranger = [signatories[0], { institutionType: "UNIVERSITY", institutionId: NOWHERE, role: "PARTNER" }];

async function draft(): Promise<{ id: string; version: number }> {
  const input = { slug: `refs-${randomUUID().slice(0, 8)}`, title: "Reference check", kind: "INTERNSHIP", termMonths: 12, parties: signatories };
  return (await ask(`mutation($input: ProgramInput!) { createProgram(input: $input) { ${PROGRAM} } }`, { input })).createProgram;
}

function expectRefusedField(result: Awaited<ReturnType<typeof attempt>>, field: string): void {
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  expect(result.errors![0].message).toContain(NOWHERE);
}

describe("programs checks references on update, not only on create", () => {
  it("updateProgram of a DRAFT naming an institution that does not exist: BAD_USER_INPUT, nothing changed", async () => {
    const program = await draft();
    expectRefusedField(await attempt(UPDATE, { id: program.id, v: program.version, input: { parties: withStranger } }), "parties[1].institutionId");
    const { program: after } = await ask(READ, { id: program.id });
    expect(after.version).toBe(program.version);
    expect(after.parties.map((p: any) => p.institutionId).sort()).toEqual([AMMC, BRANCH].sort());
  });

  it("updateProgram proposing new terms for an ACTIVE program with such a party: BAD_USER_INPUT, no proposal", async () => {
    const program = await draft();
    const signed = (await ask(SIGN, { id: program.id, v: program.version, institutionId: AMMC })).signProgram;
    const active = (await ask(SIGN, { id: program.id, v: signed.version, institutionId: BRANCH })).signProgram;
    expect(active.status).toBe("ACTIVE");
    expectRefusedField(await attempt(UPDATE, { id: program.id, v: active.version, input: { parties: withStranger } }), "parties[1].institutionId");
    const { program: after } = await ask(READ, { id: program.id });
    expect(after).toMatchObject({ version: active.version, status: "ACTIVE", pendingVersion: null });
  });
});

describe("programs checks an activity's host", () => {
  it("addActivity hosted by a party's unit that does not exist: BAD_USER_INPUT, no activity", async () => {
    const program = await draft();
    expectRefusedField(await attempt(ADD_ACTIVITY, { id: program.id, host: BRANCH, unit: NOWHERE }), "input.host.unitId");
    expect((await ask(READ, { id: program.id })).program.activities).toEqual([]);
    // The same activity with the party itself as host is stored: the refusal was the reference.
    expect((await ask(ADD_ACTIVITY, { id: program.id, host: BRANCH })).addActivity.id).toBeTruthy();
  });

  it("updateActivity cannot name a host at all, so no unchecked host gets in by an update", async () => {
    const { __type } = await ask(`{ __type(name: "ActivityUpdateInput") { inputFields { name } } }`);
    const fields = __type.inputFields.map((f: { name: string }) => f.name);
    expect(fields).toContain("title");
    expect(fields.filter((name: string) => /host/i.test(name))).toEqual([]);
  });
});
