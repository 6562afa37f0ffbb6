/**
 * What BI tools take away: the dashboard operations by GET with a
 * persisted-document id (no CSRF header, no body), and the CSV and JSON-lines
 * exports with the dashboard's filters, parsed with a CSV library and checked
 * against the API's own answers. Last, a few thousand programs stream out
 * while the client reads slowly: the gateway stops asking the graph for pages
 * while the client is not reading, so its memory stays bounded.
 */
import { loadWithProgramSummariesSuspended } from "../subgraphs/programs/sql/program-summaries";
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_PAGE_SIZE } from "../gateway/dashboard/exports";
import { loadDashboardOperations, persistedId } from "../gateway/dashboard/operations";
import { deterministicId } from "../shared/records/ids";
import { bearer, tokenFor } from "./support/auth";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

let stack: TestStack;
let origin: string;
const operations = loadDashboardOperations();

beforeAll(async () => {
  stack = await startTestStack();
  origin = new URL(stack.gatewayUrl).origin;
});
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, query, variables);
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });
const csvOf = async (path: string, headers: Record<string, string> = {}) => {
  const response = await get(path, headers);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const text = await response.text();
  return { header: parseCsv(text, { to_line: 1 })[0] as string[], rows: parseCsv(text, { columns: true }) as Record<string, string>[] };
};
const persistedUrl = (name: string, variables?: Record<string, unknown>) =>
  `/graphql?documentId=${operations.get(name)!.id}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ""}`;

describe("the dashboard's operations", () => {
  it.each([...operations.values()].map((operation) => [operation.file, operation] as const))("%s runs against the article data without errors", async (_file, operation) => {
    const data = await ask(operation.query, operation.variables ? JSON.parse(operation.variables) : undefined);
    expect(Object.values(data).some((value) => value !== null), operation.file).toBe(true);
    expect(operation.description, operation.file).not.toBe("");
  });

  it("are named by the SHA-256 of their file", () => {
    for (const operation of operations.values()) expect(operation.id).toBe(persistedId(operation.query));
    expect(new Set([...operations.values()].map((operation) => operation.id)).size).toBe(operations.size);
  });
});

describe("persisted documents by GET", () => {
  it("answers a plain GET with a documentId and variables like a POST of the document", async () => {
    const response = await get(persistedUrl("DashboardNetwork", { maxEdges: 5 }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: any };
    const direct = await ask(operations.get("DashboardNetwork")!.query, { maxEdges: 5 });
    expect(body.data).toEqual(direct);
    expect(body.data.cooperationNetwork.edges).toHaveLength(5);
  });

  it("takes Apollo's APQ form of the id as well", async () => {
    const hash = operations.get("DashboardProgramStats")!.id.replace("sha256:", "");
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const response = await get(`/graphql?extensions=${extensions}&variables=${encodeURIComponent('{"groupBy":"KIND"}')}`);
    const body = (await response.json()) as { data: any };
    expect(body.data.programStats).toEqual((await ask(`{ programStats(groupBy: KIND) { key programCount activeProgramCount activityCount plannedParticipants actualParticipants } }`)).programStats);
  });

  it("refuses ids that are not on the checked-in list, and bad variables, with a code", async () => {
    const unknown = await get(`/graphql?documentId=sha256:${"0".repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const notJson = await get(`/graphql?documentId=${operations.get("DashboardNetwork")!.id}&variables=%7Bnope`);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const wrongType = (await (await get(persistedUrl("DashboardNetwork", { maxEdges: "many" }))).json()) as any;
    expect(wrongType.errors[0].extensions.code).toMatch(/BAD_USER_INPUT/);
  });

  it("lists every operation with its id and URL at /dashboard/operations.json", async () => {
    const list = (await (await get("/dashboard/operations.json")).json()) as { id: string; name: string; url: string }[];
    expect(list.map((entry) => entry.name).sort()).toEqual([...operations.keys()].sort());
    for (const entry of list) expect(entry.url).toBe(`/graphql?documentId=${entry.id}`);
  });
});

describe("exports", () => {
  const PROGRAM_HEADER = ["slug", "title", "kind", "status", "signedOn", "startsOn", "endsOn", "partyCount", "parties", "partySlugs", "partyCountries"];

  it("programs.csv: every program with its parties, as the API answers", async () => {
    const { header, rows } = await csvOf("/export/programs.csv");
    expect(header).toEqual(PROGRAM_HEADER);
    const { programs } = await ask(`{ programs(first: 1000) { totalCount nodes { slug title kind status signedOn parties { institution { ... on Enterprise { slug } ... on University { slug } } } } } }`);
    expect(rows).toHaveLength(programs.totalCount);
    expect(rows.map((row) => row.slug)).toEqual(programs.nodes.map((node: any) => node.slug));
    const branch = rows.find((row) => row.slug === "ugs-mining-operations-branch-at-ammc")!;
    expect(branch).toMatchObject({ kind: "BRANCH_DEPARTMENT", partySlugs: expect.stringContaining("ammc") });
    expect(branch.partySlugs.split("; ").sort()).toEqual(
      programs.nodes.find((node: any) => node.slug === branch.slug).parties.map((party: any) => party.institution.slug).sort(),
    );
  });

  it.each([
    ["kinds", "kinds=MEMORANDUM", { kinds: ["MEMORANDUM"] }],
    ["two statuses", "statuses=COMPLETED,ACTIVE", { statuses: ["COMPLETED", "ACTIVE"] }],
    ["countries", "countries=RU,CN", { partyCountryCodes: ["RU", "CN"] }],
    ["signed between", "signedFrom=2024-01-01&signedTo=2024-12-31", { signedFrom: "2024-01-01", signedTo: "2024-12-31" }],
    ["institution", "institution=university-of-geological-sciences", { partyId: deterministicId("University", "university-of-geological-sciences") }],
  ])("programs.csv filtered by %s", async (_name, query, filter) => {
    const { rows } = await csvOf(`/export/programs.csv?${query}`);
    const { programs } = await ask(`query($filter: ProgramFilter) { programs(filter: $filter, first: 1000) { nodes { slug } } }`, { filter });
    expect(programs.nodes.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.slug)).toEqual(programs.nodes.map((node: any) => node.slug));
  });

  it("programs.jsonl: one JSON object a line, parties as a list", async () => {
    const response = await get("/export/programs.jsonl?kinds=MEMORANDUM");
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.slug).sort()).toEqual(["academy-of-sciences-utmk-memorandum", "nust-misis-almalyk-wust-memorandum-2025"]);
    expect(lines[0].parties[0]).toEqual({ role: expect.any(String), type: expect.any(String), slug: expect.any(String), name: expect.any(String), countryCode: expect.anything() });
  });

  it("partners.csv: AMMC's partners, as the API answers", async () => {
    const { header, rows } = await csvOf("/export/partners.csv?institution=ammc");
    expect(header).toEqual(["slug", "name", "type", "countryCode", "programCount", "activeProgramCount", "firstSignedOn", "latestSignedOn"]);
    const { enterprise } = await ask(`{ enterprise(slug: "ammc") { partners { programCount partner { ... on Enterprise { slug } ... on University { slug } } } } }`);
    expect(rows.map((row) => [row.slug, Number(row.programCount)])).toEqual(enterprise.partners.map((p: any) => [p.partner.slug, p.programCount]));
    expect(rows.find((row) => row.slug === "university-of-geological-sciences")).toMatchObject({ name: "University of Geological Sciences", type: "UNIVERSITY", programCount: "2" });
  });

  it.each([
    ["kinds", "ammc", "kinds=BRANCH_DEPARTMENT"],
    ["statuses", "ammc", "statuses=COMPLETED"],
    ["countries", "ammc", "countries=MN"],
    ["signed between", "stupino-metallurgical-company", "signedFrom=2024-01-01&signedTo=2024-12-31"],
    ["a kind it has none of", "ammc", "kinds=MEMORANDUM"],
  ])("partners.csv filtered by %s: the partners of the programs the filter lets through, counted as programs.csv lists them", async (_name, slug, query) => {
    const { header, rows } = await csvOf(`/export/partners.csv?institution=${slug}&${query}`);
    expect(header[0]).toBe("slug");
    // What programs.csv says about the same programs: each other party is a partner, once a program.
    const programs = (await csvOf(`/export/programs.csv?institution=${slug}&${query}`)).rows;
    const expected = new Map<string, { programCount: number; activeProgramCount: number }>();
    for (const program of programs) {
      // A party named twice (two of its departments, say) is still one shared program.
      for (const partner of new Set(program.partySlugs.split("; ").filter((party) => party && party !== slug))) {
        const counts = expected.get(partner) ?? { programCount: 0, activeProgramCount: 0 };
        counts.programCount += 1;
        if (program.status === "ACTIVE") counts.activeProgramCount += 1;
        expected.set(partner, counts);
      }
    }
    const got = new Map(rows.map((row) => [row.slug, { programCount: Number(row.programCount), activeProgramCount: Number(row.activeProgramCount) }]));
    expect(got).toEqual(expected);
    // And as the API answers partners(filter:), in its order.
    const filter = Object.fromEntries(new URLSearchParams(query));
    const { enterprise } = await ask(`query($slug: String!, $filter: ProgramFilter) { enterprise(slug: $slug) { partners(filter: $filter) { partner { ... on Enterprise { slug } ... on University { slug } } } } }`, {
      slug,
      filter: {
        ...(filter.kinds ? { kinds: [filter.kinds] } : {}),
        ...(filter.statuses ? { statuses: [filter.statuses] } : {}),
        ...(filter.countries ? { partyCountryCodes: [filter.countries] } : {}),
        ...(filter.signedFrom ? { signedFrom: filter.signedFrom, signedTo: filter.signedTo } : {}),
      },
    });
    expect(rows.map((row) => row.slug)).toEqual(enterprise.partners.map((p: any) => p.partner.slug));
  });

  it("partners.csv: a filter narrows the partners (AMMC's branch departments are with two of its four partners)", async () => {
    const all = (await csvOf("/export/partners.csv?institution=ammc")).rows;
    const branches = (await csvOf("/export/partners.csv?institution=ammc&kinds=BRANCH_DEPARTMENT")).rows;
    expect(all.length).toBeGreaterThan(branches.length);
    expect(branches.length).toBeGreaterThan(0);
  });

  it("program-stats.csv: any grouping, with the filters", async () => {
    for (const groupBy of ["YEAR_SIGNED", "KIND", "COUNTRY"]) {
      const { header, rows } = await csvOf(`/export/program-stats.csv?groupBy=${groupBy}&countries=UZ`);
      expect(header).toEqual(["key", "programCount", "activeProgramCount", "activityCount", "plannedParticipants", "actualParticipants"]);
      const { programStats } = await ask(`query($g: ProgramStatsGrouping!) { programStats(groupBy: $g, filter: { partyCountryCodes: ["UZ"] }) { key programCount } }`, { g: groupBy });
      expect(rows.map((row) => [row.key === "" ? null : row.key, Number(row.programCount)])).toEqual(programStats.map((b: any) => [b.key, b.programCount]));
    }
  });

  it("refuses a bad filter, an unknown institution or export before any row, with a code", async () => {
    const cases: [string, number, string][] = [
      ["/export/programs.csv?kinds=NONSENSE", 400, "BAD_USER_INPUT"],
      ["/export/programs.csv?signedFrom=yesterday", 400, "BAD_USER_INPUT"],
      ["/export/programs.csv?institution=no-such-place", 404, "NOT_FOUND"],
      ["/export/partners.csv", 400, "BAD_USER_INPUT"],
      ["/export/program-stats.csv?groupBy=COLOUR", 400, "BAD_USER_INPUT"],
      ["/export/secrets.csv", 404, "NOT_FOUND"],
    ];
    for (const [path, status, code] of cases) {
      const response = await get(path);
      const body = (await response.json()) as any;
      expect([path, response.status, String(body.errors[0].extensions.code).replace("GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT")]).toEqual([path, status, code]);
    }
  });

  it("escapes what a spreadsheet would run as a formula", async () => {
    const { csvField } = await import("../gateway/dashboard/table-format");
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("-12")).toBe("-12");
    expect(csvField("a,b")).toBe('"a,b"');
  });
});

describe("credentials for dashboard URLs", () => {
  it("accepts a dashboard token in ?access_token= and any token in the header, refuses other tokens in the URL", async () => {
    const dashboard = (await tokenFor(stack, "dashboard"))!;
    const admin = await tokenFor(stack, "admin");
    expect((await get(`/export/partners.csv?institution=ammc&access_token=${dashboard}`)).status).toBe(200);
    expect((await get("/export/partners.csv?institution=ammc", bearer(admin))).status).toBe(200);
    const inUrl = await get(`/export/partners.csv?institution=ammc&access_token=${admin}`);
    expect(inUrl.status).toBe(403);
    expect(((await inUrl.json()) as any).errors[0].extensions.code).toBe("FORBIDDEN");
    const forged = await get(`${persistedUrl("DashboardKpis")}&access_token=${dashboard.slice(0, -3)}abc`);
    expect(forged.status).toBe(401);
  });

  it("a dashboard token reads aggregates but not change feeds through /graphql", async () => {
    const headers = bearer(await tokenFor(stack, "dashboard"));
    expect((await graphqlData(stack.gatewayUrl, `{ programStats(groupBy: KIND) { key } }`, undefined, headers)).programStats.length).toBeGreaterThan(0);
    const response = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: `{ programChanges(since: "2020-01-01T00:00:00Z") { totalCount } }` }) });
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("FORBIDDEN");
  });
});

describe("a large export", () => {
  // Enough that the CSV (about 10 MB) outgrows what loopback socket buffers hold for a client that stops reading.
  const PROGRAMS = 40_000;

  beforeAll(async () => {
    // Synthetic programs between AMMC and a university, written straight into the programs schema as a bulk
    // loader does: the summaries' triggers off, then one rebuild (their upkeep of 80,000 parties in one
    // statement would outlast the statement timeout on a busy machine).
    const dataSource = stack.subgraphs.programs.dataSource;
    await loadWithProgramSummariesSuspended(dataSource, () => dataSource.transaction(async (manager) => {
      // Bulk statements: a loader's own deadline, not the one for requests (they met it only on a quiet machine).
      await manager.query(`SET LOCAL statement_timeout = '120s'`);
      await manager.query(
        `INSERT INTO program (id, slug, title, kind, status, signed_on, signed_on_precision, version)
         SELECT gen_random_uuid(), 'bulk-' || n, 'Bulk internship agreement number ' || n || ', with a title long enough to be realistic', 'INTERNSHIP', 'ACTIVE',
                DATE '2020-01-01' + (n % 1500), 'DAY', 1
           FROM generate_series(1, $1) AS n`,
        [PROGRAMS],
      );
      await manager.query(
        `INSERT INTO program_party (id, program_id, institution_type, institution_id, institution_country_code, role, version)
         SELECT gen_random_uuid(), id, 'ENTERPRISE', $1::uuid, 'UZ', 'HOST', 1 FROM program WHERE slug LIKE 'bulk-%'
         UNION ALL
         SELECT gen_random_uuid(), id, 'UNIVERSITY', $2::uuid, 'UZ', 'PARTNER', 1 FROM program WHERE slug LIKE 'bulk-%'`,
        [deterministicId("Enterprise", "ammc"), deterministicId("University", "tashstu-almalyk")],
      );
    }));
  });

  it("streams page by page, stops asking the graph while the client does not read, and keeps memory bounded", { timeout: 180_000 }, async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const programFetches = async () => {
      const text = await (await fetch(`${origin}/metrics`)).text();
      return [...text.matchAll(/^partnergraph_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="programs"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const before = await programFetches();
    const baseline = heap();

    const chunks: Buffer[] = [];
    let paused!: http.IncomingMessage;
    await new Promise<void>((resolve, reject) => {
      http.get(`${origin}/export/programs.csv?kinds=INTERNSHIP`, (response) => {
        paused = response;
        response.once("data", (chunk: Buffer) => {
          chunks.push(chunk);
          response.pause();
          resolve();
        });
      }).on("error", reject);
    });
    // The client reads nothing: once the socket's buffers are full the gateway must wait for it, not run ahead.
    let whilePaused = -1;
    let stillPaused = (await programFetches()) - before;
    for (let waited = 0; stillPaused !== whilePaused && waited < 30_000; waited += 2000) {
      whilePaused = stillPaused;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      stillPaused = (await programFetches()) - before;
    }
    const heapWhilePaused = heap() - baseline;

    let peak = heapWhilePaused;
    // What the gateway keeps (after garbage collection), sampled while the client reads; the chunks it received are off-heap buffers.
    const sampler = setInterval(() => (peak = Math.max(peak, heap() - baseline)), 250);
    await new Promise<void>((resolve, reject) => {
      paused.on("data", (chunk: Buffer) => chunks.push(chunk));
      paused.on("end", resolve);
      paused.on("error", reject);
      paused.resume();
    });
    clearInterval(sampler);
    const total = (await programFetches()) - before;
    const csv = Buffer.concat(chunks).toString("utf8");
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    const pages = Math.ceil(rows.length / EXPORT_PAGE_SIZE);
    console.log(
      `export of ${rows.length} programs: ${(csv.length / 1e6).toFixed(1)} MB in ${pages} pages; ` +
        `${whilePaused} of ${total} programs-subgraph fetches before the paused client read again; ` +
        `gateway heap after GC +${(heapWhilePaused / 1e6).toFixed(1)} MB while paused, at most +${(peak / 1e6).toFixed(1)} MB while streaming`,
    );
    expect(rows.filter((row) => row.slug.startsWith("bulk-"))).toHaveLength(PROGRAMS);
    expect(rows[0]).toMatchObject({ kind: "INTERNSHIP", partySlugs: expect.stringMatching(/ammc|tashstu-almalyk/) });
    expect(stillPaused, "no page was fetched for 2 s while the client read nothing").toBe(whilePaused);
    expect(whilePaused, "the gateway ran ahead of the client by a few pages at most").toBeLessThan(total / 2);
    expect(peak, "gateway memory retained while streaming").toBeLessThan(32e6);
  });
});
