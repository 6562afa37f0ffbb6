/**
 * The gateway (and a subgraph calling another) tells a subgraph who the caller
 * is in two headers: the identity, and an HMAC of it with a per-deployment
 * secret (INTERNAL_SECRET). What is signed is bound to one request: the
 * subgraph it is for (audience), the HTTP method, the operation name, a
 * SHA-256 of the GraphQL request in the body, a 30-second lifetime and a
 * nonce the receiver accepts once. A header seen on the internal network is
 * therefore worthless for another document, for the same document again, or
 * for another subgraph.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parsePrincipal, type Principal } from "./principal";

export const IDENTITY_HEADER = "x-partnergraph-identity";
export const SIGNATURE_HEADER = "x-partnergraph-signature";

/** How long a signed identity is good for, either side of its date: covers clock skew between hosts, not a replay. */
export const IDENTITY_LIFETIME_MS = 30_000;

/** The one request a signature is for, as the sender sends it and the receiver reads it. */
export interface BoundRequest {
  /** The subgraph that is to answer it. */
  audience: string;
  method: string;
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * SHA-256 of the GraphQL request a body carries, in one canonical JSON form,
 * so the gateway's HTTP fetch, its in-process call and the receiving subgraph
 * (which sees the parsed body) all hash the same thing.
 */
export function requestDigest(request: Pick<BoundRequest, "query" | "operationName" | "variables">): string {
  const canonical = JSON.stringify([request.query ?? null, request.operationName ?? null, request.variables ?? null]);
  return createHash("sha256").update(canonical).digest("base64url");
}

interface SignedIdentity {
  principal: unknown;
  audience: unknown;
  method: unknown;
  operationName: unknown;
  bodySha256: unknown;
  issuedAt: unknown;
  nonce: unknown;
}

function hmac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function signIdentity(principal: Principal, secret: string, request: BoundRequest, now = Date.now()): Record<string, string> {
  const identity: SignedIdentity = {
    principal,
    audience: request.audience,
    method: request.method.toUpperCase(),
    operationName: request.operationName ?? null,
    bodySha256: requestDigest(request),
    issuedAt: now,
    nonce: randomBytes(16).toString("base64url"),
  };
  const payload = Buffer.from(JSON.stringify(identity)).toString("base64url");
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: hmac(secret, payload) };
}

export class IdentityError extends Error {
  override name = "IdentityError";
}

type HeaderValue = string | string[] | undefined;

/**
 * The nonces accepted within the last lifetime, each kept until its identity
 * expires. Bounded: when full of live nonces it refuses rather than forget
 * one (forgetting would let that header be replayed).
 */
export class NonceCache {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly capacity = 200_000) {}

  /** True the first time a nonce is offered before it expires, false when it was seen already. */
  accept(nonce: string, expiresAt: number, now: number): boolean {
    this.sweep(now, this.expiries.size >= this.capacity);
    if (this.expiries.has(nonce)) return false;
    if (this.expiries.size >= this.capacity) throw new IdentityError("too many signed requests at once");
    this.expiries.set(nonce, expiresAt);
    return true;
  }

  /** Nonces arrive roughly in order of expiry: drop expired ones from the front, or from everywhere when full. */
  private sweep(now: number, everywhere: boolean): void {
    for (const [nonce, expiresAt] of this.expiries) {
      if (expiresAt <= now) this.expiries.delete(nonce);
      else if (!everywhere) return;
    }
  }
}

export type IdentityVerifier = (headers: Record<string, HeaderValue>, request: Omit<BoundRequest, "audience">, now?: number) => Principal;

/** A verifier for one subgraph (the audience), with its own memory of the nonces it has accepted. */
export function createIdentityVerifier(secret: string, audience: string, nonces = new NonceCache()): IdentityVerifier {
  return (headers, request, now = Date.now()) => {
    const payload = headers[IDENTITY_HEADER];
    const signature = headers[SIGNATURE_HEADER];
    if (typeof payload !== "string" || typeof signature !== "string") throw new IdentityError("missing signed identity");
    const expected = Buffer.from(hmac(secret, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new IdentityError("bad identity signature");
    let decoded: Partial<SignedIdentity> | null;
    try {
      decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      throw new IdentityError("unreadable identity");
    }
    if (typeof decoded !== "object" || decoded === null || Array.isArray(decoded)) throw new IdentityError("unreadable identity");
    const { issuedAt, nonce } = decoded;
    if (typeof issuedAt !== "number" || Math.abs(now - issuedAt) > IDENTITY_LIFETIME_MS) throw new IdentityError("stale identity");
    if (decoded.audience !== audience) throw new IdentityError("identity signed for another service");
    if (decoded.method !== request.method.toUpperCase()) throw new IdentityError("identity signed for another method");
    if (decoded.operationName !== (request.operationName ?? null)) throw new IdentityError("identity signed for another operation");
    if (decoded.bodySha256 !== requestDigest(request)) throw new IdentityError("identity signed for another request");
    if (typeof nonce !== "string" || nonce.length < 16) throw new IdentityError("identity without a nonce");
    const principal = parsePrincipal(decoded.principal);
    if (typeof principal === "string") throw new IdentityError(`invalid identity: ${principal}`);
    if (!nonces.accept(nonce, issuedAt + IDENTITY_LIFETIME_MS, now)) throw new IdentityError("replayed identity");
    return principal;
  };
}
