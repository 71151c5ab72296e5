import type { Redis } from 'ioredis';
import { UnavailableError } from '../errors.js';
import type { Notification } from '../notify/notification.js';
import type { OutboxEntry, OutboxStatus, OutboxStore } from '../notify/outbox-store.js';

/**
 * The Redis outbox, shared by every instance behind a load balancer.
 *
 * - `<p>e:<id>`        hash: the notification (JSON) and its delivery state
 * - `<p>due:<channel>` sorted set: pending ids scored by the time they may next be tried
 * - `<p>failed`        sorted set: given-up ids scored by when they failed
 * - `<p>channels`      set of channels that ever had an entry (to list pending ones)
 *
 * A claim is one Lua script that takes due ids and pushes their score to the lease end in the
 * same step, so two instances never claim the same entry; an instance that dies mid-send simply
 * lets the lease pass and the entry becomes due again. State changes are scripts too, so a
 * half-applied change cannot be observed. Delivered entries expire after `sentTtlSeconds`.
 */
export interface RedisOutboxOptions {
  prefix?: string;
  sentTtlSeconds?: number;
}

const CLAIM = `
local limit = tonumber(ARGV[3])
local out = {}
for _, key in ipairs(KEYS) do
  if #out >= limit then break end
  local ids = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[1], 'LIMIT', 0, limit - #out)
  for _, id in ipairs(ids) do
    if redis.call('HGET', ARGV[4] .. id, 'status') == 'pending' then
      redis.call('ZADD', key, ARGV[2], id)
      table.insert(out, id)
    else
      redis.call('ZREM', key, id)
    end
  end
end
return out`;

// ARGV: prefix, id, at, then per script
const SENT = `
local k = ARGV[1] .. 'e:' .. ARGV[2]
local ch = redis.call('HGET', k, 'channel')
if not ch then return 0 end
redis.call('HSET', k, 'status', 'sent', 'sentAt', ARGV[3], 'updatedAt', ARGV[3])
redis.call('HINCRBY', k, 'attempts', 1)
redis.call('ZREM', ARGV[1] .. 'due:' .. ch, ARGV[2])
redis.call('EXPIRE', k, ARGV[4])
return 1`;

const RETRY = `
local k = ARGV[1] .. 'e:' .. ARGV[2]
if redis.call('HGET', k, 'status') ~= 'pending' then return 0 end
local ch = redis.call('HGET', k, 'channel')
redis.call('HSET', k, 'attempts', ARGV[4], 'nextAttemptAt', ARGV[5], 'lastError', ARGV[6], 'updatedAt', ARGV[3])
redis.call('ZADD', ARGV[1] .. 'due:' .. ch, ARGV[7], ARGV[2])
return 1`;

const FAILED = `
local k = ARGV[1] .. 'e:' .. ARGV[2]
if redis.call('HGET', k, 'status') ~= 'pending' then return 0 end
local ch = redis.call('HGET', k, 'channel')
redis.call('HSET', k, 'status', 'failed', 'attempts', ARGV[4], 'lastError', ARGV[5], 'updatedAt', ARGV[3])
redis.call('ZREM', ARGV[1] .. 'due:' .. ch, ARGV[2])
redis.call('ZADD', ARGV[1] .. 'failed', ARGV[6], ARGV[2])
return 1`;

const REQUEUE = `
local k = ARGV[1] .. 'e:' .. ARGV[2]
if redis.call('HGET', k, 'status') ~= 'failed' then return 0 end
local ch = redis.call('HGET', k, 'channel')
redis.call('HSET', k, 'status', 'pending', 'attempts', 0, 'nextAttemptAt', ARGV[3], 'updatedAt', ARGV[3])
redis.call('ZREM', ARGV[1] .. 'failed', ARGV[2])
redis.call('ZADD', ARGV[1] .. 'due:' .. ch, ARGV[4], ARGV[2])
return 1`;

export function createRedisOutboxStore(client: Redis, opts: RedisOutboxOptions = {}): OutboxStore {
  const p = opts.prefix ?? 'outbox:';
  const sentTtl = opts.sentTtlSeconds ?? 7 * 86_400;
  const key = (id: string) => `${p}e:${id}`;

  const call = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw new UnavailableError(`redis outbox (${what})`, err);
    }
  };

  const load = async (ids: string[]): Promise<OutboxEntry[]> => {
    if (ids.length === 0) return [];
    const pipe = client.pipeline();
    for (const id of ids) pipe.hgetall(key(id));
    const res = (await pipe.exec()) ?? [];
    const out: OutboxEntry[] = [];
    for (const [err, h] of res) {
      if (err) throw err;
      const entry = fromHash(h as Record<string, string>);
      if (entry) out.push(entry);
    }
    return out;
  };

  return {
    add: (n: Notification, at: Date) => call('add', async () => {
      const iso = at.toISOString();
      const res = await client.multi()
        .hset(key(n.id), {
          n: JSON.stringify(n), channel: n.channel, status: 'pending', attempts: 0,
          nextAttemptAt: iso, lastError: '', updatedAt: iso, sentAt: '',
        })
        .zadd(`${p}due:${n.channel}`, at.getTime(), n.id)
        .sadd(`${p}channels`, n.channel)
        .exec();
      if (!res || res.some(([err]) => err)) throw new Error('transaction aborted');
      return {
        notification: n, status: 'pending', attempts: 0, nextAttemptAt: iso, lastError: null, updatedAt: iso, sentAt: null,
      } satisfies OutboxEntry;
    }),
    claimDue: (now, channels, limit, leaseUntil) => call('claim', async () => {
      if (channels.length === 0) return [];
      const ids = await client.eval(CLAIM, channels.length, ...channels.map((c) => `${p}due:${c}`),
        now.getTime(), leaseUntil.getTime(), limit, `${p}e:`) as string[];
      return load(ids);
    }),
    markSent: (id, at) => call('sent', async () => {
      await client.eval(SENT, 0, p, id, at.toISOString(), sentTtl);
    }),
    markRetry: (id, attempts, next, error, at) => call('retry', async () => {
      await client.eval(RETRY, 0, p, id, at.toISOString(), attempts, next.toISOString(), error, next.getTime());
    }),
    markFailed: (id, attempts, error, at) => call('failed', async () => {
      await client.eval(FAILED, 0, p, id, at.toISOString(), attempts, error, at.getTime());
    }),
    get: (id) => call('get', async () => (await load([id]))[0] ?? null),
    failed: (limit) => call('failed list', async () => load(await client.zrevrange(`${p}failed`, 0, limit - 1))),
    pending: (limit) => call('pending list', async () => {
      const channels = await client.smembers(`${p}channels`);
      const ids = (await Promise.all(channels.map((c) => client.zrange(`${p}due:${c}`, 0, limit - 1)))).flat();
      const entries = (await load(ids)).filter((e) => e.status === 'pending');
      return entries.sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt)).slice(0, limit);
    }),
    requeue: (id, at) => call('requeue', async () => {
      const ok = await client.eval(REQUEUE, 0, p, id, at.toISOString(), at.getTime());
      return ok === 1 ? (await load([id]))[0] ?? null : null;
    }),
    ping: async () => (await client.ping().catch(() => '')) === 'PONG',
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}

function fromHash(h: Record<string, string>): OutboxEntry | null {
  if (!h || !h.n) return null;
  return {
    notification: JSON.parse(h.n) as Notification,
    status: h.status as OutboxStatus,
    attempts: Number(h.attempts),
    nextAttemptAt: h.nextAttemptAt,
    lastError: h.lastError || null,
    updatedAt: h.updatedAt,
    sentAt: h.sentAt || null,
  };
}
