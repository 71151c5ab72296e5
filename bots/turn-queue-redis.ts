import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { UnavailableError } from '../src/errors.js';
import type { Logger } from '../src/log.js';
import { createConsumerGroup } from './consumer-group.js';
import { createShardLease } from './shard-lease.js';
import type { TurnHandler, TurnQueue } from './turn-queue.js';

/**
 * The turn queue on Redis (REDIS_URL set), so that a turn acknowledged with 200 survives the
 * process that acknowledged it. docs/turn-queue.md has the guarantees; the layout is:
 *
 * - `<p>q:<n>`      list: jobs waiting in shard n (RPUSH); a key's jobs always land in the same shard
 * - `<p>active:<n>` list: the job shard n is running (moved there by BLMOVE, removed once settled)
 * - `<p>lease:<n>`  the process consuming shard n (bots/shard-lease.ts)
 * - `<p>consumers`  the live consuming processes, for each one's fair share (bots/consumer-group.ts)
 *
 * A push is one script: room check, the delivery's dedupe mark (`SET NX EX`, same keys as
 * src/store/dedupe-redis.ts) and RPUSH happen together or not at all, so a 503 never leaves a mark
 * that would make the platform's retry look like a duplicate. Each shard is consumed by one process
 * at a time, one job at a time, which keeps one person's messages in order; different shards run
 * concurrently up to `concurrency`. A process that takes a shard first runs what the previous
 * owner left in its active list: at-least-once, so a crash in the middle of a turn may repeat
 * that one reply.
 */
export interface RedisTurnQueueOptions {
  /** For pushes, leases and removals; each held shard's blocking read gets its own duplicate. */
  redis: Redis;
  log?: Logger;
  prefix?: string;
  /** Must equal createRedisDedupe's prefix, so a delivery marked here is a duplicate everywhere. */
  dedupePrefix?: string;
  /** Fixed for the life of a deployment: a key's shard is hash(key) % shards. */
  shards?: number;
  /** Handlers running at once in this process. */
  concurrency?: number;
  /** Jobs waiting or running across all shards before pushes are refused. */
  limit?: number;
  /** How long a dead process keeps its shards; renewed every third of it. */
  leaseMs?: number;
  /** How long one blocking read waits before looking around (stop does not wait for it). */
  blockSeconds?: number;
  /** Event-loop lag (ms) above which only one handler runs at a time, as in bots/work-queue.ts. */
  busyLagMs?: number;
}

// KEYS: pending, active, [dedupe mark]; ARGV: job, per-shard limit, mark TTL (s)
const PUSH = `
local limit = tonumber(ARGV[2])
if limit > 0 and redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2]) >= limit then return -1 end
if KEYS[3] and not redis.call('SET', KEYS[3], '1', 'EX', ARGV[3], 'NX') then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1`;

const jobSchema = z.object({ id: z.string(), channel: z.string(), key: z.string(), payload: z.unknown() });

/** FNV-1a: a key's jobs always go to the same shard, in every process. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

interface Shard {
  index: number;
  held: boolean;
  renewedAt: number;
  /** The blocking connection; disconnecting it ends a pending BLMOVE at once. */
  reader: Redis | null;
  loop: Promise<void> | null;
  failing: boolean;
  /** Given up for the fair share: its loop finishes the current job, the lease is kept until then. */
  handing: boolean;
}

export function createRedisTurnQueue(opts: RedisTurnQueueOptions): TurnQueue {
  const { redis, log } = opts;
  const prefix = opts.prefix ?? 'turns:';
  const dedupePrefix = opts.dedupePrefix ?? 'dedupe:';
  const shardCount = opts.shards ?? 16;
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const perShardLimit = Math.max(1, Math.ceil((opts.limit ?? 50_000) / shardCount));
  const leaseMs = opts.leaseMs ?? 10_000;
  const blockSeconds = opts.blockSeconds ?? 2;
  const busyLagMs = opts.busyLagMs ?? 2;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = createShardLease(redis, { prefix: `${prefix}lease:`, owner, leaseMs });
  const group = createConsumerGroup(redis, { key: `${prefix}consumers`, member: owner, ttlMs: leaseMs });
  const offset = Math.floor(Math.random() * shardCount);
  const pendingKey = (n: number) => `${prefix}q:${n}`;
  const activeKey = (n: number) => `${prefix}active:${n}`;
  const handlers = new Map<string, TurnHandler>();
  const shards: Shard[] = Array.from({ length: shardCount }, (_, index) => ({
    index, held: false, renewedAt: 0, reader: null, loop: null, failing: false, handing: false,
  }));
  let started = false;
  let stopping = false;
  let stopped: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> = Promise.resolve();
  let fullUntil = 0;
  let claimed = 0;

  // Pauses after a failure; stop() wakes them so it never waits out a back-off.
  const sleepers = new Set<() => void>();
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const done = () => { clearTimeout(t); sleepers.delete(done); resolve(); };
    const t = setTimeout(done, ms);
    sleepers.add(done);
  });

  // At most `concurrency` handlers at once in this process, and only one while the event loop
  // lags (the rule of bots/work-queue.ts: a burst of webhooks, where the assistant's CPU work would
  // delay acknowledgements; the backlog waits in Redis instead). The lag is how long a
  // setImmediate takes to come back, smoothed; each start also lets waiting webhooks go first.
  let running = 0;
  let lagMs = 0;
  const waiting: Array<() => void> = [];
  const enter = async () => {
    for (;;) {
      const asked = performance.now();
      await new Promise<void>((resolve) => setImmediate(resolve));
      lagMs = lagMs * 0.5 + (performance.now() - asked) * 0.5;
      if (running < (lagMs > busyLagMs ? 1 : concurrency)) {
        running++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const leave = () => {
    running--;
    waiting.shift()?.();
  };

  /** Remove a settled job from the active list; retried, since a job left there runs again. */
  const settle = async (n: number, raw: string) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await redis.lrem(activeKey(n), 1, raw);
        return;
      } catch (err) {
        if (stopping || attempt >= 20) {
          log?.warn({ shard: n, err: (err as Error).message }, 'turn could not be removed from the active list; it will run again when the shard changes hands');
          return;
        }
        await pause(Math.min(50 * 2 ** attempt, 1_000));
      }
    }
  };

  const run = async (n: number, raw: string) => {
    claimed++;
    try {
      await enter();
      let channel: string | undefined;
      try {
        const parsed = jobSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) throw new Error('malformed turn job');
        channel = parsed.data.channel;
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`no turn handler registered for channel ${channel}`);
        await handler(parsed.data.payload);
      } catch (err) {
        // As with the in-memory queue: logged and dropped, never retried forever.
        log?.error({ err, key: channel ?? `shard ${n}` }, 'channel task failed');
      } finally {
        leave();
      }
      await settle(n, raw);
    } finally {
      claimed--;
    }
  };

  const consume = async (s: Shard) => {
    const reader = redis.duplicate({
      enableOfflineQueue: true, // the first read waits for the connection instead of failing
      commandTimeout: blockSeconds * 1000 + 5_000,
      connectionName: `tro-ly-mot-cua:turns-${s.index}`,
    });
    reader.on('error', () => undefined); // reported below, once per outage
    s.reader = reader;
    // Leftovers of a previous owner (it died mid-turn) are older than anything waiting: they go first.
    let lookAtActive = true;
    try {
      while (s.held && !stopping) {
        let raw: string | null = null;
        try {
          if (lookAtActive) raw = await redis.lindex(activeKey(s.index), 0);
          lookAtActive = raw !== null;
          if (raw === null) {
            raw = await reader.blmove(pendingKey(s.index), activeKey(s.index), 'LEFT', 'RIGHT', blockSeconds);
            // Nothing came: look at the active list again in case a late move left something there.
            lookAtActive = raw === null;
          }
          if (s.failing) log?.info({ shard: s.index }, 'turn queue reads again');
          s.failing = false;
        } catch (err) {
          if (!s.held || stopping) break;
          if (!s.failing) log?.warn({ shard: s.index, err: (err as Error).message }, 'turn queue read failed; retrying');
          s.failing = true;
          lookAtActive = true;
          await pause(1_000);
          continue;
        }
        if (raw === null) continue;
        // Not ours any more: the job stays in the active list and the shard's next owner runs it.
        if (!s.held || stopping) break;
        await run(s.index, raw);
      }
    } finally {
      reader.disconnect();
      s.reader = null;
    }
  };

  const lose = (s: Shard, why: string) => {
    s.held = false;
    s.reader?.disconnect();
    log?.warn({ shard: s.index, why }, 'turn queue shard lease lost');
  };

  const take = (s: Shard, at: number) => {
    s.held = true;
    s.renewedAt = at;
    s.loop = consume(s)
      // Released only after the loop ended, so the next owner never overlaps a running job.
      .then(() => lease.release(s.index))
      .catch(() => undefined) // not released (Redis down): it expires
      .finally(() => {
        s.loop = null;
        s.handing = false;
      });
  };

  const tick = async () => {
    let failure: Error | null = null;
    // 1. Renew what is held, and what is being handed over until its current job settled.
    await Promise.all(shards.filter((s) => s.held || s.handing).map(async (s) => {
      const at = Date.now();
      try {
        if (await lease.renew(s.index)) s.renewedAt = at;
        else if (s.held) lose(s, 'taken by another process');
      } catch (err) {
        failure = err as Error;
        if (s.held && Date.now() - s.renewedAt >= leaseMs) lose(s, 'not renewed in time');
      }
    }));
    try {
      if (stopping) return;
      // 2. This process's fair share; beyond it, shards are handed over after their current job.
      const share = Math.ceil(shardCount / Math.max(1, await group.announce()));
      const held = shards.filter((s) => s.held);
      for (const s of held.slice(share)) {
        s.held = false;
        s.handing = true;
        s.reader?.disconnect();
      }
      // 3. Free shards up to the share, from this process's own starting point (less contention).
      let count = Math.min(held.length, share);
      for (let i = 0; i < shardCount && count < share && !stopping; i++) {
        const s = shards[(offset + i) % shardCount];
        if (s.held || s.loop) continue;
        const at = Date.now();
        if (!(await lease.acquire(s.index))) continue;
        if (stopping) {
          await lease.release(s.index);
          break;
        }
        take(s, at);
        count++;
      }
    } catch (err) {
      failure = err as Error;
    }
    if (failure) log?.warn({ err: (failure as Error).message }, 'turn queue lease round failed');
  };

  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      ticking = tick().finally(schedule);
    }, Math.max(10, Math.floor(leaseMs / 3)));
    timer.unref();
  };

  return {
    register(channel, handler) {
      handlers.set(channel, handler);
    },
    async push(job, delivery) {
      if (!handlers.has(job.channel)) throw new Error(`no turn handler registered for channel ${job.channel}`);
      const n = shardOf(job.key, shardCount);
      const raw = JSON.stringify({ id: randomUUID(), channel: job.channel, key: job.key, payload: job.payload });
      const keys = [pendingKey(n), activeKey(n), ...(delivery ? [`${dedupePrefix}${delivery.id}`] : [])];
      let result: unknown;
      try {
        result = await redis.eval(PUSH, keys.length, ...keys, raw, perShardLimit, delivery?.ttlSeconds ?? 0);
      } catch (err) {
        throw new UnavailableError('turn queue', err);
      }
      if (result === -1) {
        fullUntil = Date.now() + 1_000;
        return 'full';
      }
      return result === 1 ? 'queued' : 'duplicate';
    },
    hasRoom: () => Date.now() >= fullUntil,
    async idle() {
      // Every job stays in a list until its handler settled, wherever it runs, so empty lists mean idle.
      for (;;) {
        try {
          const p = redis.pipeline();
          for (const s of shards) p.llen(pendingKey(s.index)).llen(activeKey(s.index));
          const replies = (await p.exec()) ?? [];
          if (claimed === 0 && replies.every(([err, count]) => !err && count === 0)) return;
        } catch {
          // Redis is down: keep waiting.
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    start() {
      if (started) return;
      started = true;
      ticking = tick().finally(schedule);
    },
    stop() {
      if (!started) return Promise.resolve();
      stopped ??= (async () => {
        stopping = true;
        if (timer) clearTimeout(timer);
        for (const wake of [...sleepers]) wake();
        for (const s of shards) s.reader?.disconnect();
        await ticking;
        // Each loop releases its lease once its running job settled.
        await Promise.all(shards.map((s) => s.loop));
        await group.leave().catch(() => undefined);
      })();
      return stopped;
    },
    get size() {
      return claimed;
    },
  };
}
