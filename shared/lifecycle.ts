/**
 * Orderly shutdown on SIGINT (Ctrl-C) and SIGTERM: run the steps in order
 * (stop accepting, drain, close pools, stop PostgreSQL), then exit. A second
 * signal, or a step that hangs, ends the process at once. A signal repeated
 * within a second is the same one arriving twice (Ctrl-C reaches the whole
 * process group, and tsx relays it as well), not a request to hurry.
 */
import type { Logger } from "./logger";

export function shutdownOnSignals(logger: Logger, steps: () => Promise<void>, graceMs = 15_000): void {
  let stoppingSince: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1000) return;
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(130);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long: exiting");
      process.exit(1);
    }, graceMs);
    force.unref();
    steps().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

/** Prints a startup failure as one clear line (no stack for the errors we expect) and exits. */
export function exitOnStartupError(error: unknown, expected: (new (...args: never[]) => Error)[]): never {
  if (expected.some((type) => error instanceof type)) {
    console.error(`PartnerGraph could not start: ${(error as Error).message}`);
  } else {
    console.error("PartnerGraph could not start:", error);
  }
  process.exit(1);
}
