import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

/**
 * One ioredis connection per purpose. Commands fail fast while Redis is down (no offline queue),
 * so requests answer 503 at once instead of hanging; the client keeps reconnecting in the background.
 */
export function connectRedis(url: string, log?: Logger, name = 'main', opts: { autoPipelining?: boolean } = {}): Redis {
  const client = new Redis(url, {
    // Batches commands issued in the same tick into one write: many concurrent requests, few syscalls.
    enableAutoPipelining: opts.autoPipelining ?? false,
    connectionName: `tro-ly-mot-cua:${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  client.on('error', (err) => log?.warn({ redis: name, err: err.message }, 'redis error'));
  return client;
}

/** Resolves once the connection is ready (for start-up and tests). */
export async function redisReady(client: Redis, timeoutMs = 5_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis not ready in time')), timeoutMs);
    client.once('ready', () => { clearTimeout(timer); resolve(); });
  });
}
