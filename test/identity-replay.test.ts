/**
 * A signed identity header captured on the internal network (here: by a
 * proxy between the gateway and the enterprises subgraph) is good for the one
 * request it was signed for, once: not for another document, not for the same
 * document again, not for another subgraph, not after its lifetime, and not
 * in process either.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityVerifier, IDENTITY_HEADER, IDENTITY_LIFETIME_MS, SIGNATURE_HEADER, signIdentity } from "../shared/auth/internal-identity";
import { bearer, institutionOf, tokenFor } from "./support/auth";
import { graphql } from "./support/graphql";
import { startExtraGateway, startTestStack, type TestStack } from "./support/stack";

interface Captured {
  headers: Record<string, string>;
  body: string;
}

let stack: TestStack;
let gateway: Awaited<ReturnType<typeof startExtraGateway>>;
let proxy: http.Server;
const captured: Captured[] = [];
/** While set, the proxy keeps what it captures and passes nothing on: the subgraph never sees that nonce. */
let holdingBack = false;

/** Passes every request on to `target` unchanged and keeps its identity headers and body. */
function recordingProxy(target: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !["host", "content-length", "connection"].includes(entry[0])),
      );
      if (headers[IDENTITY_HEADER]) captured.push({ headers: { [IDENTITY_HEADER]: headers[IDENTITY_HEADER], [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER] }, body });
      if (holdingBack && headers[IDENTITY_HEADER]) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: "held back" }] }));
        return;
      }
      const answer = await fetch(new URL(req.url ?? "/", target), { method: req.method, headers, body: req.method === "GET" ? undefined : body });
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: "http", RATE_LIMIT_PER_MINUTE: "0" });
  proxy = await recordingProxy(stack.subgraphUrls.enterprises);
  gateway = await startExtraGateway(stack, { subgraphUrls: { enterprises: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` } });
});
afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await stack?.stop();
});

/** Posts a body to a subgraph with the captured headers, as an observer of the internal network would. */
async function replay(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

/** The admin's harmless query as it went to the enterprises subgraph. */
async function captureAdminRead(): Promise<Captured> {
  captured.length = 0;
  const admin = bearer(await tokenFor(stack, "admin"));
  const result = await graphql(gateway.url, `{ enterprise(slug: "ammc") { name } }`, undefined, admin);
  expect(result.errors).toBeUndefined();
  expect(captured).toHaveLength(1);
  return captured[0];
}

describe("a captured identity header", () => {
  it("is refused with another document (a mutation)", async () => {
    const { headers } = await captureAdminRead();
    const mutation = JSON.stringify({
      query: `mutation($id: ID!) { createContact(enterpriseId: $id, input: { name: "Replayed" }) { id } }`,
      variables: { id: "00000000-0000-4000-8000-000000000000" },
    });
    const reply = await replay(stack.subgraphUrls.enterprises, mutation, headers);
    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is refused with another document or other variables even when the subgraph never saw it (its nonce unused)", async () => {
    // An observer that holds the gateway's request back: only the binding to the request stops the header.
    captured.length = 0;
    holdingBack = true;
    let held: Captured;
    try {
      await graphql(gateway.url, `query Phones($slug: String) { enterprise(slug: $slug) { name } }`, { slug: "ammc" }, bearer(await tokenFor(stack, "admin")));
      expect(captured).toHaveLength(1);
      held = captured[0];
    } finally {
      holdingBack = false;
    }
    const AMMC = institutionOf("ammc").id;
    const original = JSON.parse(held!.body) as { query: string; operationName?: string; variables?: Record<string, unknown> };
    // The operation name is signed too: a forgery keeps the one the gateway gave its request, so only the body's hash can tell.
    const name = original.operationName ?? "";
    const forgeries = [
      { ...original, query: `mutation ${name} { createContact(enterpriseId: "${AMMC}", input: { name: "Replayed" }) { id } }`, variables: undefined },
      { ...original, query: `query ${name} { enterprise(slug: "ammc") { contacts { phone } } }`, variables: undefined },
      // The same document with other variables.
      { ...original, variables: { slug: "almalyk-mmc" } },
    ];
    for (const forgery of forgeries) {
      const reply = await replay(stack.subgraphUrls.enterprises, JSON.stringify(forgery), held!.headers);
      expect(reply.status, JSON.stringify(reply.body)).toBe(401);
      expect(reply.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    const admin = bearer(await tokenFor(stack, "admin"));
    const { enterprise } = (await graphql(gateway.url, `{ enterprise(slug: "ammc") { contacts { name } } }`, undefined, admin)).data as { enterprise: { contacts: { name: string }[] } };
    expect(enterprise.contacts.map((c) => c.name)).not.toContain("Replayed");
  });

  it("is refused with the same document again", async () => {
    const { headers, body } = await captureAdminRead();
    const reply = await replay(stack.subgraphUrls.enterprises, body, headers);
    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is refused by another subgraph, even with a document both answer", async () => {
    // The gateway's readiness probe sends `{ __typename }` to every subgraph: a body programs would answer too.
    captured.length = 0;
    expect((await fetch(gateway.url.replace("/graphql", "/ready"))).status).toBe(200);
    const probe = captured.find((request) => request.body.includes("__typename"));
    expect(probe).toBeDefined();
    const reply = await replay(stack.subgraphUrls.programs, probe!.body, probe!.headers);
    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is refused in process too (SUBGRAPH_TRANSPORT=local), for another document or subgraph", async () => {
    const { headers, body } = await captureAdminRead();
    const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const otherDocument = await stack.subgraphs.enterprises.execute({ query: `{ enterprises(first: 1) { nodes { contacts { phone } } } }` }, headers);
    expect(otherDocument.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const otherSubgraph = await stack.subgraphs.programs.execute(request, headers);
    expect(otherSubgraph.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is refused once its lifetime is over, and each nonce is accepted once", () => {
    const verify = createIdentityVerifier("s".repeat(64), "enterprises");
    const request = { method: "POST", query: "{ __typename }" };
    const signedAt = Date.now();
    const headers = signIdentity({ role: "admin", subject: "alice" }, "s".repeat(64), { audience: "enterprises", ...request }, signedAt);
    expect(() => verify(headers, request, signedAt + IDENTITY_LIFETIME_MS + 1)).toThrow(/stale/);
    expect(verify(headers, request, signedAt + 1000)).toEqual({ role: "admin", subject: "alice" });
    expect(() => verify(headers, request, signedAt + 2000)).toThrow(/replayed/);
  });
});

describe("a signature", () => {
  it("names its subgraph, method, operation and body: each changed alone is refused, and the request as signed passes", () => {
    const secret = "s".repeat(64);
    const signed = { audience: "enterprises", method: "POST", operationName: "Read", query: "query Read { __typename }", variables: { a: 1 } };
    const { audience: _audience, ...request } = signed;
    const cases: [Omit<typeof signed, "audience">, string, RegExp][] = [
      [request, "programs", /another service/],
      [{ ...request, method: "GET" }, "enterprises", /another method/],
      [{ ...request, operationName: "Other" }, "enterprises", /another operation/],
      [{ ...request, query: "query Read { __schema { queryType { name } } }" }, "enterprises", /another request/],
      [{ ...request, variables: { a: 2 } }, "enterprises", /another request/],
    ];
    for (const [received, receiver, refusal] of cases) {
      // A fresh signature each time: its nonce is unused, so only the binding can refuse it.
      expect(() => createIdentityVerifier(secret, receiver)(signIdentity({ role: "admin", subject: "alice" }, secret, signed), received), `at ${receiver}: ${JSON.stringify(received)}`).toThrow(refusal);
    }
    expect(createIdentityVerifier(secret, "enterprises")(signIdentity({ role: "admin", subject: "alice" }, secret, signed), request)).toEqual({ role: "admin", subject: "alice" });
  });
});

describe("the gateway's own signatures", () => {
  it("still carry every request through, over HTTP and in process", async () => {
    const admin = bearer(await tokenFor(stack, "admin"));
    const query = `{ enterprise(slug: "ammc") { name programs { totalCount } } }`;
    const overHttp = await graphql(gateway.url, query, undefined, admin);
    const local = await startExtraGateway(stack, { inProcess: stack.subgraphs });
    try {
      const inProcess = await graphql(local.url, query, undefined, admin);
      expect(overHttp.errors).toBeUndefined();
      expect(inProcess).toEqual(overHttp);
    } finally {
      await local.stop();
    }
  });
});
