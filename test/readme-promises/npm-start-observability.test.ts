/**
 * README, Distributed mode: "Under npm start every HTTP server still has its
 * own /metrics ... the gateway's (with the process figures, once for the
 * whole process), and each subgraph's, whose request counts stay at zero
 * while the gateway calls it in process"; and Logs: every GraphQL request
 * writes one line with "the error codes if any". Run as `npm start` runs
 * (scripts/start.ts under node --import tsx), on a test database.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES, subgraphVariable } from "../../shared/config";
import { freePort } from "../../shared/database/scratch-postgres";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { graphql } from "../support/graphql";
import { startProcess, type ServiceProcess } from "../support/process";

let database: TestDatabase;
let started: ServiceProcess;
const ports: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ["gateway", ...SUBGRAPH_NAMES]) ports[name] = await freePort();
  started = startProcess("scripts/start.ts", [], {
    DATABASE_URL: database.url,
    // Secrets of its own, so the developer's .data folder is not touched.
    INTERNAL_SECRET: randomBytes(32).toString("hex"),
    AUTH_JWT_SECRET: randomBytes(32).toString("hex"),
    GATEWAY_PORT: String(ports.gateway),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, "PORT"), String(ports[name])])),
    LOG_LEVEL: "info",
  });
  await started.waitFor("PartnerGraph is up", 110_000);
}, 120_000);
afterAll(async () => {
  await started?.stop("SIGKILL");
  await database?.drop();
});

const url = (service: string, path: string) => `http://127.0.0.1:${ports[service]}${path}`;
const metricsOf = async (service: string) => (await fetch(url(service, "/metrics"))).text();
/** The sum of a counter's samples (every label set). */
const total = (text: string, name: string) =>
  text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `)).reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);

describe("under npm start (in-process transport)", () => {
  it("the subgraphs' request counts stay zero while the gateway's count and the subgraphs' statements move", async () => {
    const statementsBefore = total(await metricsOf("programs"), "partnergraph_db_statements_total");
    const answer = await graphql(url("gateway", "/graphql"), `{ enterprise(slug: "ammc") { name programs { nodes { parties { university { name } } } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(total(await metricsOf("gateway"), "partnergraph_http_requests_total")).toBeGreaterThan(0);
    expect(total(await metricsOf("programs"), "partnergraph_db_statements_total")).toBeGreaterThan(statementsBefore);
    for (const name of SUBGRAPH_NAMES) expect(total(await metricsOf(name), "partnergraph_http_requests_total"), `${name} requests`).toBe(0);
  });

  it("the process figures appear once: on the gateway's /metrics, not on the subgraphs'", async () => {
    const gateway = await metricsOf("gateway");
    expect(gateway.match(/^# TYPE process_cpu_user_seconds_total /gm)).toHaveLength(1);
    expect(gateway.match(/^# TYPE nodejs_heap_size_used_bytes /gm)).toHaveLength(1);
    for (const name of SUBGRAPH_NAMES) expect(await metricsOf(name), name).not.toMatch(/^(process|nodejs)_/m);
  });

  it("the request's log line carries its error codes", async () => {
    const requestId = `codes-${randomBytes(4).toString("hex")}`;
    const response = await fetch(url("gateway", "/graphql"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: `query Missing { enterprise(slug: "ammc") { noSuchField } }` }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    const code = body.errors[0].extensions.code;
    expect(code).toBe("GRAPHQL_VALIDATION_FAILED");
    await started.waitFor(new RegExp(`"requestId":"${requestId}"[^\\n]*"msg":"request"`), 5_000);
    const line = started.output().split("\n").find((entry) => entry.includes(`"requestId":"${requestId}"`) && entry.includes(`"msg":"request"`))!;
    expect(JSON.parse(line)).toMatchObject({ service: "gateway", requestId, method: "POST", errors: [code] });
  });
});
