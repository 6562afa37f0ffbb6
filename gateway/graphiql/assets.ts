/**
 * The explorer's browser code: graphiql, React and the Monaco editor with its
 * web workers, bundled by esbuild from the installed npm packages into memory
 * the first time someone opens the explorer (about two seconds), then served
 * from memory. Nothing comes from a CDN, so the explorer works on networks
 * without internet access, and nothing is written to disk, so `npm ci` is all
 * a fresh clone or a container needs.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Logger } from "../../shared/logger";
import { bundleBrowserCode, bundledFile, type Asset } from "../browser-bundle";
import type { WorkerName } from "./page-config";

export type { Asset };

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
  // Classic scripts: the page loads the app with <script defer>, Monaco starts workers with new Worker(url).
  const files = await bundleBrowserCode(
    "GraphiQL explorer",
    { app: APP_ENTRY, ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, file]) => [`${name}.worker`, file])) },
    logger,
  );
  const named = (prefix: string, extension: string) => bundledFile(files, prefix, extension);
  return {
    files,
    script: named("app", "js"),
    stylesheet: named("app", "css"),
    workers: { editor: named("editor.worker", "js"), json: named("json.worker", "js"), graphql: named("graphql.worker", "js") },
  };
}
