/**
 * The dashboard questions through the gateway, on the article data: every
 * program filter, the cooperation network, statistics, programs of units and
 * text search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deterministicId } from "../shared/records/ids";
import { graphql, graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // One agreement that ends soon, to be found by "expiring within N days" whatever day the test runs.
  await stack.subgraphs.programs.dataSource.query(`
    INSERT INTO program (id, slug, title, kind, status, starts_on, starts_on_precision, ends_on, ends_on_precision, version)
    VALUES ('${deterministicId("Program", "expiring-test")}', 'expiring-test', 'Internship agreement ending soon', 'INTERNSHIP', 'ACTIVE',
            CURRENT_DATE - 300, 'DAY', CURRENT_DATE + 20, 'DAY', 1)`);
  await stack.subgraphs.programs.dataSource.query(`
    INSERT INTO program_party (id, program_id, institution_type, institution_id, institution_country_code, role, version) VALUES
      (gen_random_uuid(), '${deterministicId("Program", "expiring-test")}', 'ENTERPRISE', '${deterministicId("Enterprise", "ammc")}', 'UZ', 'HOST', 1),
      (gen_random_uuid(), '${deterministicId("Program", "expiring-test")}', 'UNIVERSITY', '${deterministicId("University", "tashstu-almalyk")}', 'UZ', 'PARTNER', 1)`);
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables);
const slugsOf = async (filter: Record<string, unknown>) => {
  const { programs } = await ask(`query($filter: ProgramFilter) { programs(filter: $filter, first: 100) { totalCount nodes { slug } } }`, { filter });
  expect(programs.totalCount).toBe(programs.nodes.length);
  return programs.nodes.map((n: any) => n.slug).sort();
};

describe("program filters", () => {
  it.each([
    ["kinds", { kinds: ["MEMORANDUM"] }, ["academy-of-sciences-utmk-memorandum", "nust-misis-almalyk-wust-memorandum-2025"]],
    ["statuses", { statuses: ["COMPLETED"] }, ["ammc-international-student-delegation-2025"]],
    ["partyId", { partyId: deterministicId("University", "university-of-geological-sciences") }, ["ammc-international-student-delegation-2025", "ugs-mining-operations-branch-at-ammc"]],
    ["partyType", { partyType: "ENTERPRISE", kinds: ["MEMORANDUM"] }, ["academy-of-sciences-utmk-memorandum"]],
    ["partyCountryCodes", { partyCountryCodes: ["RU", "CN"] }, ["nust-misis-almalyk-wust-memorandum-2025", "stupino-educational-partnership-2024"]],
    ["directions", { directions: ["STUDENT_EXCHANGE", "SCHOLARSHIPS"] }, ["nust-misis-almalyk-wust-memorandum-2025", "stupino-educational-partnership-2024"]],
    ["fieldCodes", { fieldCodes: ["0531"] }, ["academy-of-sciences-utmk-memorandum"]],
    ["signed between", { signedFrom: "2024-01-01", signedTo: "2024-12-31" }, ["stupino-educational-partnership-2024"]],
    ["activeOn", { activeOn: "2024-06-01", kinds: ["PARTNERSHIP_AGREEMENT", "MEMORANDUM"] }, ["academy-of-sciences-utmk-memorandum", "stupino-educational-partnership-2024"]],
    ["activeOn excludes ended", { activeOn: "2025-07-01", kinds: ["INDUSTRIAL_VISIT"] }, []],
    ["expiringWithinDays", { expiringWithinDays: 30 }, ["expiring-test"]],
    ["expiringWithinDays, too short", { expiringWithinDays: 10 }, []],
    ["text, case- and accent-insensitive", { text: "MÉTALLURGY and mechanical" }, ["stupino-educational-partnership-2024"]],
    ["text in descriptions", { text: "co-developed curricula" }, ["nust-misis-almalyk-wust-memorandum-2025"]],
    ["text with LIKE wildcards is literal", { text: "100%_" }, []],
    ["all conditions together", { kinds: ["BRANCH_DEPARTMENT"], partyCountryCodes: ["UZ"], directions: ["JOINT_RESEARCH"], text: "geological" }, ["ugs-mining-operations-branch-at-ammc"]],
  ])("%s", async (_name, filter, expected) => {
    expect(await slugsOf(filter)).toEqual(expected);
  });

  it.each([
    [{ partyId: "not-a-uuid" }, "filter.partyId"],
    [{ partyCountryCodes: ["XX"] }, "filter.partyCountryCodes[0]"],
    [{ fieldCodes: ["12345"] }, "filter.fieldCodes[0]"],
    [{ expiringWithinDays: -1 }, "filter.expiringWithinDays"],
  ])("rejects %j naming the field", async (filter, field) => {
    const result = await graphql(stack.gatewayUrl, `query($filter: ProgramFilter) { programs(filter: $filter) { totalCount } }`, { filter });
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rejects a date that does not exist", async () => {
    const result = await graphql(stack.gatewayUrl, `{ programs(filter: { signedFrom: "2024-02-30" }) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it("pages stay stable across cursors in the newest-first order", async () => {
    const all = await slugsOf({});
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { programs }: any = await ask(`query($after: String) { programs(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug signedOn startsOn } } }`, { after });
      seen.push(...programs.nodes.map((n: any) => n.slug));
      after = programs.pageInfo.hasNextPage ? programs.pageInfo.endCursor : null;
    } while (after);
    expect([...seen].sort()).toEqual(all);
    expect(seen[0]).toBe("expiring-test"); // started most recently among dated programs... or signed latest
  });
});

describe("the cooperation network", () => {
  it("has institutions as nodes and shared programs as weighted edges", async () => {
    const { cooperationNetwork } = await ask(`{
      cooperationNetwork {
        programCount edgeCount
        nodes { id institutionType programCount partnerCount institution { ... on Enterprise { slug } ... on University { slug } } }
        edges { sourceId targetId weight activeCount byKind { kind count } source { ... on Enterprise { slug } ... on University { slug } } target { ... on Enterprise { slug } ... on University { slug } } }
      }
    }`);
    expect(cooperationNetwork.programCount).toBe(7);
    const edge = (a: string, b: string) => cooperationNetwork.edges.find((e: any) => [e.source.slug, e.target.slug].sort().join() === [a, b].sort().join());
    expect(edge("ammc", "university-of-geological-sciences")).toMatchObject({ weight: 2, activeCount: 1 });
    expect(edge("ammc", "university-of-geological-sciences").byKind).toEqual(
      expect.arrayContaining([{ kind: "BRANCH_DEPARTMENT", count: 1 }, { kind: "INDUSTRIAL_VISIT", count: 1 }]),
    );
    expect(edge("ammc", "tashstu-almalyk")).toMatchObject({ weight: 2 }); // the departments and the expiring internship
    expect(edge("stupino-metallurgical-company", "stupino-machine-production-plant")).toMatchObject({ weight: 1 });
    // The excursion links the three visiting universities with each other as well.
    expect(edge("osh-technological-university", "mongolian-state-university")).toMatchObject({ weight: 1 });
    expect(cooperationNetwork.edges.length).toBe(cooperationNetwork.edgeCount);
    const ammc = cooperationNetwork.nodes.find((n: any) => n.institution.slug === "ammc");
    expect(ammc).toMatchObject({ institutionType: "ENTERPRISE", programCount: 4, partnerCount: 4 });
    expect(cooperationNetwork.edges[0].weight).toBeGreaterThanOrEqual(cooperationNetwork.edges.at(-1).weight);
    // Heaviest first; edges of equal weight by sourceId, then targetId (a stable order across requests).
    const order = (e: any) => [e.weight, e.sourceId, e.targetId];
    const heaviestFirst = [...cooperationNetwork.edges].sort((a: any, b: any) => b.weight - a.weight || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
    expect(cooperationNetwork.edges.length).toBeGreaterThan(1);
    expect(cooperationNetwork.edges.map(order)).toEqual(heaviestFirst.map(order));
  });

  it("follows the program filter and caps the edges", async () => {
    const { cooperationNetwork } = await ask(`{ cooperationNetwork(filter: { partyCountryCodes: ["RU"] }, maxEdges: 2) { programCount edgeCount edges { weight } nodes { id } } }`);
    expect(cooperationNetwork).toMatchObject({ programCount: 1, edgeCount: 3 });
    expect(cooperationNetwork.edges).toHaveLength(2);
    expect(cooperationNetwork.nodes.length).toBeLessThanOrEqual(3);
    const bad = await graphql(stack.gatewayUrl, `{ cooperationNetwork(maxEdges: 0) { edgeCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "maxEdges" });
  });
});

describe("program statistics", () => {
  const stats = async (groupBy: string, filter?: Record<string, unknown>) => {
    const { programStats } = await ask(`query($filter: ProgramFilter, $groupBy: ProgramStatsGrouping!) { programStats(filter: $filter, groupBy: $groupBy) { key programCount activeProgramCount activityCount plannedParticipants actualParticipants } }`, { filter, groupBy });
    return Object.fromEntries(programStats.map((b: any) => [b.key, b]));
  };

  it("counts programs by kind, with activities", async () => {
    const byKind = await stats("KIND");
    expect(Object.fromEntries(Object.entries(byKind).map(([k, v]: any) => [k, v.programCount]))).toEqual({
      MEMORANDUM: 2, BRANCH_DEPARTMENT: 2, PARTNERSHIP_AGREEMENT: 1, INDUSTRIAL_VISIT: 1, INTERNSHIP: 1,
    });
    expect(byKind.PARTNERSHIP_AGREEMENT).toMatchObject({ activeProgramCount: 1, activityCount: 5 });
  });

  it("counts by year signed, status, direction, country, field and party type", async () => {
    expect((await stats("YEAR_SIGNED"))["2024"].programCount).toBe(1);
    expect((await stats("YEAR_SIGNED"))["null"].programCount).toBe(5);
    expect((await stats("STATUS")).ACTIVE.programCount).toBe(6);
    expect((await stats("DIRECTION")).JOINT_RESEARCH.programCount).toBe(4);
    const byCountry = await stats("COUNTRY");
    expect([byCountry.UZ.programCount, byCountry.RU.programCount, byCountry.CN.programCount, byCountry.KG.programCount]).toEqual([6, 1, 1, 1]);
    expect((await stats("FIELD"))["0724"].programCount).toBe(3);
    expect((await stats("PARTY_TYPE")).ENTERPRISE.programCount).toBe(6);
  });

  it("sums participants planned and actual", async () => {
    await stack.subgraphs.programs.dataSource.query(
      `UPDATE activity SET planned_participants = 25, actual_participants = 22 WHERE title = 'Visit to the Kalmakyr mine'`,
    );
    const visits = await stats("KIND", { kinds: ["INDUSTRIAL_VISIT"] });
    expect(visits.INDUSTRIAL_VISIT).toMatchObject({ programCount: 1, activityCount: 3, plannedParticipants: 25, actualParticipants: 22 });
  });
});

describe("programs of units, partners of institutions", () => {
  it("a division lists the programs it takes part in or hosts", async () => {
    const { division } = await ask(`{ division(slug: "ammc-engineering-school") { programs { totalCount nodes { slug } } } }`);
    expect(division.programs.nodes.map((n: any) => n.slug).sort()).toEqual([
      "ammc-international-student-delegation-2025",
      "tashstu-almalyk-departments-at-ammc-engineering-school",
    ]);
    expect(division.programs.totalCount).toBe(2);
  });

  it("a department lists the programs it takes part in or hosts", async () => {
    const { department } = await ask(`{ department(slug: "stupino-technical-school-workshops") { programs { nodes { slug } } } }`);
    expect(department.programs.nodes.map((n: any) => n.slug)).toEqual(["stupino-educational-partnership-2024"]);
  });

  it("partners carry counts and first and latest dates", async () => {
    const { university } = await ask(`{ university(slug: "stupino-technical-school") { partners { programCount activeProgramCount firstSignedOn latestSignedOn partnerType } } }`);
    expect(university.partners).toEqual([
      { programCount: 1, activeProgramCount: 1, firstSignedOn: "2024-04-10", latestSignedOn: "2024-04-10", partnerType: "ENTERPRISE" },
      { programCount: 1, activeProgramCount: 1, firstSignedOn: "2024-04-10", latestSignedOn: "2024-04-10", partnerType: "ENTERPRISE" },
    ]);
  });

  it("an institution's programs take the same filters", async () => {
    const { enterprise } = await ask(`{ enterprise(slug: "ammc") { all: programs { totalCount } visits: programs(filter: { kinds: [INDUSTRIAL_VISIT] }) { totalCount nodes { slug } } } }`);
    expect(enterprise.all.totalCount).toBe(4);
    expect(enterprise.visits.nodes.map((n: any) => n.slug)).toEqual(["ammc-international-student-delegation-2025"]);
  });
});

describe("institution search", () => {
  it.each([
    ["enterprises", "almalyk mining", ["ammc"]],
    ["enterprises", "OʻZBEKISTON", ["uzbekistan-technological-metals-combine"]],
    ["enterprises", "o'zbekiston", ["uzbekistan-technological-metals-combine"]], // unaccent folds ʻ into '
    ["universities", "geologiya", ["university-of-geological-sciences"]],
    ["universities", "МИСиС", ["nust-misis", "nust-misis-almalyk"]],
    ["universities", "misis", ["nust-misis", "nust-misis-almalyk"]],
  ])("%s matching %j", async (list, text, expected) => {
    const data = await ask(`query($text: String) { ${list}(filter: { text: $text }) { nodes { slug } } }`, { text });
    expect(data[list].nodes.map((n: any) => n.slug).sort()).toEqual(expected);
  });

  it("filters enterprises by industry and universities by field and parent", async () => {
    const data = await ask(`{
      copper: enterprises(filter: { industryCode: "24.44" }) { nodes { slug } }
      mining: universities(filter: { fieldCode: "0724" }) { nodes { slug } }
      branches: universities(filter: { parentId: "${deterministicId("University", "nust-misis")}" }) { nodes { slug } }
    }`);
    expect(data.copper.nodes.map((n: any) => n.slug)).toEqual(["ammc"]);
    expect(data.mining.nodes.map((n: any) => n.slug)).toEqual(["university-of-geological-sciences"]);
    expect(data.branches.nodes.map((n: any) => n.slug)).toEqual(["nust-misis-almalyk"]);
  });
});
