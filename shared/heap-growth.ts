/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before the next (HEAP_GROWTH_PERCENT). Left to itself V8 grows it up to
 * fourfold while a server is busy: at full scale under 8 connections the
 * all-in-one process went from 245 MiB idle to a 513 MiB peak, nearly all of
 * it garbage in the old space. At 30 % the peak was 267 MiB for the same CPU
 * per request (bench/results/cost-growth.md has the figures). It is read at
 * every full collection, so setting it at start-up is enough.
 */
import v8 from "node:v8";

export function limitHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
