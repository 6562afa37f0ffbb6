/**
 * The explorer's browser code: graphiql, React and the Monaco editor with its
 * web workers, bundled by esbuild from the installed npm packages into memory
 * the first time someone opens the explorer (about two seconds), then served
 * from memory. Nothing comes from a CDN, so the explorer works on networks
 * without internet access, and nothing is written to disk, so `npm ci` is all
 * a fresh clone or a container needs.
 */
import { BROWSER_BUILD_DEFINES } from "../../shared/config";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Logger } from "../../shared/logger";
import type { WorkerName } from "./page-config";

export interface Asset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

export interface GraphiQLAssets {
  /** Every file by name; names carry a content hash, so browsers may cache them for good. */
  files: Map<string, Asset>;
  script: string;
  stylesheet: string;
  workers: Record<WorkerName, string>;
}

const APP_ENTRY = fileURLToPath(new URL("./browser/main.tsx", import.meta.url));

// The workers must come from the very copy of monaco-editor that @graphiql/react
// loads, so they are resolved from there rather than from the project root.
const requireHere = createRequire(import.meta.url);
const fromGraphiqlReact = createRequire(requireHere.resolve("@graphiql/react"));
const WORKER_ENTRIES: Record<WorkerName, string> = {
  editor: fromGraphiqlReact.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
  json: fromGraphiqlReact.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
  graphql: fromGraphiqlReact.resolve("monaco-graphql/esm/graphql.worker.js"),
};

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  ttf: "font/ttf",
};


let bundled: Promise<GraphiQLAssets> | undefined;

/** Bundles once per process; every gateway in it shares the result. A failed build is retried on the next call. */
export function graphiqlAssets(logger: Logger): Promise<GraphiQLAssets> {
  bundled ??= bundle(logger).catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

async function bundle(logger: Logger): Promise<GraphiQLAssets> {
  const started = performance.now();
  // Loaded here, not at the top: a gateway with GRAPHIQL=off never needs esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: {
      app: APP_ENTRY,
      ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, file]) => [`${name}.worker`, file])),
    },
    bundle: true,
    write: false,
    outdir: "/graphiql-assets",
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    // Classic scripts: the page loads the app with <script defer>, Monaco starts workers with new Worker(url).
    format: "iife",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minify: true,
    loader: { ".ttf": "file" },
    define: BROWSER_BUILD_DEFINES,
    logLevel: "silent",
  });

  const files = new Map<string, Asset>();
  for (const output of result.outputFiles) {
    const name = output.path.slice(output.path.lastIndexOf("/") + 1);
    const extension = name.slice(name.lastIndexOf(".") + 1);
    const body = Buffer.from(output.contents.buffer, output.contents.byteOffset, output.contents.byteLength);
    files.set(name, { contentType: CONTENT_TYPES[extension] ?? "application/octet-stream", body, gzipped: gzipSync(body) });
  }
  const named = (prefix: string, extension: string) => {
    const name = [...files.keys()].find((file) => file.startsWith(`${prefix}-`) && file.endsWith(`.${extension}`));
    if (!name) throw new Error(`esbuild produced no ${prefix}-*.${extension}`);
    return name;
  };
  const assets: GraphiQLAssets = {
    files,
    script: named("app", "js"),
    stylesheet: named("app", "css"),
    workers: { editor: named("editor.worker", "js"), json: named("json.worker", "js"), graphql: named("graphql.worker", "js") },
  };
  const bytes = [...files.values()].reduce((sum, file) => sum + file.body.length, 0);
  logger.info({ ms: Math.round(performance.now() - started), files: files.size, bytes }, "bundled the GraphiQL explorer");
  return assets;
}
