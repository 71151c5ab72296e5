import type { Redis } from 'ioredis';

/**
 * Which process consumes a shard of the turn queue: a Redis key set (`SET NX PX`) by its owner,
 * renewed while held and deleted on a clean stop. A process that dies stops renewing, the key
 * expires after `leaseMs`, and another process takes the shard. Renewal and release are scripts
 * that check the owner first, so a process that lost its lease can never extend or delete the
 * lease of the one that took over.
 */
export interface ShardLease {
  /** True when this owner now holds the shard. */
  acquire(shard: number): Promise<boolean>;
  /** True while still held (the expiry is pushed back by `leaseMs`); false once another owner has it. */
  renew(shard: number): Promise<boolean>;
  release(shard: number): Promise<void>;
}

// Also true when the key is still this owner's (Redis came back with it after an outage that made
// the owner give the shard up): no need to wait for its own old lease to expire.
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createShardLease(redis: Redis, opts: { prefix: string; owner: string; leaseMs: number }): ShardLease {
  const key = (shard: number) => `${opts.prefix}${shard}`;
  return {
    async acquire(shard) {
      return (await redis.eval(ACQUIRE, 1, key(shard), opts.owner, opts.leaseMs)) === 1;
    },
    async renew(shard) {
      return (await redis.eval(RENEW, 1, key(shard), opts.owner, opts.leaseMs)) === 1;
    },
    async release(shard) {
      await redis.eval(RELEASE, 1, key(shard), opts.owner);
    },
  };
}
