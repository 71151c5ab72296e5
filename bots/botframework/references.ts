import type { ConversationReference } from 'botbuilder';
import type { Redis } from 'ioredis';

/**
 * Where the Bot Framework channel remembers how to reach a person again (a conversation
 * reference: service URL, conversation and bot ids), so the outbox can tell them later that their
 * feedback moved on. In memory on the embedded default; in Redis when REDIS_URL is set, so a
 * restart or another instance can still write to them.
 */
export interface ReferenceStore {
  get(userId: string): Promise<Partial<ConversationReference> | undefined>;
  set(userId: string, reference: Partial<ConversationReference>): Promise<void>;
}

/** A person who has not written for this long is not written to either (the window of the outbox's retries and more). */
const ttlSeconds = 90 * 24 * 3600;

export function createMemoryReferences(limit = 100_000): ReferenceStore {
  const map = new Map<string, Partial<ConversationReference>>();
  return {
    async get(userId) {
      return map.get(userId);
    },
    async set(userId, reference) {
      // Oldest first out: a Map keeps insertion order, and a re-set moves the person to the end.
      map.delete(userId);
      map.set(userId, reference);
      if (map.size > limit) map.delete(map.keys().next().value!);
    },
  };
}

export function createRedisReferences(redis: Redis, prefix = 'bf:ref:'): ReferenceStore {
  return {
    async get(userId) {
      const raw = await redis.get(`${prefix}${userId}`);
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as Partial<ConversationReference>;
      } catch {
        return undefined; // a damaged entry is as good as none: the person is unreachable until they write
      }
    },
    async set(userId, reference) {
      await redis.set(`${prefix}${userId}`, JSON.stringify(reference), 'EX', ttlSeconds);
    },
  };
}
