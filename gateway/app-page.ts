/**
 * The HTML shell of the pages the gateway serves (GraphiQL, the dashboard):
 * the bundled stylesheet and script from the gateway itself, the page's
 * configuration as JSON the script reads, and a line shown until it starts.
 */
export interface AppPage {
  title: string;
  assetsPath: string;
  stylesheet: string;
  script: string;
  /** Id of the <script type="application/json"> element holding `config`. */
  configElementId: string;
  config: unknown;
  /** Id of the element the app renders into, and what it says until then. */
  rootId: string;
  loading: string;
}

export function renderAppPage(page: AppPage): string {
  // JSON inside <script> must not contain "</script>"; escaping every "<" is enough.
  const json = JSON.stringify(page.config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${page.assetsPath}/${page.stylesheet}">
<script id="${page.configElementId}" type="application/json">${json}</script>
<script defer src="${page.assetsPath}/${page.script}"></script>
</head>
<body>
<div id="${page.rootId}">${page.loading}</div>
</body>
</html>
`;
}
