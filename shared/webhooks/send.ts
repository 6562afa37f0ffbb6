/**
 * One delivery attempt: a signed POST (Standard Webhooks headers), no
 * redirects followed, a deadline for the whole attempt, and at most a few
 * kilobytes of the answer read (a receiver cannot make us buffer its body).
 */
import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { guardedLookup } from "./destination";

/** Of the receiver's answer only this much is kept, for the delivery's `lastError`. */
const MAX_ANSWER_BYTES = 4096;

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface Attempt {
  url: string;
  secret: string;
  messageId: string;
  payload: string;
  timeoutMs: number;
  allowLocal: boolean;
}

export function signatureHeaders(secret: string, messageId: string, payload: string, at = new Date()): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, payload),
  };
}

export function sendAttempt(attempt: Attempt): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.destroy();
      resolve(result);
    };
    const url = new URL(attempt.url);
    const client = url.protocol === "https:" ? https : http;
    const body = Buffer.from(attempt.payload);
    const request = client.request(url, {
      method: "POST",
      lookup: guardedLookup(attempt.allowLocal),
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": String(body.length),
        "user-agent": "PartnerGraph-Webhooks/1",
        ...signatureHeaders(attempt.secret, attempt.messageId, attempt.payload),
      },
    });
    const deadline = setTimeout(() => finish({ ok: false, status: null, error: `no answer within ${attempt.timeoutMs} ms` }), attempt.timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, error: error.message.slice(0, 500) }));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      let answer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (answer.length < MAX_ANSWER_BYTES) answer += chunk.slice(0, MAX_ANSWER_BYTES - answer.length);
        else response.destroy();
      });
      const done = () => {
        // A redirect is not followed: the destination saved is the only one called.
        if (status >= 200 && status < 300) finish({ ok: true, status, error: null });
        else finish({ ok: false, status, error: status >= 300 && status < 400 ? `redirect (${status}) not followed` : `HTTP ${status}: ${answer.slice(0, 500)}` });
      };
      response.on("end", done);
      response.on("close", done);
    });
    request.end(body);
  });
}
