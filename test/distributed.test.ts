/**
 * The distributed topology for real: PostgreSQL with one role per subgraph
 * (`npm run provision`), the three subgraphs and the gateway as separate
 * processes configured only by environment variables. Cross-subgraph queries,
 * one request followed through every log, a subgraph killed and brought
 * back, and a subgraph stopped with SIGTERM while it is still answering.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../shared/config";
import { graphql } from "./support/graphql";
import { roleUrl, startServices, until, type ServiceName, type Services } from "./support/services";

let services: Services;
const url = (service: ServiceName, path?: string) => services.url(service, path);

const WALK = /* GraphQL */ `
  query Walk {
    enterprise(slug: "ammc") {
      name
      programs(first: 10) { nodes { slug parties { role university { slug name parent { slug } } } } }
    }
  }
`;

function universitiesOf(data: any): (string | undefined)[] {
  return data.enterprise.programs.nodes.flatMap((p: any) => p.parties).map((p: any) => p.university?.slug);
}

beforeAll(async () => {
  services = await startServices({ roles: true });
});

afterAll(async () => {
  await services?.stop();
});

describe("separate services on per-subgraph roles", () => {
  it("answer cross-subgraph queries through the gateway, and log one request id in every service", async () => {
    const result = await graphql(url("gateway"), WALK, undefined, { "x-request-id": "walk-across-services" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    expect(universitiesOf(result.data)).toContain("university-of-geological-sciences");

    const requestLine = /"requestId":"walk-across-services"[^\n]*"msg":"request"/;
    // Every service the walk crosses: the gateway, the enterprise, its programs, their universities.
    for (const name of ["gateway", "enterprises", "programs", "universities"] as const) await services.processes[name].waitFor(requestLine, 5000);
    const line = JSON.parse(services.processes.gateway.output().split("\n").find((l) => requestLine.test(l))!);
    expect(line).toMatchObject({ service: "gateway", method: "POST", operation: "Walk", status: 200 });
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it("keep each subgraph's role out of the others' tables", async () => {
    const client = new pg.Client({ connectionString: roleUrl(services.postgres, "enterprises") });
    await client.connect();
    try {
      await expect(client.query("SELECT * FROM universities.university")).rejects.toMatchObject({ code: "42501" });
      expect((await client.query("SELECT count(*)::int AS n FROM enterprises.enterprise")).rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it("serve /health, /ready and /metrics on every service", async () => {
    for (const service of ["gateway", ...SUBGRAPH_NAMES] as const) {
      expect((await fetch(url(service, "/health"))).status).toBe(200);
      expect((await fetch(url(service, "/ready"))).status).toBe(200);
      const metrics = await (await fetch(url(service, "/metrics"))).text();
      expect(metrics).toContain(`partnergraph_http_requests_total{operation=`);
      expect(metrics).toContain("process_cpu_seconds_total");
      if (service !== "gateway") expect(metrics).toMatch(/partnergraph_db_pool_connections\{state="total",service="\w+"\} [1-9]/);
    }
  });

  it("answer the rest when a subgraph is killed, naming the missing service", async () => {
    await services.processes.universities.stop("SIGKILL");
    const result = await graphql(url("gateway"), WALK);
    expect(result.status).toBe(200);
    expect(result.data!.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
    // The programs and their parties still arrive (else every() below holds on nothing); only the universities are missing.
    expect(result.data!.enterprise.programs.nodes.length).toBeGreaterThan(0);
    expect(universitiesOf(result.data).length).toBeGreaterThan(0);
    expect(universitiesOf(result.data).every((slug) => slug === undefined)).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({ message: "The universities service is unavailable.", extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "universities" } }),
    ]);
    expect(JSON.stringify(result.errors)).not.toContain(new URL(url("universities")).port);
    const ready = await fetch(url("gateway", "/ready"));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).checks.universities).toBe("unreachable");
  });

  it("give full answers again once the subgraph is back, without restarting the gateway", async () => {
    await services.startSubgraph("universities");
    const result = await graphql(url("gateway"), WALK);
    expect(result.errors).toBeUndefined();
    expect(universitiesOf(result.data)).toContain("university-of-geological-sciences");
    expect((await fetch(url("gateway", "/ready"))).status).toBe(200);
  });

  it("mask an unexpected failure in the answer, and log its details with the request id", async () => {
    const admin = new pg.Client({ connectionString: services.postgres.url });
    await admin.connect();
    try {
      await admin.query("ALTER TABLE universities.university RENAME TO university_moved");
      const result = await graphql(url("gateway"), WALK, undefined, { "x-request-id": "masked-failure" });
      expect(result.data!.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
      expect(result.errors!.length).toBeGreaterThan(0);
      for (const error of result.errors!) expect(error).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(JSON.stringify(result)).not.toMatch(/university_moved|does not exist|SELECT|stack/);
      await services.processes.universities.waitFor(/"requestId":"masked-failure"[^\n]*does not exist[^\n]*"msg":"unexpected error"/, 5000);
    } finally {
      await admin.query("ALTER TABLE universities.university_moved RENAME TO university");
      await admin.end();
    }
  });

  it("finish a request in flight when a subgraph gets SIGTERM, then stop accepting and exit cleanly", async () => {
    const admin = new pg.Client({ connectionString: services.postgres.url });
    await admin.connect();
    try {
      // Hold the enterprises table, so the gateway's request waits inside the enterprises subgraph.
      await admin.query("BEGIN");
      await admin.query("LOCK TABLE enterprises.enterprise IN ACCESS EXCLUSIVE MODE");
      const inFlight = graphql(url("gateway"), WALK);
      await until(async () => {
        const { rowCount } = await admin.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name = 'partnergraph-enterprises' AND wait_event_type = 'Lock'",
        );
        return rowCount === 1;
      });
      const exited = services.processes.enterprises.stop("SIGTERM");
      // No new connections once shutdown has begun...
      await until(() => fetch(url("enterprises", "/health")).then(() => false, () => true));
      await admin.query("COMMIT");
      // ...but the request that was already there gets its whole answer.
      const result = await inFlight;
      expect(result.errors).toBeUndefined();
      expect(result.data!.enterprise.name).toBe("Almalyk Mining and Metallurgical Complex");
      expect(await exited).toBe(0);
      expect(services.processes.enterprises.output()).toContain("shutting down");
    } finally {
      await admin.end();
    }
  });
});

