/**
 * README, Distributed mode: "docker-compose.yml and the Dockerfile describe
 * exactly this topology". No Docker engine runs here, so the image is read
 * instruction by instruction: every COPY source must exist in the repository
 * (a build would stop at the first missing one), and every command the image
 * or a compose service runs must be an npm script whose entry file exists.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const packageJson = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The Dockerfile's instructions, with line continuations joined and comments dropped. */
function instructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

/** A JSON-array (exec form) or shell-form command as its words. */
function words(args: string): string[] {
  return args.startsWith("[") ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

/** `npm run <script> ...` or `npm start`: the script must exist and name a file that exists. */
function expectRunnableNpmCommand(command: string[], where: string): void {
  expect(command[0], `${where} runs npm`).toBe("npm");
  const script = command[1] === "run" ? command[2] : command[1];
  const line = packageJson.scripts[script];
  expect(line, `${where}: package.json has a "${script}" script`).toBeDefined();
  const entry = line.split(/\s+/).find((part) => /\.[cm]?[jt]s$/.test(part));
  expect(entry, `${where}: "${script}" names an entry file`).toBeDefined();
  expect(fs.existsSync(entry!), `${where}: ${entry} exists`).toBe(true);
}

const dockerfile = instructions(fs.readFileSync("Dockerfile", "utf8"));

/** The npm script a command runs (`npm run <script> ...` or `npm start`). */
const scriptOf = (command: string[]) => packageJson.scripts[command[1] === "run" ? command[2] : command[1]];

/** A bare specifier's package: `pg`, `@apollo/server` (from `@apollo/server/standalone`). */
const packageOf = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/**
 * The packages the code reachable from these files loads at run time: imports that are not `import type`
 * (erased by tsx), dynamic imports, and source files named by `new URL("./...", import.meta.url)` (the
 * browser code esbuild bundles from node_modules when a page is first opened) with what they import in turn.
 */
function packagesImportedFrom(entries: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const resolveFile = (from: string, specifier: string): string | undefined => {
    const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ""));
    return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  };
  const visit = (file: string) => {
    if (seen.has(file) || !/\.[cm]?[jt]sx?$/.test(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    const specifiers = [
      ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+["']([^"']+)["']/gm)].map((m) => m[1]),
      ...[...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((m) => m[1]),
      ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]),
      ...[...text.matchAll(/new URL\(\s*["'](\.[^"']+\.tsx?)["'],\s*import\.meta\.url\s*\)/g)].map((m) => m[1]),
    ];
    // import(`./${name}/index.ts`): every file the template can name (subgraphs/index.ts loads each subgraph so).
    for (const [, template] of text.matchAll(/\bimport\(\s*`(\.[^`]*)`\s*\)/g)) {
      const directory = path.resolve(path.dirname(file), template.slice(0, template.indexOf("${")).replace(/[^/]*$/, ""));
      const pattern = new RegExp(`^${path.resolve(path.dirname(file), template).replace(/[.*+?^()|[\]\\]/g, "\\$&").replace(/\$\{[^}]*\}/g, "[^/]+")}$`);
      for (const candidate of fs.readdirSync(directory, { recursive: true }).map((entry) => path.join(directory, String(entry)))) {
        if (pattern.test(candidate)) visit(candidate);
      }
    }
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) {
        const target = resolveFile(file, specifier);
        if (target) visit(target);
      } else if (!specifier.startsWith("node:") && !builtinModules.includes(packageOf(specifier))) {
        if (!packages.has(packageOf(specifier))) packages.set(packageOf(specifier), path.relative(".", file));
      }
    }
  };
  for (const entry of entries) visit(path.resolve(entry));
  return packages;
}

describe("the Dockerfile describes a working image", () => {
  it("copies only sources that exist in the repository", () => {
    const copies = dockerfile.filter((i) => i.keyword === "COPY" && !i.args.startsWith("--from"));
    expect(copies.length).toBeGreaterThan(0);
    const sources = copies.flatMap((copy) => {
      const parts = words(copy.args).filter((part) => !part.startsWith("--"));
      return parts.slice(0, -1);
    });
    expect(sources.length).toBeGreaterThanOrEqual(copies.length);
    for (const source of sources) expect(fs.existsSync(source), `COPY ${source}: exists in the repository`).toBe(true);
  });

  it("copies every file an entry point imports at run time", () => {
    // What `npm run start:*` loads: the scripts, the code they import, the supergraph and the TypeScript settings tsx reads.
    const copied = new Set(dockerfile.filter((i) => i.keyword === "COPY").flatMap((copy) => words(copy.args).slice(0, -1)));
    for (const needed of ["package.json", "package-lock.json", "tsconfig.json", "supergraph.graphql", "shared", "gateway", "subgraphs", "scripts"]) {
      expect(copied.has(needed), `the image has ${needed}`).toBe(true);
    }
  });

  it("installs every package its commands load at run time (npm ci --omit=dev keeps only dependencies)", () => {
    const install = dockerfile.find((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args));
    expect(install, "the image runs npm ci").toBeDefined();
    const installed = new Set(Object.keys(packageJson.dependencies).concat(/--omit[= ]dev\b/.test(install!.args) ? [] : Object.keys(packageJson.devDependencies)));
    const compose = parse(fs.readFileSync("docker-compose.yml", "utf8"), { merge: true }) as { services: Record<string, { command?: string[] | string; build?: string }> };
    const commands = [
      words(dockerfile.find((i) => i.keyword === "CMD")!.args),
      ...Object.values(compose.services).filter((service) => service.build && service.command).map((service) => (typeof service.command === "string" ? service.command.split(/\s+/) : service.command!)),
    ];
    const scripts = commands.map(scriptOf).filter((line): line is string => line !== undefined);
    // The script's own runner too: `node --import tsx <file>`, `tsx <file>`.
    const runners = scripts.flatMap((line) => line.split(/\s+/).filter((word, i, all) => (i === 0 && word !== "node") || all[i - 1] === "--import"));
    const entries = scripts.map((line) => line.split(/\s+/).find((part) => /\.[cm]?[jt]s$/.test(part))!).filter(Boolean);
    expect(entries.length).toBeGreaterThan(1);
    const needed = packagesImportedFrom(entries);
    for (const runner of runners) needed.set(packageOf(runner), `package.json scripts (${runner})`);
    expect(needed.size, "packages found (the scan sees the imports)").toBeGreaterThan(10);
    const missing = [...needed].filter(([name]) => !installed.has(name)).map(([name, where]) => `${name} (imported by ${where})`);
    expect(missing, "loaded at run time but not installed in the image").toEqual([]);
  });

  it("starts with a package script that exists", () => {
    const cmd = dockerfile.filter((i) => i.keyword === "CMD");
    expect(cmd).toHaveLength(1);
    expectRunnableNpmCommand(words(cmd[0].args), "Dockerfile CMD");
  });
});

describe("docker-compose.yml runs commands the image has", () => {
  const compose = parse(fs.readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
    services: Record<string, { command?: string[] | string; build?: string; image?: string }>;
  };
  const built = Object.entries(compose.services).filter(([, service]) => service.build);

  it("builds every service but PostgreSQL from this Dockerfile", () => {
    expect(built.length).toBeGreaterThan(1);
    for (const [, service] of built) expect(service.build).toBe(".");
  });

  it("gives each built service an npm script that exists (or the image's CMD)", () => {
    for (const [name, service] of built) {
      const command = service.command ?? words(dockerfile.find((i) => i.keyword === "CMD")!.args);
      expectRunnableNpmCommand(typeof command === "string" ? command.split(/\s+/) : command, `service ${name}`);
    }
  });
});
