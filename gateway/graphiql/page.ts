/**
 * The HTML page that starts GraphiQL. Scripts, styles, fonts and workers
 * come from the gateway itself, and the Content-Security-Policy lets the
 * browser fetch from nowhere else, so the explorer never reaches for the
 * internet (the browser test checks both).
 */
import { CONFIG_ELEMENT_ID, type GraphiQLPageConfig } from "./page-config";
import { renderAppPage } from "../app-page";
import { pageHeaders } from "../page-headers";

export const ASSETS_PATH = "/graphiql/assets";

export const PAGE_HEADERS = pageHeaders({ workers: true, fonts: true });

export function renderPage(config: GraphiQLPageConfig, assets: { script: string; stylesheet: string }): string {
  return renderAppPage({
    title: "PartnerGraph explorer",
    assetsPath: ASSETS_PATH,
    ...assets,
    configElementId: CONFIG_ELEMENT_ID,
    config,
    rootId: "graphiql",
    loading: "Loading the PartnerGraph explorer…",
  });
}
