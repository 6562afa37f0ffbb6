/**
 * Headless Chromium for browser tests: Debian's package when installed,
 * otherwise the build shipped in the `@sparticuz/chromium` npm package (so
 * `npm ci && npm test` needs no system browser), driven by playwright-core,
 * with a throwaway profile and Chromium's own background traffic switched
 * off, so every request seen comes from the page under test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export interface Browser {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1600, height: 1000 }): Promise<Browser> {
  const { executablePath, packagedArgs } = await chromiumExecutable();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "partnergraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: [
      ...packagedArgs,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium if present, else the npm package's (unpacked to /tmp on first use) with the flags it needs. */
async function chromiumExecutable(): Promise<{ executablePath: string; packagedArgs: string[] }> {
  if (fs.existsSync(CHROMIUM_PATH)) return { executablePath: CHROMIUM_PATH, packagedArgs: [] };
  const { default: packaged } = await import("@sparticuz/chromium");
  // Its own --headless flag would fight playwright's; playwright sets headless itself.
  return { executablePath: await packaged.executablePath(), packagedArgs: packaged.args.filter((arg) => !arg.startsWith("--headless")) };
}

/** Where tests put files a person may want to look at (screenshots); git-ignored. */
export function artifactPath(name: string): string {
  fs.mkdirSync("test-artifacts", { recursive: true });
  return path.resolve("test-artifacts", name);
}
