/**
 * Headless Chromium for browser tests: Debian's package (`.ci/run` installs
 * it when missing) driven by playwright-core, with a throwaway profile and
 * Chromium's own background traffic switched off, so every request seen comes
 * from the page under test.
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
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (.ci/run does).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "partnergraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
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

/** Where tests put files a person may want to look at (screenshots); git-ignored. */
export function artifactPath(name: string): string {
  fs.mkdirSync("test-artifacts", { recursive: true });
  return path.resolve("test-artifacts", name);
}
