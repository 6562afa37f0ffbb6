/**
 * The response cache at the HTTP edge: a read is looked up by everything its
 * answer can depend on, after authentication, the rate limit and the request
 * limits and before any parsing, so a hit costs a hash, a shared round trip
 * to PostgreSQL that confirms no write is still unheard of, and a write.
 *
 * The key: the method, the `Accept` header (it picks the media type and, for
 * legacy clients, the status), the caller (its role, subject and institution:
 * what the subgraphs' access rules see, so an answer with one caller's
 * confidential fields never reaches another) and the request itself (a
 * GET's URL, a POST's JSON body). Only its SHA-256 is kept.
 */
import { createHash } from "node:crypto";
import type { Request, Response } from "express";
import { requestRecord } from "../../shared/http/request-tracking";
import { principalOf } from "../context";
import type { ResponseCacheMetrics } from "../metrics";
import type { CacheTicket, ResponseCache } from "./store";

export interface HttpResponseCache {
  /**
   * Answers the request from memory (true), or says how its answer may be
   * kept: a ticket to carry in the GraphQL context, undefined when not.
   */
  serve(req: Request, res: Response): Promise<{ answered: true } | { answered: false; ticket?: CacheTicket }>;
  /**
   * Keeps the answer just sent, if the ticket allows: its status, the headers given and the
   * ETag Express made while sending (so a hit sends the same header without hashing the body again).
   */
  keep(ticket: CacheTicket | undefined, res: Response, headers: Iterable<[string, string]>, body: string): void;
}

function keyOf(req: Request, res: Response): string | undefined {
  if (req.method !== "GET" && req.method !== "POST") return undefined;
  const request = req.method === "GET" ? req.originalUrl : req.body;
  if (req.method === "POST" && (!request || typeof request !== "object" || Array.isArray(request))) return undefined;
  let material: string;
  try {
    material = JSON.stringify([req.method, req.headers.accept ?? "", principalOf(res) ?? null, request]);
  } catch {
    // Nested too deep to write out again (JSON.parse takes what JSON.stringify's recursion cannot): not kept.
    return undefined;
  }
  return createHash("sha256").update(material).digest("base64url");
}

/** `confirm`: resolves once every write committed before it was called has been heard of (change-listener.ts). */
export function httpResponseCache(cache: ResponseCache, confirm: () => Promise<void>, metrics: ResponseCacheMetrics): HttpResponseCache {
  return {
    async serve(req, res) {
      const key = keyOf(req, res);
      if (!key) return { answered: false };
      if (!cache.enabled) {
        metrics.lookups.inc({ result: "off" });
        return { answered: false };
      }
      // Looked up only once every write committed before this request is known to have emptied what it changed.
      await confirm();
      const hit = cache.get(key);
      if (!hit) {
        metrics.lookups.inc({ result: "miss" });
        return { answered: false, ticket: cache.begin(key) };
      }
      metrics.lookups.inc({ result: "hit" });
      const record = requestRecord(res);
      if (record) record.operationName = hit.operationName;
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.status(hit.status).send(hit.body);
      return { answered: true };
    },
    keep(ticket, res, headers, body) {
      if (!ticket?.storable || res.statusCode !== 200) return;
      const etag = res.getHeader("etag");
      cache.finish(ticket, { status: res.statusCode, headers: [...headers, ...(typeof etag === "string" ? [["etag", etag] as [string, string]] : [])], body: Buffer.from(body) });
    },
  };
}
