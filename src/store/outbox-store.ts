import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { OutboxStore } from '../notify/outbox-store.js';
import { openEmbeddedOutboxStore } from './outbox-embedded.js';
import { createRedisOutboxStore } from './outbox-redis.js';
import { connectRedis, redisReady } from './redis.js';

/**
 * The outbox store configuration asks for: Redis when `REDIS_URL` is set (shared by every
 * instance), else `DATA_DIR/outbox.jsonl`. A Redis that is down at start-up does not stop the
 * server: enqueues fail with 503 and the loop retries until the connection comes back.
 */
export async function openOutboxStore(config: Pick<Config, 'REDIS_URL' | 'DATA_DIR'>, log?: Logger): Promise<OutboxStore> {
  if (config.REDIS_URL) {
    const client = connectRedis(config.REDIS_URL, log, 'outbox');
    await redisReady(client).catch((err: Error) => log?.warn({ err: err.message }, 'redis not ready at start-up; the outbox waits for it'));
    return createRedisOutboxStore(client);
  }
  const store = await openEmbeddedOutboxStore(config.DATA_DIR, log);
  log?.info({ pending: (await store.pending(10_000)).length, dataDir: config.DATA_DIR }, 'embedded outbox replayed');
  return store;
}
