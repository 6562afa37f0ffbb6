/**
 * No Docker engine runs here, so docker-compose.yml and the Dockerfile are
 * kept true by reading them against the code: the services it starts, the
 * commands that start them and the environment variables the code reads.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVIRONMENT_VARIABLES, SUBGRAPH_NAMES, readConfig, subgraphVariable, type SubgraphName } from "../shared/config";
import { subgraphRoles } from "../shared/database/provision";
import { subgraphEntry } from "../shared/subgraph/registry";

const compose = parse(fs.readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; expose?: string[]; ports?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; build?: string; image?: string; restart?: string }>;
};
const packageJson = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
const services = compose.services;

function scriptFile(script: string): string {
  const command = packageJson.scripts[script];
  expect(command, `package.json has no "${script}" script`).toBeDefined();
  const file = command.split(" ").find((part) => part.endsWith(".ts"))!;
  expect(fs.existsSync(file), `${file} (npm run ${script}) exists`).toBe(true);
  return file;
}

const postgresEnv = services.postgres.environment!;
const adminDatabaseUrl = `postgres://${postgresEnv.POSTGRES_USER}:${postgresEnv.POSTGRES_PASSWORD}@postgres:5432/${postgresEnv.POSTGRES_DB}`;
const databaseUrlVariable = (name: SubgraphName) => subgraphVariable(name, "DATABASE_URL");

describe("docker-compose.yml", () => {
  it("has PostgreSQL, the provisioning step, every subgraph and the gateway, nothing else", () => {
    expect(Object.keys(services).sort()).toEqual([...SUBGRAPH_NAMES, "gateway", "postgres", "provision"].sort());
    expect(services.postgres.image).toMatch(/^postgres:\d+/);
  });

  it("provisions a role per subgraph once, as the admin, with the connection strings the subgraphs use", () => {
    const provision = services.provision;
    expect(provision.command).toEqual(["npm", "run", "provision"]);
    scriptFile("provision");
    expect(provision.restart).toBe("no");
    expect(provision.depends_on?.postgres?.condition).toBe("service_healthy");
    const env = provision.environment!;
    expect(env.DATABASE_URL).toBe(adminDatabaseUrl);
    for (const name of SUBGRAPH_NAMES) {
      expect(env[databaseUrlVariable(name)], name).toBe(services[name].environment![databaseUrlVariable(name)]);
    }
    // The same checks `npm run provision` makes first: a role of its own per subgraph, with a password.
    const config = readConfig(env);
    expect(() => subgraphRoles(env.DATABASE_URL, config.databaseUrls)).not.toThrow();
  });

  it("sets only environment variables the code reads", () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === "postgres") continue;
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(Object.keys(ENVIRONMENT_VARIABLES), `${name} sets ${variable}`).toContain(variable);
      }
      // What the service gets must also parse: a typo in a port or choice fails here, not in production.
      expect(() => readConfig(service.environment)).not.toThrow();
    }
  });

  describe.each(SUBGRAPH_NAMES)("the %s service", (name) => {
    const service = services[name];
    const env = service.environment!;
    const port = readConfig(env).subgraphPorts[name];

    it("starts that subgraph through its npm script", () => {
      expect(service.command).toEqual(["npm", "run", "start:subgraph", "--", name]);
      scriptFile("start:subgraph");
      expect(fs.existsSync(`subgraphs/${name}/index.ts`)).toBe(true);
    });

    it("reaches PostgreSQL as its own role only, after provisioning, listens on all interfaces and reports readiness", () => {
      expect(env.DATABASE_URL, "no admin connection string reaches a subgraph").toBeUndefined();
      const url = new URL(env[databaseUrlVariable(name)]);
      expect(url.host).toBe("postgres:5432");
      expect(url.username).toBe(`partnergraph_${name}`);
      expect(service.depends_on?.provision?.condition).toBe("service_completed_successfully");
      expect(env.HOST).toBe("0.0.0.0");
      expect(service.expose).toEqual([String(port)]);
      expect(service.healthcheck!.test.join(" ")).toContain(`http://localhost:${port}/ready`);
    });
  });

  it("gives the gateway and every subgraph the same INTERNAL_SECRET, and the gateway a way to verify tokens", () => {
    const secrets = ["gateway", ...SUBGRAPH_NAMES].map((name) => services[name].environment?.INTERNAL_SECRET);
    expect(secrets[0]).toMatch(/^\$\{INTERNAL_SECRET:\?/);
    expect(new Set(secrets)).toEqual(new Set([secrets[0]]));
    const gateway = services.gateway.environment!;
    expect(gateway.AUTH_JWT_SECRET ?? gateway.AUTH_JWKS_URL).toBeTruthy();
  });

  it("points the gateway at each subgraph's service name and port", () => {
    const gateway = services.gateway;
    expect(gateway.command).toEqual(["npm", "run", "start:gateway"]);
    scriptFile("start:gateway");
    const config = readConfig(gateway.environment);
    for (const name of SUBGRAPH_NAMES) {
      const port = readConfig(services[name].environment).subgraphPorts[name];
      expect(config.subgraphUrls[name]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on?.[name]?.condition).toBe("service_healthy");
    }
    expect(gateway.ports).toEqual([`${config.gatewayPort}:${config.gatewayPort}`]);
    expect(gateway.environment!.HOST).toBe("0.0.0.0");
  });

  it("lets the programs subgraph reach the subgraphs whose ids it checks", () => {
    const config = readConfig(services.programs.environment);
    for (const name of subgraphEntry("programs").dependsOn as readonly SubgraphName[]) {
      const port = readConfig(services[name].environment).subgraphPorts[name];
      expect(config.subgraphUrls[name]).toBe(`http://${name}:${port}/graphql`);
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync("Dockerfile", "utf8");
  it("installs from the lockfile and copies every folder the services run from", () => {
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toContain("package-lock.json");
    for (const path of ["shared", "gateway", "subgraphs", "scripts", "supergraph.graphql", "tsconfig.json"]) {
      expect(dockerfile).toContain(path);
    }
    for (const service of Object.values(services)) if (service.build) expect(service.build).toBe(".");
  });
});

describe("configuration", () => {
  it("is read only in shared/config.ts, so the table of variables is complete", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith(".ts") && path !== "shared/config.ts" && /process\.env\.[A-Z_]+/.test(fs.readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    for (const dir of ["shared", "gateway", "subgraphs", "scripts"]) walk(dir);
    expect(offenders).toEqual([]);
  });

  it("is documented: every variable in README.md's table and in .env.example", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const example = fs.readFileSync(".env.example", "utf8");
    for (const variable of Object.keys(ENVIRONMENT_VARIABLES)) {
      expect(readme, `README.md documents ${variable}`).toMatch(new RegExp(`\\|\\s*\`${variable}\`\\s*\\|`));
      expect(example, `.env.example lists ${variable}`).toMatch(new RegExp(`^#?\\s*${variable}=`, "m"));
    }
  });
});
