import type { Redis } from 'ioredis';
import { UnavailableError } from '../errors.js';
import type { DedupeStore } from './dedupe-store.js';

/** Dedupe shared by every instance: the first `SET key 1 NX EX ttl` wins. */
export function createRedisDedupe(redis: Redis, prefix = 'dedupe:'): DedupeStore {
  return {
    async first(key, ttlSeconds) {
      try {
        const ok = await redis.set(`${prefix}${key}`, '1', 'EX', ttlSeconds, 'NX');
        return ok === 'OK';
      } catch (err) {
        throw new UnavailableError('dedupe store', err);
      }
    },
  };
}
