/** The request id that follows one client request across the gateway and the subgraphs it calls. */
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

/** Accepts a caller's request id only if it looks like one, else mints a new one. */
export function requestIdFrom(headerValue: string | string[] | undefined | null): string {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return value && /^[\w.:-]{1,100}$/.test(value) ? value : randomUUID();
}
