/**
 * A write transaction that PostgreSQL may abort for a deadlock (40P01) or a
 * serialization failure (40001) runs again, a few times, after a short random
 * pause. Writers of different records meet on shared rows (the programs'
 * summaries, kept by triggers in the writing transaction), and two of them
 * taking those rows in opposite orders is a deadlock PostgreSQL breaks by
 * aborting one: nothing of it was stored, so running it again is exact. A
 * caller sees CONFLICT only when every attempt failed.
 */
import type { DataSource, EntityManager } from "typeorm";

const RETRIED_CODES = new Set(["40P01", "40001"]);
const ATTEMPTS = 4;

const isRetried = (error: unknown): boolean => {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === "string" && RETRIED_CODES.has(code);
};

export async function retriedTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetried(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
