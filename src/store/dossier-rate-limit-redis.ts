import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../dossiers/lookup-limit.js';

/**
 * Dossier lookup limits kept in Redis, so every instance counts the same attempts. When Redis is
 * down the limiter throws and the lookup answers "hệ thống đang bận" rather than going unlimited.
 */
export function redisLimiterFactory(redis: Redis): LimiterFactory {
  return (opts) => new RateLimiterRedis({ storeClient: redis, ...opts, keyPrefix: `rl:${opts.keyPrefix}` });
}
