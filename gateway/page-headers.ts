/**
 * Headers of the pages the gateway serves (GraphiQL, the dashboard): a
 * Content-Security-Policy that lets a page load only the gateway's own
 * bundled assets and talk only to the gateway, and no caching of the page
 * itself (it names the current asset files; always ask for it afresh).
 * Styles allow 'unsafe-inline': Monaco adds <style> elements and ECharts
 * positions tooltips with inline styles at run time.
 */
export function pageHeaders(needs: { workers?: boolean; fonts?: boolean } = {}): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": [
      "default-src 'none'",
      "script-src 'self'",
      ...(needs.workers ? ["worker-src 'self'"] : []),
      "connect-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      ...(needs.fonts ? ["font-src 'self' data:"] : []),
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-cache",
  };
}
