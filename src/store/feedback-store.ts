import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedbackStore } from '../feedback/store.js';
import { EmbeddedFeedbackStore } from './feedback-embedded.js';
import { RedisFeedbackStore } from './feedback-redis.js';
import { connectRedis, redisReady } from './redis.js';

/**
 * The feedback store configuration asks for: Redis when `REDIS_URL` is set, else the embedded
 * log under `DATA_DIR`. A Redis that is down at start-up does not stop the server: requests
 * answer 503 and /readyz reports it until the connection comes back.
 */
export async function openFeedbackStore(config: Pick<Config, 'REDIS_URL' | 'DATA_DIR'>, log?: Logger): Promise<FeedbackStore> {
  if (config.REDIS_URL) {
    const client = connectRedis(config.REDIS_URL, log, 'feedback', { autoPipelining: true });
    await redisReady(client).catch((err: Error) => log?.warn({ err: err.message }, 'redis not ready at start-up; feedback answers 503 until it is'));
    return new RedisFeedbackStore(client);
  }
  const store = await EmbeddedFeedbackStore.open(config.DATA_DIR);
  log?.info({ records: store.size, dataDir: config.DATA_DIR }, 'embedded feedback log replayed');
  return store;
}
