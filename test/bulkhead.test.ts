/** The programs subgraph's bulkhead for its aggregates (shared/subgraph/bulkhead.ts), on its own; test/flood.test.ts shows it under load. */
import { describe, expect, it } from "vitest";
import { runCancellable } from "../shared/database/request-cancellation";
import { createBulkhead } from "../shared/subgraph/bulkhead";

describe("the aggregates' bulkhead", () => {
  it("runs at most its concurrency, queues at most its queue and refuses the rest with SERVICE_OVERLOADED", async () => {
    const bulkhead = createBulkhead(1, 1);
    let running = 0;
    let mostRunning = 0;
    const release: (() => void)[] = [];
    const work = () =>
      bulkhead.run(async () => {
        mostRunning = Math.max(mostRunning, ++running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        return "done";
      });
    const first = work();
    const second = work();
    await expect(work()).rejects.toMatchObject({ extensions: { code: "SERVICE_OVERLOADED" } });
    await new Promise((resolve) => setImmediate(resolve));
    release.shift()!();
    await expect(first).resolves.toBe("done");
    await new Promise((resolve) => setImmediate(resolve));
    release.shift()!();
    await expect(second).resolves.toBe("done");
    expect(mostRunning).toBe(1);
  });

  it("drops queued work of a request its caller has given up on, without running it", async () => {
    const bulkhead = createBulkhead(1, 1);
    let finish!: () => void;
    const first = bulkhead.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const abandoned = new AbortController();
    let ran = false;
    const queued = runCancellable(abandoned.signal, () => bulkhead.run(async () => void (ran = true)));
    abandoned.abort();
    await expect(queued).rejects.toMatchObject({ name: "RequestAbandonedError" });
    // Its place in the queue is free again.
    const next = bulkhead.run(async () => "next");
    finish();
    await first;
    await expect(next).resolves.toBe("next");
    expect(ran).toBe(false);
  });
});
