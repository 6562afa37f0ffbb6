/**
 * README: the graph talks to nothing but its own services and database; and
 * Distributed mode: the same code as separate services. Here the subgraphs
 * and the gateway run as separate processes with NODE_ENV=production, as in
 * the image, each with a preload (test/support/record-connections.mjs) that
 * writes down every connection it opens. After they start, answer a query
 * across every subgraph and a write that makes programs ask the others, and
 * idle a while (background probes show up late), every destination must be
 * loopback or a local socket.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../shared/config";
import { deterministicId } from "../../shared/records/ids";
import { bearer, tokenFor } from "../support/auth";
import { graphqlData } from "../support/graphql";
import { startServices, type Services } from "../support/services";

interface Connection {
  pid: number;
  service: string;
  nodeEnv: string | undefined;
  kind: "tcp" | "ipc" | "udp";
  host: string;
  port?: number;
}

const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "partnergraph-connections-")), "connections.jsonl");
let services: Services;

beforeAll(async () => {
  services = await startServices({
    env: {
      NODE_ENV: "production",
      NODE_OPTIONS: `--import ${path.resolve("test/support/record-connections.mjs")}`,
      RECORD_CONNECTIONS_TO: log,
      RATE_LIMIT_PER_MINUTE: "0",
    },
  });
}, 180_000);
afterAll(async () => {
  await services?.stop();
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
});

const connections = (): Connection[] =>
  fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Connection) : [];
const isLocal = (c: Connection) => c.kind === "ipc" || /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/.test(c.host);

describe("separate processes with NODE_ENV=production", () => {
  it("open no connection but to loopback and local sockets", async () => {
    const admin = bearer(await tokenFor(services, "admin"));
    const url = services.url("gateway");
    await graphqlData(url, `{ enterprise(slug: "ammc") { name programs { nodes { parties { university { name } } } } } }`);
    // A write: programs checks its references with the other subgraphs.
    const input = {
      slug: `egress-${Date.now().toString(36)}`, title: "Egress check", kind: "INTERNSHIP", termMonths: 12,
      parties: [
        { institutionType: "ENTERPRISE", institutionId: deterministicId("Enterprise", "ammc"), role: "SIGNATORY" },
        { institutionType: "UNIVERSITY", institutionId: deterministicId("University", "tashstu-almalyk"), role: "SIGNATORY" },
      ],
    };
    await graphqlData(url, `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, { input }, admin);
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const seen = connections();
    // The preload ran in the gateway and in every subgraph: each reached at least one peer or its database.
    const services_ = new Set(seen.map((c) => c.service));
    for (const entry of ["start-gateway.ts", ...SUBGRAPH_NAMES.map((name) => `start-subgraph.ts ${name}`)]) {
      expect([...services_].some((service) => service.endsWith(entry)), `${entry} recorded its connections: ${[...services_].join(", ")}`).toBe(true);
    }
    expect(new Set(seen.map((c) => c.nodeEnv))).toEqual(new Set(["production"]));
    expect(seen.filter((c) => !isLocal(c))).toEqual([]);
  });
});
