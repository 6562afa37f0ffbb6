/**
 * The dashboard aggregates and the programs' totalCount read summaries kept
 * by triggers (migration ProgramSummaries): their answers equal those of the
 * statements over the whole table for the same data, over many filter
 * combinations, on the seed and a synthetic dataset; and after every kind of
 * write through the API (create, add an activity, sign, amend and approve,
 * terminate) the summaries equal a rebuild from the base tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { generateEnterprises, generatePrograms, generateUniversities } from "../bench/synthetic/generate";
import { cooperationNetworkByScan } from "../subgraphs/programs/sql/cooperation-network";
import { programStatsByScan } from "../subgraphs/programs/sql/program-stats";
import { SCOPE_NETWORK_STATEMENT } from "../subgraphs/programs/sql/scope-network";
import { periodRuns } from "../subgraphs/programs/sql/summary-filter";
import { ProgramStatsGrouping } from "../subgraphs/programs/types/program-stats";
import { bearer, tokenFor } from "./support/auth";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";
import { SUMMARY_TABLES, compareSummariesWithScan, differingTables, filterCombinations, summariesAgainstRebuild } from "./support/summary-check";

let stack: TestStack;
let admin: Record<string, string>;
const SIZE = { enterprises: 40, universities: 90, programs: 1_200 };
const AMMC = deterministicId("Enterprise", "ammc");
const OSH = deterministicId("University", "osh-technological-university");
const BRANCH = deterministicId("University", "tashstu-almalyk");

const dataSource = () => stack.subgraphs.programs.dataSource;

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RATE_LIMIT_PER_MINUTE: "0" });
  admin = bearer(await tokenFor(stack, "admin"));
  // Written with the triggers on: the generator's bulk statements keep the summaries too.
  await generateEnterprises(stack.subgraphs.enterprises.dataSource, SIZE);
  await generateUniversities(stack.subgraphs.universities.dataSource, SIZE);
  await generatePrograms(dataSource(), SIZE);
}, 180_000);
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables, admin);

/** No row that only the triggers or only a rebuild made, in any summary table. */
const EXACT = { onlyKept: Object.fromEntries(SUMMARY_TABLES.map((t) => [t, []])), onlyRebuilt: Object.fromEntries(SUMMARY_TABLES.map((t) => [t, []])) };

/** The summaries equal a rebuild, and a few answers equal the table's. */
async function expectExact(label: string) {
  const { onlyKept, onlyRebuilt } = await summariesAgainstRebuild(dataSource());
  expect({ onlyKept, onlyRebuilt }, `${label}: the summaries as the triggers keep them, against a rebuild`).toEqual(EXACT);
  // The written program's parties are in Uzbekistan and Kyrgyzstan: those scopes of the network, besides the mixed filters.
  const check = await compareSummariesWithScan(
    dataSource(),
    [null, { partyCountryCodes: ["UZ"] }, { partyCountryCodes: ["KG"] }, { statuses: ["ACTIVE"] as any, partyCountryCodes: ["UZ", "KG"] }, { statuses: ["DRAFT"] as any }, { kinds: ["INTERNSHIP"] as any }, { expiringWithinDays: 900 }],
    [20],
  );
  expect(check.mismatches, label).toEqual([]);
}

describe("periods of a signing range", () => {
  it("are whole years, whole months and days that cover the range exactly once", () => {
    const covered = (from: string, to: string) =>
      periodRuns(from, to).flatMap((run) => {
        const days: string[] = [];
        const end = run.level === "Y" ? `${run.to.slice(0, 4)}-12-31` : run.level === "M" ? new Date(Date.UTC(+run.to.slice(0, 4), +run.to.slice(5, 7), 0)).toISOString().slice(0, 10) : run.to;
        for (let d = new Date(`${run.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
        return days;
      });
    for (const [from, to] of [["2016-11-20", "2018-01-10"], ["2020-02-29", "2020-02-29"], ["2019-01-01", "2021-12-31"], ["2015-12-31", "2016-01-01"], ["2020-01-31", "2020-03-01"]]) {
      const days = covered(from, to);
      const expected: string[] = [];
      for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) expected.push(d.toISOString().slice(0, 10));
      expect(days.sort(), `${from}..${to}`).toEqual(expected);
    }
    expect(periodRuns("2022-06-30", "2021-01-01")).toEqual([]);
    // A request reads few runs whatever the range: at most 2 partial months of days, 2 runs of months, 1 of years.
    expect(periodRuns("2016-11-20", "2024-02-10").length).toBeLessThanOrEqual(5);
  });
});

describe("the summaries answer as the whole table does", () => {
  it("after a bulk load with the triggers on, they equal a rebuild", async () => {
    const { rows, onlyKept, onlyRebuilt } = await summariesAgainstRebuild(dataSource());
    expect(rows.program_summary_fact).toBeGreaterThan(SIZE.programs);
    for (const table of SUMMARY_TABLES) expect(rows[table], `${table} has rows`).toBeGreaterThan(0);
    expect({ onlyKept, onlyRebuilt }).toEqual(EXACT);
  }, 120_000);

  it("over many filter combinations: every grouping with activity figures, the network and the count", async () => {
    const check = await compareSummariesWithScan(dataSource(), filterCombinations(120));
    expect(check.mismatches.slice(0, 3)).toEqual([]);
    expect(check.compared).toBeGreaterThan(800);
  }, 300_000);

  it("the network of a scope (no filter, one country) reads its maxEdges heaviest pairs as an index range, not the network", async () => {
    const pairNodes = (plan: any): any[] => [...(plan["Relation Name"] === "network_scope_pair" ? [plan] : []), ...(plan.Plans ?? []).flatMap(pairNodes)];
    for (const scope of ["", "country:KG"]) {
      const [{ "QUERY PLAN": [{ Plan }] }] = await dataSource().query(`EXPLAIN (ANALYZE, FORMAT JSON) ${SCOPE_NETWORK_STATEMENT}`, [scope, 5]);
      const [{ edges }] = await dataSource().query(`SELECT edges FROM network_scope_total WHERE scope = $1`, [scope]);
      expect(edges, scope).toBeGreaterThan(50);
      const reads = pairNodes(Plan);
      expect(reads.map((node) => [node["Index Name"], node["Actual Rows"] <= 5]), scope).toEqual([["ix_network_scope_pair_order", true]]);
    }
  });

  it("through the API: the resolvers answer as the table does, for filters served and not served by the summaries", async () => {
    const STATS = `query($filter: ProgramFilter, $groupBy: ProgramStatsGrouping!) { programStats(filter: $filter, groupBy: $groupBy) { key programCount activeProgramCount activityCount plannedParticipants actualParticipants } }`;
    const NETWORK = `query($filter: ProgramFilter) { cooperationNetwork(filter: $filter, maxEdges: 30) { programCount edgeCount edges { sourceId targetId weight activeCount firstSignedOn latestSignedOn byKind { kind count } } nodes { id programCount partnerCount } } }`;
    for (const filter of [{ partyCountryCodes: ["KG"] }, { text: "synthetic cooperation" }, { partyId: AMMC }]) {
      const { programStats } = await ask(STATS, { filter, groupBy: "COUNTRY" });
      expect(programStats).toEqual(JSON.parse(JSON.stringify(await programStatsByScan(dataSource(), filter, ProgramStatsGrouping.COUNTRY, true))));
      const { cooperationNetwork } = await ask(NETWORK, { filter });
      const scan = await cooperationNetworkByScan(dataSource(), filter, 30);
      expect(cooperationNetwork.edgeCount).toBe(scan.edgeCount);
      expect(cooperationNetwork.edges.map((e: any) => [e.sourceId, e.targetId, e.weight, e.activeCount, e.firstSignedOn, e.latestSignedOn, e.byKind])).toEqual(
        scan.edges.map((e) => [e.sourceId, e.targetId, e.weight, e.activeCount, e.firstSignedOn, e.latestSignedOn, JSON.parse(JSON.stringify(e.byKind))]),
      );
      expect(cooperationNetwork.nodes.map((n: any) => [n.id, n.programCount, n.partnerCount])).toEqual(scan.nodes.map((n) => [n.id, n.programCount, n.partnerCount]));
    }
    const { programs } = await ask(`{ programs(first: 0, filter: { statuses: [ACTIVE], partyCountryCodes: ["KG", "UZ"] }) { totalCount } }`);
    const [{ count }] = await dataSource().query(
      `SELECT count(*)::int AS count FROM program p WHERE p.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM program_party pp WHERE pp.program_id = p.id AND pp.institution_country_code IN ('KG', 'UZ'))`,
    );
    expect(programs.totalCount).toBe(count);
  }, 120_000);
});

describe("writes through the API keep the summaries exact", () => {
  let program: { id: string; version: number };

  it("create a draft", async () => {
    const { createProgram } = await ask(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
      input: {
        slug: "summaries-osh-ammc-exchange",
        title: "Exchange for the summaries' check",
        kind: "EXCHANGE",
        termMonths: 12,
        fieldCodes: ["0713", "0724"],
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: OSH, role: "SIGNATORY" },
        ],
        directions: [{ direction: "STUDENT_EXCHANGE" }, { direction: "STAFF_EXCHANGE" }],
      },
    });
    program = createProgram;
    await expectExact("after createProgram");
  });

  it("add an activity", async () => {
    await ask(`mutation($id: ID!) { addActivity(programId: $id, input: { kind: EXCHANGE, status: PLANNED, title: "Spring exchange", plannedParticipants: 12 }) { id } }`, { id: program.id });
    await expectExact("after addActivity");
  });

  it("sign by both parties: ACTIVE, with a signing date and an end date", async () => {
    const SIGN = `mutation($id: ID!, $v: Int!, $party: ID!) { signProgram(id: $id, version: $v, input: { signedOn: "2026-11-20", signatoryName: "Signer", institutionId: $party }) { version status endsOn } }`;
    const first = (await ask(SIGN, { id: program.id, v: program.version, party: AMMC })).signProgram;
    await expectExact("after the first signature");
    const second = (await ask(SIGN, { id: program.id, v: first.version, party: OSH })).signProgram;
    expect(second.status).toBe("ACTIVE");
    program = { ...program, version: second.version };
    await expectExact("after the second signature");
  });

  it("amend (a third party, another kind) and approve", async () => {
    const { updateProgram } = await ask(
      `mutation($id: ID!, $v: Int!, $parties: [ProgramPartyInput!]) { updateProgram(id: $id, version: $v, input: { kind: INTERNSHIP, parties: $parties }) { version pendingVersion { termsHash } } }`,
      {
        id: program.id,
        v: program.version,
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: OSH, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "PARTNER" },
        ],
      },
    );
    await expectExact("after the amendment is proposed");
    const APPROVE = `mutation($id: ID!, $hash: String!, $party: ID!) { approveProgram(id: $id, termsHash: $hash, input: { signedOn: "2026-11-25", signatoryName: "Signer", institutionId: $party }) { version kind status } }`;
    let approved: any;
    for (const party of [AMMC, OSH, BRANCH]) {
      approved = (await ask(APPROVE, { id: program.id, hash: updateProgram.pendingVersion.termsHash, party })).approveProgram;
      await expectExact(`after approval by ${party}`);
    }
    expect(approved).toMatchObject({ kind: "INTERNSHIP", status: "ACTIVE" });
    program = { ...program, version: approved.version };
  });

  it("terminate", async () => {
    await ask(`mutation($id: ID!, $v: Int!) { terminateProgram(id: $id, version: $v, input: { endsOn: "2026-12-31", reason: "Superseded" }) { status } }`, { id: program.id, v: program.version });
    await expectExact("after terminateProgram");
  });

  it("a party removed from a draft by updateProgram: its pairs leave every scope, and its degree with them", async () => {
    const { createProgram } = await ask(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
      input: {
        slug: "summaries-three-party-draft",
        title: "A draft of three for the network's scopes",
        kind: "JOINT_RESEARCH",
        termMonths: 24,
        parties: [
          { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: OSH, role: "SIGNATORY" },
          { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "PARTNER" },
        ],
      },
    });
    await expectExact("after a draft of three parties");
    const pairsOf = async () =>
      (await dataSource().query(`SELECT count(*)::int AS n FROM network_scope_pair WHERE scope = 'kind:JOINT_RESEARCH' AND $1 IN (source, target)`, [BRANCH]))[0].n;
    const before = await pairsOf();
    await ask(`mutation($id: ID!, $v: Int!, $parties: [ProgramPartyInput!]) { updateProgram(id: $id, version: $v, input: { parties: $parties }) { version } }`, {
      id: createProgram.id,
      v: createProgram.version,
      parties: [
        { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
        { institutionType: "UNIVERSITY", institutionId: OSH, role: "SIGNATORY" },
      ],
    });
    await expectExact("after the draft lost a party");
    expect(await pairsOf()).toBeLessThan(before);
  });

  it("deferred triggers leave the summaries to a rebuild, which makes them exact again", async () => {
    await dataSource().transaction(async (manager) => {
      await manager.query(`SET LOCAL programs.summaries_deferred = on`);
      await manager.query(`UPDATE program SET status = 'EXPIRED' WHERE slug = 'summaries-osh-ammc-exchange'`);
    });
    const comparison = await summariesAgainstRebuild(dataSource());
    expect(differingTables(comparison)).toContain("program_cube");
    const check = await compareSummariesWithScan(dataSource(), [null, { statuses: ["EXPIRED"] as any }], [20]);
    expect(check.mismatches).toEqual([]);
  });
});
