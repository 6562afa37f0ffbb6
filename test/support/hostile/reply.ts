/**
 * Sending a hostile request and judging the answer. Every answer must be
 * below 500 and carry nothing internal; a refusal is a GraphQL error with a
 * client code (never a fault code), an accepted request answers with data.
 */
import net from "node:net";
import { expect } from "vitest";

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body?: { data?: Record<string, unknown> | null; errors?: GraphQLErrorBody[] };
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: unknown; field?: unknown; problems?: unknown };
}

/** What a case must get back. */
export type Expectation =
  /** An error with one of these codes; `status` when it must be exact; `field` the input the error must name. */
  | { refused: readonly string[]; status?: number; field?: string }
  /** Data and no errors: hostile-looking input that is legitimate (search text, a header the gateway ignores). */
  | { answered: true }
  /** Refused by Node's HTTP parser before any application code: one of these statuses, maybe no body. */
  | { refusedByHttp: readonly number[] };

export const refused = (codes: string | readonly string[], more: { status?: number; field?: string } = {}): Expectation => ({
  refused: typeof codes === "string" ? [codes] : codes,
  ...more,
});
export const answered: Expectation = { answered: true };

/** Codes that mean the server failed, not the request: no hostile input may cause them. */
const FAULT_CODES = ["INTERNAL_SERVER_ERROR", "SUBGRAPH_ERROR", "SUBGRAPH_UNAVAILABLE", "SUBGRAPH_TIMEOUT"];

/**
 * What must never leave a server: stack frames, file paths, SQL and driver
 * messages, internal addresses, HTML error pages. The hostile strings are
 * checked not to match these (hostile-values.ts), so an echoed input is no leak.
 */
export const LEAKS: readonly RegExp[] = [
  /\bat [\w$.<>]+ \(/,
  /\.(?:ts|js|cjs|mjs):\d+/,
  /node_modules|\/work\/|\/home\/|\/tmp\/|file:\/\//,
  /stacktrace|"stack"/i,
  /127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0/i,
  /postgres(?:ql)?:\/\//i,
  /QueryFailedError|TypeORMError|EntityNotFound|ECONNREFUSED|ETIMEDOUT/,
  /relation "|column "|violates|syntax error at or near|invalid input syntax|invalid byte sequence|duplicate key|current transaction is aborted/i,
  /search_text\(|program_party|enterprise_name|\bLIMIT \d|\bORDER BY\b|= ANY\(/,
  /<html|<!DOCTYPE|<pre>/i,
];

export async function send(url: string, init: RequestInit): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Reply["body"];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, body };
}

/** A JSON POST; `body` goes as given when it is already a string. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
}

/**
 * Bytes on a socket, for requests fetch refuses to send (smuggling headers,
 * a broken request line). The status line and body of the answer, if any.
 */
export function sendRaw(url: string, request: string | Buffer, timeoutMs = 5000): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString("utf8");
      const [head, ...rest] = raw.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const text = rest.join("\r\n\r\n");
      const contentType = /^content-type: *(.*)$/im.exec(head)?.[1] ?? "";
      let body: Reply["body"];
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      resolve({ status, contentType, text, body });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", finish);
    socket.on("close", finish);
    socket.write(request);
  });
}

export function expectNothingInternal(text: string): void {
  for (const leak of LEAKS) expect(text, `leaks ${leak}`).not.toMatch(leak);
}

/** Does an error name the input field (its path, as validation or variable coercion writes it)? */
function namesField(error: GraphQLErrorBody, field: string): boolean {
  const { field: named, problems } = error.extensions ?? {};
  return (typeof named === "string" && named.endsWith(field)) || error.message.includes(field) || JSON.stringify(problems ?? "").includes(field);
}

export function expectReply(reply: Reply, expectation: Expectation): void {
  const shown = `HTTP ${reply.status}: ${reply.text.slice(0, 500)}`;
  expect(reply.status, shown).toBeLessThan(500);
  expectNothingInternal(reply.text);
  if ("refusedByHttp" in expectation) {
    expect(expectation.refusedByHttp, shown).toContain(reply.status);
    return;
  }
  expect(reply.body, `not JSON: ${shown}`).toBeTypeOf("object");
  const errors = reply.body?.errors ?? [];
  for (const error of errors) {
    expect(typeof error.extensions?.code, `an error without a code: ${shown}`).toBe("string");
    expect(FAULT_CODES, shown).not.toContain(error.extensions!.code);
  }
  if ("answered" in expectation) {
    expect(reply.status, shown).toBe(200);
    expect(errors, shown).toEqual([]);
    expect(reply.body?.data, shown).toBeTruthy();
    return;
  }
  expect(errors.length, `not refused: ${shown}`).toBeGreaterThan(0);
  if (expectation.status) expect(reply.status, shown).toBe(expectation.status);
  expect(errors.some((e) => expectation.refused.includes(e.extensions!.code as string)), `expected ${expectation.refused.join(" or ")}: ${shown}`).toBe(true);
  if (expectation.field) {
    expect(errors.some((e) => namesField(e, expectation.field!)), `no error names ${expectation.field}: ${shown}`).toBe(true);
  }
}

export interface SentCase {
  label: string;
  send(): Promise<Reply>;
  expect: Expectation;
}

/** Sends every case at once and lists each one that fails, instead of stopping at the first. */
export async function expectReplies(cases: SentCase[]): Promise<void> {
  const failures = await Promise.all(
    cases.map(async ({ label, send: sendCase, expect: expectation }) => {
      try {
        expectReply(await sendCase(), expectation);
        return undefined;
      } catch (error) {
        return `${label}: ${(error as Error).message}`;
      }
    }),
  );
  expect(failures.filter(Boolean)).toEqual([]);
}
