/**
 * `npm run bench:webhooks`: webhook delivery latency, commit to receipt, at a
 * steady 100 program amendments per second for 30 s (options: --rate N,
 * --seconds N, --programs N). The whole graph runs in this process as under
 * `npm start` (a scratch PostgreSQL, the three subgraphs, the gateway), with a
 * receiver on 127.0.0.1 that verifies every signature with the
 * `standardwebhooks` library. Writes go through the gateway as an
 * administrator's partner system would send them. Latency is measured from
 * the change's audit entry (`occurredAt`, written in the committing
 * transaction, the last statement before COMMIT) to the moment the receiver
 * has the request. Writes bench/results/webhooks.md.
 */
import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Webhook } from "standardwebhooks";
import { mintToken } from "../shared/auth/tokens";
import { readConfig, SUBGRAPH_NAMES, subgraphVariable } from "../shared/config";
import { startScratchPostgres } from "../shared/database/scratch-postgres";
import { deterministicId } from "../shared/records/ids";
import { startStack } from "../shared/stack";
import { codeVersion, machineDescription, runDate } from "../bench/machine";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "30" },
    programs: { type: "string", default: "200" },
    output: { type: "string", default: "bench/results/webhooks.md" },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const programCount = Number(values.programs);

const postgres = await startScratchPostgres();
const secret = randomBytes(32).toString("hex");
const stack = await startStack(
  readConfig({
    DATABASE_URL: postgres.url,
    AUTH_JWT_SECRET: secret,
    INTERNAL_SECRET: randomBytes(32).toString("hex"),
    GATEWAY_PORT: "0",
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphVariable(name, "PORT"), "0"])),
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "0",
    WEBHOOK_LOCAL_DESTINATIONS: "on",
  }),
);
const token = await mintToken(secret, { subject: "bench-webhooks", role: "admin" }, { issuer: stack.auth.issuer, audience: stack.auth.audience });

async function ask(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(stack.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// The receiver: verifies, records latency from the change's commit.
let verifier: Webhook;
const latencies: number[] = [];
const seen = new Set<string>();
let badSignatures = 0;
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const receivedAt = Date.now();
    try {
      const payload = verifier.verify(Buffer.concat(chunks).toString("utf8"), request.headers as Record<string, string>) as { data: { occurredAt: string } };
      if (!seen.has(String(request.headers["webhook-id"]))) latencies.push(receivedAt - new Date(payload.data.occurredAt).getTime());
      seen.add(String(request.headers["webhook-id"]));
      response.writeHead(204).end();
    } catch {
      badSignatures++;
      response.writeHead(400).end();
    }
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const AMMC = deterministicId("Enterprise", "ammc");
const BRANCH = deterministicId("University", "tashstu-almalyk");
const programs: { id: string; version: number; busy: boolean }[] = [];
for (let i = 0; i < programCount; i++) {
  const { createProgram } = await ask(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
    input: {
      slug: `bench-webhooks-${i}`,
      title: `Webhook benchmark ${i}`,
      kind: "INTERNSHIP",
      parties: [
        { institutionType: "ENTERPRISE", institutionId: AMMC, role: "SIGNATORY" },
        { institutionType: "UNIVERSITY", institutionId: BRANCH, role: "SIGNATORY" },
      ],
    },
  });
  programs.push({ ...createProgram, busy: false });
}
const { createWebhookSubscription } = await ask(`mutation($input: WebhookSubscriptionCreateInput!) { createWebhookSubscription(input: $input) { secret } }`, {
  input: { url: receiverUrl, events: ["program.amended"] },
});
verifier = new Webhook(createWebhookSubscription.secret);

// Open loop at `rate` amendments per second; each program is amended one at a time (its version is sent).
let sent = 0;
let failedWrites = 0;
let skippedBusy = 0;
const started = Date.now();
const total = rate * seconds;
let next = 0;
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    while (sent < due) {
      const program = programs[next++ % programs.length];
      if (program.busy) {
        skippedBusy++;
        if (skippedBusy > total) break;
        continue;
      }
      program.busy = true;
      sent++;
      ask(`mutation($id: ID!, $v: Int!, $d: String!) { updateProgram(id: $id, version: $v, input: { description: $d }) { version } }`, { id: program.id, v: program.version, d: `amendment ${sent}` })
        .then((data) => (program.version = data.updateProgram.version))
        .catch(() => failedWrites++)
        .finally(() => (program.busy = false));
    }
    if (sent >= total) {
      clearInterval(tick);
      resolve();
    }
  }, 5);
});
const writeSeconds = (Date.now() - started) / 1000;
const expected = sent - failedWrites;
const drainStarted = Date.now();
while (seen.size < expected && Date.now() - drainStarted < 30_000) await new Promise((resolve) => setTimeout(resolve, 50));

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const figures = {
  sent,
  failedWrites,
  received: seen.size,
  missing: expected - seen.size,
  badSignatures,
  p50: pct(50),
  p90: pct(90),
  p99: pct(99),
  max: sorted.at(-1) ?? NaN,
  achievedRate: sent / writeSeconds,
};
console.log(JSON.stringify(figures));

const report = `# Webhook delivery latency

\`npm run bench:webhooks\` (scripts/bench-webhooks.ts), ${runDate()}, code ${codeVersion()}.
Machine: ${machineDescription()}. **The machine was shared** with other engineers' work (tests and builds of
parallel sessions), so the figures are what a busy 2-core machine gives, not a quiet one.

Setup: the whole graph in one process as under \`npm start\` (scratch PostgreSQL, three subgraphs, gateway,
one delivering replica, WEBHOOK_CONCURRENCY ${readConfig({}).webhooks.concurrency}), a receiver in the same process on 127.0.0.1
verifying every signature with \`standardwebhooks\`. ${programCount} programs amended through the gateway at
${rate}/s for ${seconds} s (open loop; each program one amendment at a time), one subscription to \`program.amended\`.
Latency: from the change's audit entry (\`occurredAt\`, the committing transaction's last statement) to the
receiver holding the request; first arrivals only.

| figure | value |
| --- | --- |
| amendments sent | ${sent} (${figures.achievedRate.toFixed(1)}/s achieved), ${failedWrites} failed |
| events received | ${seen.size}, missing ${figures.missing}, bad signatures ${badSignatures} |
| latency p50 | ${figures.p50} ms |
| latency p90 | ${figures.p90} ms |
| latency p99 | ${figures.p99} ms |
| latency max | ${figures.max} ms |
`;
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync(values.output!, report);
console.log(`wrote ${values.output}`);

receiver.close();
await stack.stop();
await postgres.stop();
process.exit(figures.missing === 0 && badSignatures === 0 ? 0 : 1);
