/**
 * The dashboard in a real headless Chromium on the article data: every view
 * opens, its figures equal the API's answers, a click on a network node
 * leads to the institution's page, the language switches, no request leaves
 * the gateway and the console stays clean. Screenshots in test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDashboardOperations } from "../gateway/dashboard/operations";
import { deterministicId } from "../shared/records/ids";
import { artifactPath, launchBrowser } from "./support/browser";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const operations = loadDashboardOperations();

let stack: TestStack;
let origin: string;
beforeAll(async () => {
  stack = await startTestStack();
  origin = new URL(stack.gatewayUrl).origin;
  // One agreement that ends soon, for the expiring table, whatever day the test runs.
  const id = deterministicId("Program", "dashboard-expiring-test");
  await stack.subgraphs.programs.dataSource.query(`
    INSERT INTO program (id, slug, title, kind, status, starts_on, starts_on_precision, ends_on, ends_on_precision, version)
    VALUES ('${id}', 'dashboard-expiring-test', 'Internship agreement ending soon', 'INTERNSHIP', 'ACTIVE', CURRENT_DATE - 300, 'DAY', CURRENT_DATE + 20, 'DAY', 1)`);
  await stack.subgraphs.programs.dataSource.query(`
    INSERT INTO program_party (id, program_id, institution_type, institution_id, institution_country_code, role, version) VALUES
      (gen_random_uuid(), '${id}', 'ENTERPRISE', '${deterministicId("Enterprise", "ammc")}', 'UZ', 'HOST', 1),
      (gen_random_uuid(), '${id}', 'UNIVERSITY', '${deterministicId("University", "tashstu-almalyk")}', 'UZ', 'PARTNER', 1)`);
});
afterAll(() => stack?.stop());

const ask = <T = any>(name: string, variables?: Record<string, unknown>) => graphqlData<T>(stack.gatewayUrl, operations.get(name)!.query, variables);

describe("the dashboard page", () => {
  it("opens at /dashboard and at / for a browser, locked to the gateway; / stays as it was for other clients", async () => {
    for (const path of ["/dashboard", "/"]) {
      const response = await fetch(`${origin}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status, path).toBe(200);
      const csp = response.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      const html = await response.text();
      expect(html).toContain("PartnerGraph dashboard");
      expect(html).not.toMatch(/https?:\/\//);
    }
    expect((await fetch(`${origin}/`, { headers: { accept: "application/json" } })).status).toBe(404);
  });

  it("shows the API's figures in every view, follows a network node to its institution, switches language, asks no other host", { timeout: 180_000 }, async () => {
    const browser = await launchBrowser();
    const requested: string[] = [];
    const problems: string[] = [];
    browser.context.on("request", (request) => requested.push(request.url()));
    browser.page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    browser.page.on("pageerror", (error) => problems.push(error.message));
    const { page } = browser;
    const ready = (view: string) => page.locator(`body[data-ready="true"][data-view="${view}"]`).waitFor({ timeout: 30_000 });
    const tableColumn = (testId: string, column: number) =>
      page.locator(`[data-testid="${testId}"] tbody tr`).evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent ?? ""), column);
    try {
      // Overview: the tiles and programs by year, as the API counts them.
      const started = Date.now();
      await page.goto(`${origin}/dashboard`);
      await ready("overview");
      const firstView = Date.now() - started;
      const kpis = await ask("DashboardKpis");
      const active = kpis.byStatus.find((bucket: any) => bucket.key === "ACTIVE")?.programCount ?? 0;
      expect(await page.getByTestId("kpi-active").locator(".tile-value").textContent()).toBe(String(active));
      expect(await page.getByTestId("kpi-expiring").locator(".tile-value").textContent()).toBe(String(kpis.expiring.totalCount));
      expect(await page.getByTestId("kpi-institutions").textContent()).toContain(`${kpis.enterprises.totalCount} Enterprise`);
      const { programStats: byYear } = await ask("DashboardProgramStats", { groupBy: "YEAR_SIGNED" });
      const years = [...byYear].sort((a: any, b: any) => (a.key ?? "9999").localeCompare(b.key ?? "9999"));
      expect(await tableColumn("by-year", 0)).toEqual(years.map((bucket: any) => bucket.key ?? "undated"));
      expect((await tableColumn("by-year", 1)).map(Number)).toEqual(years.map((bucket: any) => bucket.programCount));
      await page.locator('[data-testid="by-kind"]').waitFor();
      await page.screenshot({ path: artifactPath("dashboard-overview.png"), fullPage: true });

      // Network: the node and edge counts of the API's network.
      await page.getByTestId("tab-network").click();
      await ready("network");
      const { cooperationNetwork: network } = await ask("DashboardNetwork", { maxEdges: 300 });
      const summary = page.getByTestId("network-summary");
      expect(await summary.getAttribute("data-nodes")).toBe(String(network.nodes.length));
      expect(await summary.getAttribute("data-edges")).toBe(String(network.edges.length));
      expect(await summary.getAttribute("data-edge-count")).toBe(String(network.edgeCount));
      // Wait for the force layout to settle, then click AMMC's node on the canvas.
      let position: [number, number] | null = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        const next = await page.evaluate(() => (globalThis as any).partnerGraphDashboard.nodePosition("ammc") as [number, number] | null);
        if (position && next && Math.hypot(next[0] - position[0], next[1] - position[1]) < 0.5) break;
        position = next;
        await page.waitForTimeout(200);
      }
      expect(position).not.toBeNull();
      // A real click selects the node the chart's hit test finds under the pointer. A neighbour's
      // symbol or label can lie over AMMC's centre, so the test asks which node that is first.
      await page.mouse.move(position![0], position![1]);
      await page.waitForFunction(() => (globalThis as any).partnerGraphDashboard.hovered !== null, undefined, { timeout: 5_000 });
      const hovered: string = await page.evaluate(() => (globalThis as any).partnerGraphDashboard.hovered);
      const nameOf = (slug: string) => network.nodes.find((node: any) => node.institution.slug === slug)?.institution.name;
      await page.mouse.click(position![0], position![1]);
      await page.getByTestId("network-programs").waitFor();
      expect(await page.getByTestId("network-selected").textContent()).toBe(nameOf(hovered));
      if (hovered !== "ammc") {
        await page.evaluate(() => (globalThis as any).partnerGraphDashboard.select("ammc"));
        await page.getByText("Almalyk Mining and Metallurgical Complex", { exact: true }).and(page.getByTestId("network-selected")).waitFor();
        await page.getByTestId("network-programs").waitFor();
      }
      expect(await page.getByTestId("network-selected").textContent()).toBe("Almalyk Mining and Metallurgical Complex");
      await page.screenshot({ path: artifactPath("dashboard-network.png") });

      // The institution's page: AMMC's partners, as the API lists them.
      await page.getByTestId("open-institution").click();
      await ready("institution");
      expect(page.url()).toContain("slug=ammc");
      const { enterprise } = await ask("DashboardInstitution", { slug: "ammc" });
      expect(await page.getByTestId("institution-name").textContent()).toBe("Almalyk Mining and Metallurgical Complex");
      expect(await tableColumn("partners", 0)).toEqual(enterprise.partners.map((p: any) => p.partner.name));
      expect((await tableColumn("partners", 3)).map(Number)).toEqual(enterprise.partners.map((p: any) => p.programCount));
      expect(await tableColumn("programs", 0)).toEqual(enterprise.programs.nodes.map((p: any) => p.title));
      await page.screenshot({ path: artifactPath("dashboard-institution.png"), fullPage: true });

      // Map: programs by partner country.
      await page.getByTestId("tab-map").click();
      await ready("map");
      const { programStats: byCountry } = await ask("DashboardProgramStats", { groupBy: "COUNTRY" });
      expect((await tableColumn("by-country", 1)).map(Number).sort()).toEqual(byCountry.filter((b: any) => b.key).map((b: any) => b.programCount).sort());
      await page.screenshot({ path: artifactPath("dashboard-map.png") });

      // Expiring agreements, each linking to its program.
      await page.getByTestId("tab-expiring").click();
      await ready("expiring");
      const { programs: expiring } = await ask("DashboardExpiring", { filter: { expiringWithinDays: 90 } });
      expect(expiring.totalCount).toBe(1);
      expect(await tableColumn("expiring", 1)).toEqual(expiring.nodes.map((p: any) => p.title));
      await page.screenshot({ path: artifactPath("dashboard-expiring.png") });
      await page.getByTestId("expiring-link").first().click();
      await ready("program");
      expect(await page.getByTestId("program-title").textContent()).toBe("Internship agreement ending soon");
      expect(await tableColumn("program-parties", 0)).toEqual(["Almalyk Mining and Metallurgical Complex", "Tashkent State Technical University, Almalyk branch"]);
      await page.screenshot({ path: artifactPath("dashboard-program.png") });

      // Filters live in the URL: memoranda only, bookmarked and reopened.
      await page.getByTestId("tab-overview").click();
      await ready("overview");
      await page.getByTestId("filter-kinds").selectOption("MEMORANDUM");
      await page.waitForURL(/kinds=MEMORANDUM/);
      await ready("overview");
      const memoranda = await ask("DashboardProgramStats", { groupBy: "KIND", filter: { kinds: ["MEMORANDUM"] } });
      expect((await tableColumn("by-kind", 1)).map(Number)).toEqual(memoranda.programStats.map((b: any) => b.programCount));
      await page.goto(page.url());
      await ready("overview");
      expect(await page.getByTestId("filter-kinds").inputValue()).toBe("MEMORANDUM");

      // Russian and Uzbek: labels, and institution names where the graph has them.
      await page.goto(`${origin}/dashboard?view=institution&slug=ammc`);
      await ready("institution");
      await page.getByTestId("lang-ru").click();
      await ready("institution");
      expect(page.url()).toContain("lang=ru");
      expect(await page.getByTestId("institution-name").textContent()).toBe("Алмалыкский горно-металлургический комбинат");
      expect(await page.getByTestId("tab-network").textContent()).toBe("Сеть");
      await page.screenshot({ path: artifactPath("dashboard-institution-ru.png"), fullPage: true });
      await page.getByTestId("lang-uz").click();
      await ready("institution");
      expect(await page.getByTestId("tab-network").textContent()).toBe("Tarmoq");

      const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
      expect(elsewhere, "requests to hosts other than the gateway").toEqual([]);
      expect(problems, "console errors (a Content-Security-Policy violation shows up here)").toEqual([]);
      console.log(`dashboard: first view in ${firstView} ms (the bundle was built by the first request)`);
    } catch (error) {
      await page.screenshot({ path: artifactPath("dashboard-failure.png") }).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });
});
