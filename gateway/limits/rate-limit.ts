/**
 * Per-client rate limiting at the gateway: a token bucket per client, in
 * memory (one gateway replica counts its own traffic; behind several, each
 * allows RATE_LIMIT_PER_MINUTE). Beyond it: HTTP 429 `RATE_LIMITED` with
 * Retry-After. /health, /ready and /metrics are not limited.
 */
import type { Request, RequestHandler, Response } from "express";
import { principalOf } from "../context";
import type { GatewayLimits } from "../../shared/config";
import { ErrorCode } from "../../shared/graphql/errors";
import { sendError } from "../../shared/http/server";

/**
 * Who a request counts against. The one place that decides it: an
 * authenticated caller by its credential's subject, so a machine credential
 * has its own bucket wherever it calls from; an anonymous one by its address
 * as the gateway sees it (behind a proxy, the proxy's).
 */
export function clientKey(req: Request, res?: Response): string {
  const principal = res ? principalOf(res) : undefined;
  if (principal && principal.role !== "anonymous") return `subject:${principal.subject}`;
  return `address:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets beyond this many are swept of full (idle) ones, so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `key`: undefined when granted, else the seconds until one is there. */
  take(key: string): number | undefined {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Like take, without taking: undefined when a token is there, else the seconds until one is. */
  wait(key: string): number | undefined {
    const bucket = this.buckets.get(key);
    if (!bucket) return undefined;
    const tokens = Math.min(this.burst, bucket.tokens + (this.now() - bucket.updatedAt) * this.perMs);
    return tokens >= 1 ? undefined : Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.burst) this.buckets.delete(key);
    }
  }
}

export function rateLimit(limits: GatewayLimits["rateLimit"], keyOf: (req: Request, res: Response) => string = clientKey): RequestHandler {
  if (limits.perMinute === 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(limits.perMinute, limits.burst);
  return (req, res, next) => {
    const retryAfter = buckets.take(keyOf(req, res));
    if (retryAfter === undefined) return next();
    res.setHeader("Retry-After", String(retryAfter));
    sendError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfter} s.`);
  };
}
