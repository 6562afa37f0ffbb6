/**
 * Monaco editor runs its language services in web workers and asks
 * `MonacoEnvironment` for them. They are served by the gateway like the rest
 * of the explorer (the stock GraphiQL setups load them from esm.sh).
 * Imported first by main.tsx so it is in place before any editor starts.
 */
import type { WorkerName } from "../page-config";
import { config } from "./config";

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const name: WorkerName = label === "json" || label === "graphql" ? label : "editor";
    return new Worker(config.workers[name]);
  },
};
