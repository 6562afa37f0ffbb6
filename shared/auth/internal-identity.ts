/**
 * The gateway (and a subgraph calling another) tells a subgraph who the caller
 * is in two headers: the principal, and an HMAC of it with a per-deployment
 * secret (INTERNAL_SECRET) and a timestamp. A subgraph trusts only a valid,
 * fresh signature, so calling it directly cannot forge an identity.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parsePrincipal, type Principal } from "./principal";

export const IDENTITY_HEADER = "x-partnergraph-identity";
export const SIGNATURE_HEADER = "x-partnergraph-signature";

/** How old a signed identity may be: covers clock skew between hosts and slow queues, not replays days later. */
const MAX_AGE_MS = 5 * 60_000;

function hmac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function signIdentity(principal: Principal, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ principal, issuedAt: now })).toString("base64url");
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: hmac(secret, payload) };
}

export class IdentityError extends Error {
  override name = "IdentityError";
}

type HeaderValue = string | string[] | undefined;

/** Returns the principal the headers carry, or throws IdentityError saying why they cannot be trusted. */
export function verifyIdentity(headers: Record<string, HeaderValue>, secret: string, now = Date.now()): Principal {
  const payload = headers[IDENTITY_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof payload !== "string" || typeof signature !== "string") throw new IdentityError("missing signed identity");
  const expected = Buffer.from(hmac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new IdentityError("bad identity signature");
  let decoded: { principal?: unknown; issuedAt?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw new IdentityError("unreadable identity");
  }
  if (typeof decoded.issuedAt !== "number" || Math.abs(now - decoded.issuedAt) > MAX_AGE_MS) throw new IdentityError("stale identity");
  const principal = parsePrincipal(decoded.principal);
  if (typeof principal === "string") throw new IdentityError(`invalid identity: ${principal}`);
  return principal;
}
