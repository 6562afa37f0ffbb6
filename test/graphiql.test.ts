/**
 * The GraphiQL explorer analysts use: served by the gateway from its own
 * assets (no CDN), opened from /graphql or /graphiql, with example operations
 * that run against the article data. The browser test drives headless
 * Chromium through the UI and checks the page never asks another host.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExamples } from "../gateway/graphiql/examples";
import { artifactPath, launchBrowser } from "./support/browser";
import { graphqlData } from "./support/graphql";
import { startTestStack, type TestStack } from "./support/stack";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

let stack: TestStack;
let origin: string;
beforeAll(async () => {
  stack = await startTestStack();
  origin = new URL(stack.gatewayUrl).origin;
});
afterAll(() => stack?.stop());

describe("the explorer's page and /graphql", () => {
  it("opens at /graphql for a browser and at /graphiql, locked to the gateway's own origin", async () => {
    for (const path of ["/graphql", "/graphiql"]) {
      const response = await fetch(`${origin}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = response.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      const html = await response.text();
      expect(html).toContain("PartnerGraph explorer");
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it("serves every asset the page names, compressed, from memory", async () => {
    const html = await (await fetch(`${origin}/graphiql`)).text();
    const config = JSON.parse(html.match(/<script id="graphiql-config" type="application\/json">(.*?)<\/script>/s)![1]);
    const assets = [...html.matchAll(/(?:href|src)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    assets.push(...(Object.values(config.workers) as string[]));
    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset}`, { headers: { "accept-encoding": "gzip" } });
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("content-type")).toMatch(asset.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(response.headers.get("cache-control")).toContain("immutable");
    }
    expect((await fetch(`${origin}/graphiql/assets/nothing-here.js`)).status).toBe(404);
  });

  it("leaves GraphQL over GET and non-browser requests to /graphql as they were", async () => {
    const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    const plain = await fetch(stack.gatewayUrl, { headers: { accept: "application/json" } });
    expect(plain.headers.get("content-type")).not.toMatch(/text\/html/);
  });

  it("answers an operation name the document lacks as the client's mistake, not an internal error", async () => {
    // GraphiQL sends the previous operation's name when run within moments of switching the editor's contents.
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Search { __typename }", operationName: "Partners" }),
    });
    const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors).toEqual([{ message: 'Unknown operation named "Partners".', extensions: { code: "INVALID_GRAPHQL" } }]);
  });
});

/**
 * Lists the seed data leaves empty, per example: any other empty list in an
 * example's answer means the example no longer shows what it describes.
 */
const EMPTY_IN_THE_ARTICLE_DATA: Record<string, string[]> = {
  // TashSTU's departments are its branches' (the Almalyk branch's), none directly its own.
  "05-branches-and-departments-of-a-university.graphql": ["university.departments"],
  // The article agreements have no end date yet (the example says so).
  "07-agreements-in-force-and-expiring.graphql": ["expiring.nodes"],
};

/** The paths (list items as []) of every empty list in an answer. */
function emptyLists(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path.join(".")] : value.flatMap((item) => emptyLists(item, [...path, "[]"]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => emptyLists(item, [...path, key]));
  return [];
}

describe("the example operations", () => {
  const examples = loadExamples();

  it("cover the questions analysts start from", () => {
    expect(examples.map((example) => example.title)).toEqual(
      expect.arrayContaining([
        "Partners of an enterprise",
        "From a plant to its partner universities",
        "Search enterprises and universities by name",
        "Programs of a kind",
        "Branches and departments of a university",
        "Sync an institution's programs, page by page",
        "Agreements in force, and those about to expire",
        "Cooperation network",
        "Program statistics by year",
      ]),
    );
    for (const example of examples) expect(example.description, example.file).not.toBe("");
  });

  it.each(examples.map((example) => [example.file, example] as const))("%s runs against the article data without errors", async (_file, example) => {
    const data = await graphqlData(stack.gatewayUrl, example.query, example.variables ? JSON.parse(example.variables) : undefined);
    for (const [field, value] of Object.entries(data)) expect(value, `${example.file}: ${field}`).not.toBeNull();
    expect([...new Set(emptyLists(data))], `${example.file}: empty lists`).toEqual(EMPTY_IN_THE_ARTICLE_DATA[example.file] ?? []);
  });
});

describe("GraphiQL in a browser", () => {
  it("runs an example through the UI, explains the schema, and asks no host but the gateway", async () => {
    const browser = await launchBrowser();
    const requested: string[] = [];
    const problems: string[] = [];
    browser.context.on("request", (request) => requested.push(request.url()));
    browser.page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    browser.page.on("pageerror", (error) => problems.push(error.message));
    try {
      const { page } = browser;
      await page.goto(stack.gatewayUrl);

      // A first visit opens the examples as tabs; the first asks for AMMC's partners.
      const operationEditor = page.locator(".graphiql-query-editor");
      await operationEditor.getByText("PartnersOfAnEnterprise").first().waitFor();
      await page.locator(".graphiql-editor-tool").getByText('"ammc"').waitFor();
      await page.locator(".graphiql-execute-button").click();
      const response = page.locator(".graphiql-response");
      await response.getByText('"Almalyk Mining and Metallurgical Complex"').waitFor();
      await response.getByText('"University of Geological Sciences"').waitFor();

      // The documentation explorer shows the schema's descriptions (introspection through the gateway).
      await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
      const docs = page.locator(".graphiql-doc-explorer");
      await docs.getByRole("link", { name: "Query", exact: true }).click();
      await docs.getByText("Where every read starts").waitFor();
      await page.screenshot({ path: artifactPath("graphiql.png") });

      // The Examples pane opens any example in a new tab; run the search from there.
      await page.getByRole("button", { name: "Show Examples" }).click();
      const pane = page.locator(".partnergraph-examples");
      for (const example of loadExamples()) await pane.getByRole("button", { name: example.title, exact: true }).waitFor();
      await pane.getByRole("button", { name: "Search enterprises and universities by name" }).click();
      await operationEditor.getByText("SearchByName").first().waitFor();
      await page.locator(".graphiql-execute-button").click();
      await response.getByText('"Алмалыкский горно-металлургический комбинат"').waitFor();
      await page.screenshot({ path: artifactPath("graphiql-examples.png") });

      const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
      expect(elsewhere, "requests to hosts other than the gateway").toEqual([]);
      expect(requested.some((url) => url.includes("/graphiql/assets/graphql.worker-")), "Monaco's GraphQL worker came from the gateway").toBe(true);
      expect(problems, "console errors (a Content-Security-Policy violation shows up here)").toEqual([]);
    } catch (error) {
      await browser.page.screenshot({ path: artifactPath("graphiql-failure.png") }).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });
});
