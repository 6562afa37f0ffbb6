/**
 * The gateway's response cache: whole HTTP answers to GraphQL reads, kept in
 * memory and dropped the moment they may be stale.
 *
 * Exactness rests on three rules:
 * - an answer depends on the subgraphs whose data went into it, and each
 *   subgraph has a generation, raised whenever it commits a write (its
 *   NOTIFY, change-listener.ts) or a mutation passes through this gateway;
 *   raising it drops every answer that depends on it;
 * - a read remembers the generations when it starts (its ticket) and its
 *   answer is kept only if none it depends on moved before it ended, so a
 *   read that overlapped a write never stores what it saw before the write;
 * - while the gateway cannot be sure to hear of writes (its LISTEN connection
 *   is gone) the cache is empty and off, and a read that started before the
 *   loss keeps nothing. So does one that crossed a quarter hour: answers
 *   that count days from today (`expiringWithinDays`) change at midnight in
 *   the database's time zone, and every zone's midnight falls on a quarter hour.
 *
 * Bounded by bytes (bodies and keys), least recently used first out.
 */
import type { ResponseCacheMetrics } from "../metrics";

/** A complete answer as it went out: status, Apollo's headers, the body's bytes. */
export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** For the request log and metrics of a hit. */
  operationName?: string;
}

interface Entry extends CachedAnswer {
  key: string;
  dependsOn: readonly string[];
  bytes: number;
}

/** What a read needs to store its answer at the end: the state of the cache when it began. */
export interface CacheTicket {
  readonly key: string;
  readonly generations: ReadonlyMap<string, number>;
  readonly epoch: number;
  /** The subgraphs this request fetched from (the data sources add them). */
  readonly fetched: Set<string>;
  /** Set by the plugin: a query, no introspection, no errors. */
  storable: boolean;
  operationName?: string;
}

/** Keys, entry bookkeeping: what one entry costs besides its body. */
const ENTRY_OVERHEAD_BYTES = 256;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private bytes = 0;
  /** Raised when everything goes (listening lost, a mutation, a new quarter hour): no read begun before may store. */
  private epoch = 0;
  private on = false;
  private period: number;
  /** One answer may take at most this share of the budget, so a huge one cannot flush all others. */
  private readonly maxEntryBytes: number;

  constructor(
    private readonly maxBytes: number,
    /** For each subgraph, the subgraphs whose data its answers may carry too (its peers). */
    private readonly reachOf: (subgraph: string) => readonly string[],
    private readonly metrics: ResponseCacheMetrics,
    private readonly now: () => number = Date.now,
  ) {
    this.maxEntryBytes = Math.floor(maxBytes / 8);
    this.period = this.periodOf(now());
  }

  /** Whether answers are served and kept (only while every write is sure to be heard of). */
  get enabled(): boolean {
    return this.on;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Listening on every database again: answers may be kept from now on. */
  enable(): void {
    this.on = true;
    this.metrics.listening.set(1);
  }

  /** Writes may go unheard: forget everything, keep nothing begun before, serve nothing until enabled. */
  disable(): void {
    const was = this.on;
    this.on = false;
    this.epoch++;
    if (was) this.clear("listening lost");
    this.metrics.listening.set(0);
  }

  /** A live answer for this key, freshly used, or undefined. */
  get(key: string): CachedAnswer | undefined {
    if (!this.on) return undefined;
    this.checkClock();
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Starts a read that may store its answer under `key`; none while the cache is off. */
  begin(key: string): CacheTicket | undefined {
    if (!this.on) return undefined;
    this.checkClock();
    return { key, generations: new Map(this.generations), epoch: this.epoch, fetched: new Set(), storable: false };
  }

  /** Keeps the read's answer if it is storable and nothing it depends on changed since it began. */
  finish(ticket: CacheTicket, answer: Omit<CachedAnswer, "operationName">): boolean {
    this.checkClock();
    if (!ticket.storable || answer.status !== 200 || !this.on || ticket.epoch !== this.epoch) return false;
    const dependsOn = this.dependenciesOf(ticket.fetched);
    if (dependsOn.some((subgraph) => (this.generations.get(subgraph) ?? 0) !== (ticket.generations.get(subgraph) ?? 0))) return false;
    const bytes = answer.body.length + ticket.key.length + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxEntryBytes) return false;
    this.remove(ticket.key);
    this.entries.set(ticket.key, { ...answer, operationName: ticket.operationName, key: ticket.key, dependsOn, bytes });
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      this.remove(this.entries.keys().next().value!);
      this.metrics.evictions.inc();
    }
    this.report();
    return true;
  }

  /** A subgraph committed a write (or may have): its generation moves and every answer depending on it goes. */
  invalidate(subgraph: string, cause: string = subgraph): void {
    this.generations.set(subgraph, (this.generations.get(subgraph) ?? 0) + 1);
    for (const entry of this.entries.values()) {
      if (entry.dependsOn.includes(subgraph)) this.remove(entry.key);
    }
    this.metrics.invalidations.inc({ cause });
    this.report();
  }

  /** A mutation went through: whatever it wrote, nothing read before it is kept. */
  invalidateAll(cause: string): void {
    this.epoch++;
    this.clear(cause);
  }

  private clear(cause: string): void {
    this.entries.clear();
    this.bytes = 0;
    this.metrics.invalidations.inc({ cause });
    this.report();
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** The fetched subgraphs and those they ask while they serve. */
  private dependenciesOf(fetched: Set<string>): string[] {
    const all = new Set<string>();
    for (const subgraph of fetched) {
      all.add(subgraph);
      for (const peer of this.reachOf(subgraph)) all.add(peer);
    }
    return [...all];
  }

  private periodOf(time: number): number {
    return Math.floor(time / QUARTER_HOUR_MS);
  }

  /** A new quarter hour: a date may have changed somewhere, so answers counting from today go. */
  private checkClock(): void {
    const period = this.periodOf(this.now());
    if (period === this.period) return;
    this.period = period;
    this.invalidateAll("clock");
  }

  private report(): void {
    this.metrics.entries.set(this.entries.size);
    this.metrics.bytes.set(this.bytes);
  }
}
