import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { memoryLimiterFactory, type LimiterFactory } from '../dossiers/lookup-limit.js';
import type { DossierSubscriptionStore } from '../dossiers/subscription.js';
import { createEmbeddedSubscriptionStore } from './dossier-subscriptions-embedded.js';
import { createRedisSubscriptionStore } from './dossier-subscriptions-redis.js';
import { redisLimiterFactory } from './dossier-rate-limit-redis.js';
import { connectRedis } from './redis.js';

/**
 * State of the dossier capability: subscriptions and lookup counters. In Redis when REDIS_URL is
 * set (shared by instances), else a file under DATA_DIR and counters in memory.
 */
export interface DossierStores {
  subscriptions: DossierSubscriptionStore;
  limiterFactory: LimiterFactory;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function openDossierStores(config: Pick<Config, 'REDIS_URL' | 'DATA_DIR'>, log?: Logger): DossierStores {
  if (config.REDIS_URL) {
    const redis = connectRedis(config.REDIS_URL, log, 'dossiers');
    return {
      subscriptions: createRedisSubscriptionStore(redis),
      limiterFactory: redisLimiterFactory(redis),
      ping: async () => (await redis.ping().catch(() => null)) === 'PONG',
      close: async () => { redis.disconnect(); },
    };
  }
  return {
    subscriptions: createEmbeddedSubscriptionStore(join(config.DATA_DIR, 'dossier-subscriptions.json')),
    limiterFactory: memoryLimiterFactory,
    ping: async () => true,
    close: async () => undefined,
  };
}
