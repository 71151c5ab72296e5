import type { Redis } from 'ioredis';
import type { Services } from '../src/services.js';
import type { DedupeStore } from '../src/store/dedupe-store.js';
import { createMemoryDedupe } from '../src/store/dedupe-memory.js';
import { createRedisDedupe } from '../src/store/dedupe-redis.js';
import { connectRedis } from '../src/store/redis.js';
import { createWorkQueue, type WorkQueue } from './work-queue.js';

/**
 * What every channel adapter shares in one process: the dedupe store, the Redis connection
 * (when REDIS_URL is set) and the queue where the assistant's work waits. Built once per
 * Services so that all channels answer through one bounded queue.
 */
export interface ChannelKit {
  dedupe: DedupeStore;
  queue: WorkQueue;
  redis: Redis | null;
  /** Per-user requests per minute on each webhook. */
  rateLimitPerMinute: number;
}

const kits = new WeakMap<Services, ChannelKit>();

export function channelKit(services: Services): ChannelKit {
  const existing = kits.get(services);
  if (existing) return existing;
  const { config, log } = services;
  let redis: Redis | null = null;
  if (config.REDIS_URL) {
    redis = connectRedis(config.REDIS_URL, log, 'channels');
    const client = redis;
    services.closers.push(async () => { client.disconnect(); });
    services.readinessChecks.push({ name: 'channels-redis', check: async () => client.status === 'ready' });
  }
  const queue = createWorkQueue({ concurrency: Math.max(1, config.CHANNEL_CONCURRENCY), limit: 50_000, log });
  // Channels are built after the stores, and closers run in reverse, so queued replies finish before stores close.
  services.closers.push(() => queue.idle());
  const kit: ChannelKit = {
    dedupe: redis ? createRedisDedupe(redis) : createMemoryDedupe(),
    queue,
    redis,
    rateLimitPerMinute: config.CHANNEL_RATE_LIMIT_PER_MINUTE,
  };
  kits.set(services, kit);
  return kit;
}
