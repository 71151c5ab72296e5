import type { Redis } from 'ioredis';
import type { Services } from '../src/services.js';
import type { DedupeStore } from '../src/store/dedupe-store.js';
import { createMemoryDedupe } from '../src/store/dedupe-memory.js';
import { createRedisDedupe } from '../src/store/dedupe-redis.js';
import { connectRedis } from '../src/store/redis.js';
import { createMemoryTurnQueue, type TurnQueue } from './turn-queue.js';
import { createRedisTurnQueue } from './turn-queue-redis.js';

/**
 * What every channel adapter shares in one process: the dedupe store, the Redis connection
 * (when REDIS_URL is set) and the queue where turns wait for the assistant. Built once per
 * Services so that all channels answer through one bounded queue.
 */
export interface ChannelKit {
  dedupe: DedupeStore;
  queue: TurnQueue;
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
  const dedupe = redis ? createRedisDedupe(redis) : createMemoryDedupe();
  const concurrency = Math.max(1, config.CHANNEL_CONCURRENCY);
  // On Redis a turn acknowledged with 200 survives this process (docs/turn-queue.md); in memory it does not.
  const queue = redis
    ? createRedisTurnQueue({ redis, log, concurrency, limit: 50_000 })
    : createMemoryTurnQueue({ dedupe, concurrency, limit: 50_000, log });
  // Consumers start with the other background loops (startBackgroundWork in src/main.ts), so a
  // command such as `ask` that builds the services never takes turns off the shared queue.
  services.turnQueue = queue;
  // Channels are built after the stores, and closers run in reverse, so the queue stops (in
  // memory: everything queued is answered) before the stores and the Redis connection close.
  services.closers.push(() => queue.stop());
  const kit: ChannelKit = { dedupe, queue, redis, rateLimitPerMinute: config.CHANNEL_RATE_LIMIT_PER_MINUTE };
  kits.set(services, kit);
  return kit;
}
