/**
 * Headless Chromium for browser tests, from npm: `@sparticuz/chromium` ships
 * a headless Chromium inside the package, so `npm ci && npm test` needs no
 * system browser. playwright-core drives it with a throwaway profile and
 * Chromium's own background traffic switched off, so every request seen comes
 * from the page under test.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import sparticuz from "@sparticuz/chromium";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export interface Browser {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

// The package's flags for a sandbox-less headless shell, minus those that would weaken what the
// tests check (same-origin rules, mixed content) and its own --headless (Playwright adds that).
const WEAKENING = new Set(["--disable-web-security", "--allow-running-insecure-content", "--headless='shell'"]);
const QUIET = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function chromiumArgs(): string[] {
  return [...sparticuz.args.filter((arg) => !WEAKENING.has(arg)), ...QUIET];
}

/**
 * The package's binary, unpacked once per version into a folder of its own under the temp
 * directory. It unpacks into os.tmpdir() itself, so a child process does it with TMPDIR pointing at
 * a fresh staging folder, which is renamed into place: test files (or checkouts) starting together
 * never run a half-written binary.
 */
export function chromiumExecutable(): string {
  const require = createRequire(import.meta.url);
  const packageFolder = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "../..");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageFolder, "package.json"), "utf8")) as { version: string };
  const folder = path.join(os.tmpdir(), `partnergraph-chromium-${version}`);
  const binary = path.join(folder, "chromium");
  if (fs.existsSync(binary)) return binary;
  const staging = fs.mkdtempSync(`${folder}-unpacking-`);
  try {
    execFileSync(process.execPath, ["--input-type=module", "-e", "import c from '@sparticuz/chromium'; await c.executablePath();"], {
      env: { ...process.env, TMPDIR: staging },
      cwd: packageFolder,
      stdio: ["ignore", "ignore", "inherit"],
    });
    fs.renameSync(staging, folder);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(binary)) throw error; // otherwise another process unpacked it first
  }
  return binary;
}

export async function launchBrowser(viewport = { width: 1600, height: 1000 }): Promise<Browser> {
  const executablePath = chromiumExecutable();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "partnergraph-chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: chromiumArgs(),
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
