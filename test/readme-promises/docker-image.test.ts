/**
 * README, Distributed mode: "docker-compose.yml and the Dockerfile describe
 * exactly this topology". No Docker engine runs here, so the image is read
 * instruction by instruction: every COPY source must exist in the repository
 * (a build would stop at the first missing one), and every command the image
 * or a compose service runs must be an npm script whose entry file exists.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const packageJson = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

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
