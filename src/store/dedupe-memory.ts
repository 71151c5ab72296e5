import type { DedupeStore } from './dedupe-store.js';

/**
 * In-process dedupe for the embedded default. Keys expire lazily on a sweep so memory stays
 * bounded by the deliveries of the last TTL window; `maxKeys` caps it under a flood.
 */
export function createMemoryDedupe(maxKeys = 200_000, now: () => number = Date.now): DedupeStore {
  const seen = new Map<string, number>();
  const sweep = (t: number) => {
    for (const [key, expires] of seen) {
      if (expires > t && seen.size <= maxKeys) break;
      seen.delete(key);
    }
  };
  return {
    async first(key, ttlSeconds) {
      const t = now();
      const expires = seen.get(key);
      if (expires !== undefined && expires > t) return false;
      // Insertion order is expiry order when every caller uses the same TTL, so a sweep from the front is enough.
      seen.delete(key);
      seen.set(key, t + ttlSeconds * 1000);
      if (seen.size > maxKeys || seen.size % 1024 === 0) sweep(t);
      return true;
    },
  };
}
