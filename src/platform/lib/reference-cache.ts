/**
 * Reference data read on every request (warehouses and zones, desk settings, service levels) kept in
 * memory per database for a short time, so an order placement does not read them again and again.
 *
 * - Writes made through this process call `invalidate()`: the next read loads fresh data at once.
 * - Other processes (scaled-out API nodes) see a change within `ttlMs` (a few seconds): reference
 *   data changes rarely and by hand, and a request that raced a change behaves as if it came a moment
 *   earlier.
 * - Concurrent readers of an expired entry share one load; a failed load is not kept.
 * - Entries are keyed by the root database object (a test's or a process's own), never by a
 *   transaction: pass the database the request started from.
 */
export interface ReferenceCache<T> {
  get(db: object): Promise<T>;
  /** Forget what every database's entry holds (a write in this process). */
  invalidate(): void;
}

export function referenceCache<T>(ttlMs: number, load: (db: never) => Promise<T>): ReferenceCache<T> {
  const entries = new WeakMap<object, { at: number; generation: number; value: Promise<T> }>();
  let generation = 0;
  return {
    get(db) {
      const now = performance.now();
      const entry = entries.get(db);
      if (entry && entry.generation === generation && now - entry.at < ttlMs) return entry.value;
      const mine = { at: now, generation, value: load(db as never) };
      entries.set(db, mine);
      mine.value.catch(() => {
        if (entries.get(db) === mine) entries.delete(db);
      });
      return mine.value;
    },
    invalidate() {
      generation++;
    },
  };
}

/** How long other processes may keep reference data after a change (documented in docs/operations.md). */
export const REFERENCE_TTL_MS = 5_000;
