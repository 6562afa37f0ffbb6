/** Structured JSON logs (one object a line) that any log shipper can read. */
import { pino, type Logger } from "pino";
import type { LogLevel } from "./config";

export type { Logger };

export function createLogger(service: string, level: LogLevel = "info"): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Headers can carry tokens; never write them out.
    redact: { paths: ["req.headers.authorization", "headers.authorization", "*.password"], remove: true },
  });
}
