import type { Redis } from 'ioredis';
import { storedSubscriptionSchema, subscriptionKey, type DossierSubscription, type DossierSubscriptionStore } from '../dossiers/subscription.js';

/** Dossier subscriptions in one Redis hash, shared by every instance behind the load balancer. */
const entrySchema = storedSubscriptionSchema;

export function createRedisSubscriptionStore(redis: Redis, key = 'dossier:subscriptions'): DossierSubscriptionStore {
  return {
    async put(s) {
      await redis.hset(key, subscriptionKey(s), JSON.stringify(s));
    },
    async list() {
      const all = await redis.hvals(key);
      return all.flatMap((raw) => {
        const parsed = entrySchema.safeParse(JSON.parse(raw));
        return parsed.success ? [parsed.data as DossierSubscription] : [];
      });
    },
    async remove(s) {
      await redis.hdel(key, subscriptionKey(s));
    },
  };
}
