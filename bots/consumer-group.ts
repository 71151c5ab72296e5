import type { Redis } from 'ioredis';

/**
 * The processes consuming the turn queue, so that each takes a fair share of the shards
 * (ceil(shards / live processes)) instead of the first one to start keeping them all. Each
 * process announces itself every lease round in a sorted set scored by Redis's own clock (hosts'
 * clocks may disagree); one not heard of for `ttlMs` (it died) no longer counts.
 */
export interface ConsumerGroup {
  /** Announce this process; resolves to the number of live processes, this one included. */
  announce(): Promise<number>;
  /** Leave on a clean stop, so the others take the shards back at once. */
  leave(): Promise<void>;
}

const ANNOUNCE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('ZCARD', KEYS[1])`;

export function createConsumerGroup(redis: Redis, opts: { key: string; member: string; ttlMs: number }): ConsumerGroup {
  return {
    async announce() {
      return Number(await redis.eval(ANNOUNCE, 1, opts.key, opts.member, opts.ttlMs));
    },
    async leave() {
      await redis.zrem(opts.key, opts.member);
    },
  };
}
