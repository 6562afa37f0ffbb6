/**
 * Browser code bundled by esbuild from the installed npm packages into
 * memory, once per process on first use, then served from memory with
 * content-hashed names (cacheable for good). Nothing comes from a CDN and
 * nothing is written to disk. The GraphiQL explorer and the dashboard use it.
 */
import { BROWSER_BUILD_DEFINES } from "../shared/config";
import { gzipSync } from "node:zlib";
import type { RequestHandler } from "express";
import type { Logger } from "../shared/logger";

export interface Asset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  ttf: "font/ttf",
  json: "application/json",
};

export async function bundleBrowserCode(name: string, entryPoints: Record<string, string>, logger: Logger): Promise<Map<string, Asset>> {
  const started = performance.now();
  // Loaded here, not at the top: a gateway whose pages are switched off never needs esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints,
    bundle: true,
    write: false,
    outdir: `/${name}-assets`,
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
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
    const file = output.path.slice(output.path.lastIndexOf("/") + 1);
    const extension = file.slice(file.lastIndexOf(".") + 1);
    const body = Buffer.from(output.contents.buffer, output.contents.byteOffset, output.contents.byteLength);
    files.set(file, { contentType: CONTENT_TYPES[extension] ?? "application/octet-stream", body, gzipped: gzipSync(body) });
  }
  const bytes = [...files.values()].reduce((sum, file) => sum + file.body.length, 0);
  logger.info({ ms: Math.round(performance.now() - started), files: files.size, bytes }, `bundled the ${name}`);
  return files;
}

/** The bundle's file named `<prefix>-<hash>.<extension>`. */
export function bundledFile(files: Map<string, Asset>, prefix: string, extension: string): string {
  const file = [...files.keys()].find((candidate) => candidate.startsWith(`${prefix}-`) && candidate.endsWith(`.${extension}`));
  if (!file) throw new Error(`esbuild produced no ${prefix}-*.${extension}`);
  return file;
}

/** Serves `:file` from the bundle, gzipped when the client accepts it. */
export function assetRoute(files: () => Promise<Map<string, Asset>>, unavailable: (res: Parameters<RequestHandler>[1], error: unknown) => void): RequestHandler {
  return async (req, res) => {
    try {
      const asset = (await files()).get(req.params.file as string);
      if (!asset) {
        res.status(404).type("text/plain").send("Not found");
        return;
      }
      const gzip = Boolean(req.acceptsEncodings("gzip"));
      res
        .status(200)
        .set({
          "content-type": asset.contentType,
          "cache-control": "public, max-age=31536000, immutable",
          "x-content-type-options": "nosniff",
          vary: "Accept-Encoding",
          ...(gzip ? { "content-encoding": "gzip" } : {}),
        })
        .send(gzip ? asset.gzipped : asset.body);
    } catch (error) {
      unavailable(res, error);
    }
  };
}
