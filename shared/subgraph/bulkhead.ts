/**
 * A concurrency limit of its own for a subgraph's heavy work (the dashboard
 * aggregates): at most `concurrency` run at once, at most `queueSize` wait,
 * and the rest are refused at once with SERVICE_OVERLOADED. Kept below the
 * pool size, so cheap reads always find a connection however many
 * aggregates are asked for. Work queued for a request its caller has given
 * up on leaves the queue without running.
 */
import { GraphQLError } from "graphql";
import { currentRequestSignal, RequestAbandonedError } from "../database/request-cancellation";
import { ErrorCode } from "../graphql/errors";

export interface Bulkhead {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createBulkhead(concurrency: number, queueSize: number): Bulkhead {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    async run(work) {
      if (running >= concurrency) {
        if (waiting.length >= queueSize) {
          throw new GraphQLError(`This service is computing as many aggregates as it may (${concurrency}, ${queueSize} waiting); try again shortly.`, {
            extensions: { code: ErrorCode.SERVICE_OVERLOADED },
          });
        }
        const signal = currentRequestSignal();
        await new Promise<void>((resolve, reject) => {
          const turn = () => {
            signal?.removeEventListener("abort", leave);
            resolve();
          };
          const leave = () => {
            waiting.splice(waiting.indexOf(turn), 1);
            reject(new RequestAbandonedError());
          };
          waiting.push(turn);
          signal?.addEventListener("abort", leave, { once: true });
        });
      }
      running++;
      try {
        return await work();
      } finally {
        next();
      }
    },
  };
}
