/**
 * Behaviour the hand-made copies of the write path had let drift apart
 * (issue 12), pinned so that it cannot drift again: ids arrive in any case,
 * country codes in filters too, every record is validated once, the largest
 * page follows QUERY_MAX_LIST_SIZE and calls between subgraphs follow
 * SUBGRAPH_TIMEOUT_MS.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../shared/config";
import { deterministicId } from "../shared/records/ids";
import { createLogger } from "../shared/logger";
import type { Rule } from "../shared/records/validation";
import { openSubgraph } from "../shared/subgraph/open";
import { subgraphs } from "../subgraphs";
import { contactRules, divisionRules } from "../subgraphs/enterprises/fields";
import { departmentRules, personRules } from "../subgraphs/universities/fields";
import { activityRules } from "../subgraphs/programs/fields";
import { bearer, tokenFor } from "./support/auth";
import { createTestDatabase } from "./support/database";
import { graphql, graphqlData, signedHeaders } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let admin: Record<string, string>;
const AMMC = deterministicId("Enterprise", "ammc");
const ENGINEERING_SCHOOL = deterministicId("Division", "ammc-engineering-school");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const POWER_FACULTY = deterministicId("Department", "tashstu-almalyk-power-engineering-faculty");

beforeAll(async () => {
  stack = await startTestStack({ RATE_LIMIT_PER_MINUTE: "0", QUERY_MAX_LIST_SIZE: "1500" });
  admin = bearer(await tokenFor(stack, "admin"));
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, admin);

describe("ids in any case name the same record, in every write", () => {
  it("a contact moved to a division named in upper case is in that division", async () => {
    const { createContact } = await ask(`mutation($e: ID!) { createContact(enterpriseId: $e, input: { name: "Drift desk" }) { id version } }`, { e: AMMC });
    const { updateContact } = await ask(`mutation($id: ID!, $v: Int!, $d: ID) { updateContact(id: $id, version: $v, input: { divisionId: $d }) { division { id } } }`, {
      id: createContact.id,
      v: createContact.version,
      d: ENGINEERING_SCHOOL.toUpperCase(),
    });
    expect(updateContact.division).toEqual({ id: ENGINEERING_SCHOOL });
  });

  it("a division moved under a parent named in upper case sits under it", async () => {
    const { createDivision } = await ask(`mutation($e: ID!) { createDivision(enterpriseId: $e, input: { slug: "ammc-drift-lab", name: "Drift lab", kind: OTHER }) { id version } }`, { e: AMMC });
    const { updateDivision } = await ask(`mutation($id: ID!, $v: Int!, $p: ID) { updateDivision(id: $id, version: $v, input: { parentId: $p }) { parent { id } } }`, {
      id: createDivision.id,
      v: createDivision.version,
      p: ENGINEERING_SCHOOL.toUpperCase(),
    });
    expect(updateDivision.parent).toEqual({ id: ENGINEERING_SCHOOL });
  });

  it("a person moved to a department named in upper case belongs to it", async () => {
    const { createPerson } = await ask(`mutation($u: ID!) { createPerson(universityId: $u, input: { name: "Drift Person" }) { id version } }`, { u: BRANCH });
    const { updatePerson } = await ask(`mutation($id: ID!, $v: Int!, $d: ID) { updatePerson(id: $id, version: $v, input: { departmentId: $d }) { department { id } } }`, {
      id: createPerson.id,
      v: createPerson.version,
      d: POWER_FACULTY.toUpperCase(),
    });
    expect(updatePerson.department).toEqual({ id: POWER_FACULTY });
  });

  it("a department moved under a parent named in upper case sits under it", async () => {
    const { createDepartment } = await ask(
      `mutation($u: ID!) { createDepartment(universityId: $u, input: { slug: "tashstu-almalyk-drift-lab", name: "Drift lab", kind: LABORATORY }) { id version } }`,
      { u: BRANCH },
    );
    const { updateDepartment } = await ask(`mutation($id: ID!, $v: Int!, $p: ID) { updateDepartment(id: $id, version: $v, input: { parentId: $p }) { parent { id } } }`, {
      id: createDepartment.id,
      v: createDepartment.version,
      p: POWER_FACULTY.toUpperCase(),
    });
    expect(updateDepartment.parent).toEqual({ id: POWER_FACULTY });
  });
});

describe("country codes in filters may come in lower case", () => {
  it("programs(filter: { partyCountryCodes: [\"uz\"] }) finds what [\"UZ\"] finds", async () => {
    const query = `query($codes: [String!]) { programs(filter: { partyCountryCodes: $codes }) { totalCount } }`;
    const upper = await ask(query, { codes: ["UZ"] });
    const lower = await ask(query, { codes: ["uz"] });
    expect(upper.programs.totalCount).toBeGreaterThan(0);
    expect(lower.programs.totalCount).toBe(upper.programs.totalCount);
  });
});

describe("every write validates its record once", () => {
  /** Adds a rule that only counts how often the field is checked. */
  function counting(rules: Record<string, unknown>, field: string): { calls: number } {
    const counter = { calls: 0 };
    const rule: Rule = () => {
      counter.calls++;
      return null;
    };
    (rules[field] as Rule[]).push(rule);
    return counter;
  }

  it.each([
    ["Contact", contactRules, `mutation($e: ID!) { createContact(enterpriseId: $e, input: { name: "Once desk" }) { id } }`, { e: AMMC }],
    ["Division", divisionRules, `mutation($e: ID!) { createDivision(enterpriseId: $e, input: { slug: "ammc-once-lab", name: "Once lab", kind: OTHER }) { id } }`, { e: AMMC }],
    ["Department", departmentRules, `mutation($u: ID!) { createDepartment(universityId: $u, input: { slug: "tashstu-almalyk-once-lab", name: "Once lab", kind: LABORATORY }) { id } }`, { u: BRANCH }],
    ["Person", personRules, `mutation($u: ID!) { createPerson(universityId: $u, input: { name: "Once Person" }) { id } }`, { u: BRANCH }],
  ] as const)("a new %s", async (_type, rules, mutation, variables) => {
    const counter = counting(rules as unknown as Record<string, unknown>, "name");
    await ask(mutation, variables);
    expect(counter.calls).toBe(1);
  });

  it("a new Activity", async () => {
    const { programs } = await ask(`{ programs(first: 1, filter: { statuses: [ACTIVE] }) { nodes { id } } }`);
    const counter = counting(activityRules as unknown as Record<string, unknown>, "title");
    await ask(`mutation($p: ID!) { addActivity(programId: $p, input: { kind: VISIT, status: PLANNED, title: "Once visit" }) { id } }`, { p: programs.nodes[0].id });
    expect(counter.calls).toBe(1);
  });
});

describe("the largest page follows QUERY_MAX_LIST_SIZE", () => {
  it("QUERY_MAX_LIST_SIZE=1500 lets a page of 1200 through the gateway and the subgraphs", async () => {
    for (const query of [`{ enterprises(first: 1200) { totalCount } }`, `{ universities(first: 1200) { totalCount } }`, `{ programs(first: 1200) { totalCount } }`]) {
      const result = await graphql(stack.gatewayUrl, query, undefined, admin);
      expect(result.errors, query).toBeUndefined();
    }
    const feed = await graphql(stack.gatewayUrl, `{ enterpriseChanges(since: "2020-01-01T00:00:00Z", first: 1200) { nodes { entityId } } }`, undefined, admin);
    expect(feed.errors).toBeUndefined();
  });

  it("beyond it, a page is still refused", async () => {
    const result = await graphql(stack.gatewayUrl, `{ enterprises(first: 1501) { totalCount } }`, undefined, admin);
    expect(result.errors?.[0].extensions?.code).toBe("LIST_TOO_LARGE");
  });
});

describe("calls between subgraphs follow SUBGRAPH_TIMEOUT_MS", () => {
  it("programs gives up on a peer that does not answer after the configured time", async () => {
    // A peer that accepts connections and never answers.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const peerUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/graphql`;
    const database = await createTestDatabase();
    const internalSecret = "s".repeat(40);
    const programs = await openSubgraph(
      subgraphs.programs,
      database.url,
      { ...readConfig({}), poolSize: 2, seed: "never", subgraphTimeoutMs: 300, internalSecret, peerUrls: { enterprises: peerUrl, universities: peerUrl } },
      createLogger("programs", "silent"),
    );
    try {
      const started = Date.now();
      const request = {
        query: `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`,
        variables: {
          input: {
            slug: "timeout-probe",
            title: "Timeout probe",
            kind: "MEMORANDUM",
            parties: [
              { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
              { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
            ],
          },
        },
      };
      const result = await programs.execute(request, signedHeaders(internalSecret, { role: "admin", subject: "admin-test" }, { audience: "programs", ...request }));
      expect(result.errors?.[0].extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await programs.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await database.drop();
    }
  });
});
