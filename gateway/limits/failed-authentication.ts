/**
 * Failed authentications (a bad, expired or refused token) count against the
 * caller's address in a bucket of their own, apart from RATE_LIMIT_*: a
 * credential guesser gets HTTP 429 `RATE_LIMITED` with Retry-After long
 * before it has tried many tokens, and its tokens are then not even verified.
 * The bucket holds a tenth of RATE_LIMIT_PER_MINUTE and half of
 * RATE_LIMIT_BURST; RATE_LIMIT_PER_MINUTE=0 turns it off with the rest.
 */
import type { Request } from "express";
import type { GatewayLimits } from "../../shared/config";
import { TokenBuckets } from "./rate-limit";

export interface FailedAuthentications {
  /** Seconds this address must wait before it may try a credential again, if it must. */
  retryAfter(req: Request): number | undefined;
  /** Counts one failed authentication against the address. */
  record(req: Request): void;
}

/** By address only: a failed authentication names no subject that could be believed. */
const addressOf = (req: Request) => `address:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;

export function failedAuthentications(limits: GatewayLimits["rateLimit"]): FailedAuthentications {
  if (limits.perMinute === 0) return { retryAfter: () => undefined, record: () => undefined };
  const buckets = new TokenBuckets(Math.max(1, Math.ceil(limits.perMinute / 10)), Math.max(1, Math.ceil(limits.burst / 2)));
  return {
    retryAfter: (req) => buckets.wait(addressOf(req)),
    record: (req) => void buckets.take(addressOf(req)),
  };
}
