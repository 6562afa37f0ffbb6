/**
 * The HTML page that starts GraphiQL. Scripts, styles, fonts and workers
 * come from the gateway itself, and the Content-Security-Policy lets the
 * browser fetch from nowhere else, so the explorer never reaches for the
 * internet (the browser test checks both).
 */
import { CONFIG_ELEMENT_ID, type GraphiQLPageConfig } from "./page-config";
import { pageHeaders } from "../page-headers";

export const ASSETS_PATH = "/graphiql/assets";

export const PAGE_HEADERS = pageHeaders({ workers: true, fonts: true });

export function renderPage(config: GraphiQLPageConfig, assets: { script: string; stylesheet: string }): string {
  // JSON inside <script> must not contain "</script>"; escaping every "<" is enough.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PartnerGraph explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}/${assets.stylesheet}">
<script id="${CONFIG_ELEMENT_ID}" type="application/json">${json}</script>
<script defer src="${ASSETS_PATH}/${assets.script}"></script>
</head>
<body>
<div id="graphiql">Loading the PartnerGraph explorer…</div>
</body>
</html>
`;
}
