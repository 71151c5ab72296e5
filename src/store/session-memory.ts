import type { SessionState, SessionStore } from '../assistant/session.js';

/**
 * Sessions in process memory for the embedded default. Entries expire after their TTL; expired
 * ones are dropped when read and swept when the map grows, so a long-running process stays small.
 */
export function createMemorySessionStore(opts: { now?: () => number; maxEntries?: number } = {}): SessionStore & { size(): number } {
  const now = opts.now ?? Date.now;
  const maxEntries = opts.maxEntries ?? 100_000;
  const entries = new Map<string, { state: string; expiresAt: number }>();

  const sweep = () => {
    const t = now();
    for (const [k, e] of entries) if (e.expiresAt <= t) entries.delete(k);
    // Still too many: drop the oldest (Map keeps insertion order, set() re-inserts on write).
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return {
    async get(key) {
      const e = entries.get(key);
      if (!e) return null;
      if (e.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return JSON.parse(e.state) as SessionState;
    },
    async set(key, state, ttlSeconds) {
      entries.delete(key);
      // Stored as JSON so callers never share a mutable object with the store (as with Redis).
      entries.set(key, { state: JSON.stringify(state), expiresAt: now() + ttlSeconds * 1000 });
      if (entries.size > maxEntries) sweep();
    },
    async delete(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}
