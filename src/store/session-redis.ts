import type { Redis } from 'ioredis';
import type { SessionState, SessionStore } from '../assistant/session.js';
import { UnavailableError } from '../errors.js';

/**
 * Sessions in Redis so several instances behind a load balancer share a conversation.
 * Each session is one JSON string with a TTL; Redis expires it, nothing needs sweeping.
 */
export function createRedisSessionStore(client: Redis, prefix = 'session:'): SessionStore {
  const wrap = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw new UnavailableError('session store', err);
    }
  };
  return {
    async get(key) {
      const raw = await wrap(() => client.get(prefix + key));
      if (raw === null) return null;
      try {
        return JSON.parse(raw) as SessionState;
      } catch {
        return null; // a corrupt entry starts a fresh conversation rather than failing every turn
      }
    },
    async set(key, state, ttlSeconds) {
      await wrap(() => client.set(prefix + key, JSON.stringify(state), 'EX', Math.max(1, Math.ceil(ttlSeconds))));
    },
    async delete(key) {
      await wrap(() => client.del(prefix + key));
    },
  };
}
