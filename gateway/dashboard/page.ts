/**
 * The dashboard page and its routes: /dashboard, `/` for a browser, the
 * bundled assets, and /dashboard/operations.json (the persisted documents:
 * ids, names, variables) for whoever configures a Grafana panel or a BI
 * tool. The Content-Security-Policy lets the page fetch from the gateway
 * only and start workers from its own bundle only (the network's layout);
 * the page runs no inline script.
 */
import { fileURLToPath } from "node:url";
import type { Express, RequestHandler, Response } from "express";
import countries from "i18n-iso-countries";
import type { Logger } from "../../shared/logger";
import { assetRoute, bundleBrowserCode, bundledFile, type Asset } from "../browser-bundle";
import type { DashboardOperations } from "./operations";
import { DASHBOARD_CONFIG_ELEMENT_ID, type DashboardPageConfig } from "./page-config";
import { pageHeaders } from "../page-headers";
import { renderAppPage } from "../app-page";

export const DASHBOARD_PATH = "/dashboard";
const ASSETS_PATH = "/dashboard/assets";
const ENTRY = fileURLToPath(new URL("./browser/main.ts", import.meta.url));
const LAYOUT_WORKER = fileURLToPath(new URL("./browser/layout-worker.ts", import.meta.url));

const PAGE_HEADERS = pageHeaders({ workers: true });

let bundled: Promise<Map<string, Asset>> | undefined;

/** Bundled once per process; a failed build is tried again on the next request. */
function dashboardAssets(logger: Logger): Promise<Map<string, Asset>> {
  bundled ??= bundleBrowserCode("dashboard", { app: ENTRY, layout: LAYOUT_WORKER }, logger).catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

/** world-atlas names countries by their ISO 3166-1 numeric code, the graph by alpha-2. */
function numericToAlpha2(): Record<string, string> {
  return Object.fromEntries(Object.entries(countries.getNumericCodes()).map(([numeric, alpha2]) => [numeric, alpha2]));
}

export function renderDashboardPage(config: Omit<DashboardPageConfig, "layoutWorkerUrl">, files: Map<string, Asset>): string {
  return renderAppPage({
    title: "PartnerGraph dashboard",
    assetsPath: ASSETS_PATH,
    stylesheet: bundledFile(files, "app", "css"),
    script: bundledFile(files, "app", "js"),
    configElementId: DASHBOARD_CONFIG_ELEMENT_ID,
    config: { ...config, layoutWorkerUrl: `${ASSETS_PATH}/${bundledFile(files, "layout", "js")}` } satisfies DashboardPageConfig,
    rootId: "dashboard",
    loading: "Loading the PartnerGraph dashboard…",
  });
}

export function dashboardPageRoutes(app: Express, operations: DashboardOperations, logger: Logger): void {
  const unavailable = (res: Response, error: unknown) => {
    logger.error({ err: error }, "the dashboard could not be served");
    res.status(500).type("text/plain").send("The dashboard is not available; the gateway log says why.");
  };
  const config: Omit<DashboardPageConfig, "layoutWorkerUrl"> = {
    graphqlUrl: "/graphql",
    operations: Object.fromEntries([...operations.values()].map((operation) => [operation.name, operation.id])),
    countryCodes: numericToAlpha2(),
    exportPath: "/export",
  };
  const page: RequestHandler = async (_req, res) => {
    try {
      res.status(200).set(PAGE_HEADERS).send(renderDashboardPage(config, await dashboardAssets(logger)));
    } catch (error) {
      unavailable(res, error);
    }
  };
  app.get(DASHBOARD_PATH, page);
  // The root is for people: a browser gets the dashboard; anything else goes on as before.
  app.get("/", (req, res, next) => (req.accepts(["application/json", "text/html"]) === "text/html" ? page(req, res, next) : next()));
  app.get(`${ASSETS_PATH}/:file`, assetRoute(() => dashboardAssets(logger), unavailable));
  app.get(`${DASHBOARD_PATH}/operations.json`, (_req, res) => {
    res.json(
      [...operations.values()].map(({ id, name, file, title, description, variables }) => ({
        id,
        name,
        file,
        title,
        description,
        variables: variables ? JSON.parse(variables) : {},
        url: `/graphql?documentId=${id}`,
      })),
    );
  });
}
