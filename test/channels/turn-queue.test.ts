import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TurnQueue } from '../../bots/turn-queue.js';
import { createMemoryTurnQueue } from '../../bots/turn-queue.js';
import { createRedisTurnQueue, shardOf, type RedisTurnQueueOptions } from '../../bots/turn-queue-redis.js';
import { createLogger } from '../../src/log.js';
import { createMemoryDedupe } from '../../src/store/dedupe-memory.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

interface Made { queue: TurnQueue; close(): Promise<void> }
type Make = (opts: { limit?: number; concurrency?: number; shards?: number }) => Promise<Made>;

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => { open = r; });
  return { opened, open };
}

/** Keys that land in different shards of a `shards`-shard Redis queue (any two keys do in memory). */
function keysOnDifferentShards(shards: number): [string, string] {
  for (let i = 1; ; i++) if (shardOf(`k${i}`, shards) !== shardOf('k0', shards)) return ['k0', `k${i}`];
}

function contract(name: string, make: Make) {
  describe(`${name} turn queue`, () => {
    it('runs one key\'s jobs in push order and every job once', async () => {
      const { queue, close } = await make({ concurrency: 4 });
      const seen: Array<{ key: string; n: number }> = [];
      queue.register('test', async (payload) => {
        await new Promise((r) => setImmediate(r));
        seen.push(payload as { key: string; n: number });
      });
      for (let n = 0; n < 60; n++) {
        const key = `person-${n % 5}`;
        expect(await queue.push({ channel: 'test', key, payload: { key, n } })).toBe('queued');
      }
      await queue.idle();
      expect(seen.map((s) => s.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
      for (let k = 0; k < 5; k++) {
        const order = seen.filter((s) => s.key === `person-${k}`).map((s) => s.n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      await close();
    });

    it('runs different keys at the same time', async () => {
      const { queue, close } = await make({ concurrency: 2, shards: 4 });
      const [a, b] = keysOnDifferentShards(4);
      const bRan = gate();
      const done: string[] = [];
      // a's job can only finish once b's has run: with no concurrency between keys this never settles.
      queue.register('test', async (payload) => {
        if (payload === a) await bRan.opened;
        else bRan.open();
        done.push(payload as string);
      });
      await queue.push({ channel: 'test', key: a, payload: a });
      await queue.push({ channel: 'test', key: b, payload: b });
      await queue.idle();
      expect(done).toEqual([b, a]);
      await close();
    });

    it('refuses beyond its limit without marking the delivery, and knows a repeat', async () => {
      const { queue, close } = await make({ limit: 2, concurrency: 2, shards: 1 });
      const hold = gate();
      const ran: string[] = [];
      queue.register('test', async (payload) => {
        await hold.opened;
        ran.push(payload as string);
      });
      const push = (id: string) => queue.push({ channel: 'test', key: 'one person', payload: id }, { id, ttlSeconds: 60 });
      expect(await push('d1')).toBe('queued');
      expect(await push('d2')).toBe('queued');
      expect(await push('d3')).toBe('full');
      expect(queue.hasRoom()).toBe(false);
      expect(await push('d1')).toBe('full'); // full is checked first: no work for a flood
      hold.open();
      await queue.idle();
      expect(await push('d3')).toBe('queued'); // the refused delivery was not marked as seen
      expect(await push('d2')).toBe('duplicate');
      await queue.idle();
      expect(ran).toEqual(['d1', 'd2', 'd3']);
      await close();
    });

    it('logs and drops a failing job and goes on with the next', async () => {
      const { queue, close } = await make({});
      const ran: number[] = [];
      queue.register('test', async (payload) => {
        if (payload === 1) throw new Error('this turn fails');
        ran.push(payload as number);
      });
      for (const n of [1, 2, 3]) await queue.push({ channel: 'test', key: 'same person', payload: n });
      await queue.idle();
      expect(ran).toEqual([2, 3]);
      await close();
    });

    it('idle() resolves at once when nothing was pushed', async () => {
      const { queue, close } = await make({});
      queue.register('test', async () => undefined);
      await queue.idle();
      expect(queue.size).toBe(0);
      await close();
    });
  });
}

contract('memory', async ({ limit, concurrency }) => {
  const queue = createMemoryTurnQueue({ dedupe: createMemoryDedupe(), limit, concurrency });
  queue.start();
  return { queue, close: () => queue.stop() };
});

describe.skipIf(!hasRedis)('Redis turn queue', () => {
  let server: RedisServer;
  let clients: Redis[] = [];
  let nextPrefix = 0;
  const client = async () => {
    const c = connectRedis(server.url, undefined, 'test');
    await redisReady(c);
    clients.push(c);
    return c;
  };
  const options = (prefix: string): Partial<RedisTurnQueueOptions> => ({
    prefix, dedupePrefix: `${prefix}dedupe:`, leaseMs: 500, blockSeconds: 1, log: createLogger('silent'),
  });
  const makeRedis: Make = async ({ limit, concurrency, shards }) => {
    const queue = createRedisTurnQueue({ redis: await client(), ...options(`t${nextPrefix++}:`), limit, concurrency, shards: shards ?? 4 });
    queue.start();
    return { queue, close: () => queue.stop() };
  };
  beforeAll(async () => { server = await startRedis(); });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    clients = [];
    await server.close();
  });

  contract('redis', (opts) => makeRedis(opts));

  it('two live processes share the shards: every job once, each key in order', async () => {
    const prefix = `t${nextPrefix++}:`;
    const seen: Array<{ by: string; key: string; n: number }> = [];
    const make = async (by: string) => {
      const q = createRedisTurnQueue({ redis: await client(), ...options(prefix), shards: 8 });
      q.register('test', async (payload) => {
        await new Promise((r) => setImmediate(r));
        seen.push({ by, ...(payload as { key: string; n: number }) });
      });
      q.start();
      return q;
    };
    const [a, b] = [await make('a'), await make('b')];
    for (let n = 0; n < 300; n++) {
      const key = `person-${n % 12}`;
      await (n % 2 ? a : b).push({ channel: 'test', key, payload: { key, n } });
    }
    await a.idle();
    expect(seen.map((s) => s.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, n) => n));
    for (let k = 0; k < 12; k++) {
      const order = seen.filter((s) => s.key === `person-${k}`).map((s) => s.n);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    await Promise.all([a.stop(), b.stop()]);
  });

  it('two live processes split the shards evenly; when one stops, the other takes them all', async () => {
    const prefix = `t${nextPrefix++}:`;
    const redis = await client();
    const make = async () => {
      const q = createRedisTurnQueue({ redis: await client(), ...options(prefix), shards: 8 });
      q.register('test', async () => undefined);
      q.start();
      return q;
    };
    const [a, b] = [await make(), await make()];
    const holders = async () => {
      const owners = await redis.mget(Array.from({ length: 8 }, (_, n) => `${prefix}lease:${n}`));
      const count = new Map<string, number>();
      for (const o of owners) if (o) count.set(o, (count.get(o) ?? 0) + 1);
      return [...count.values()].sort();
    };
    const until = async (want: number[]) => {
      while (JSON.stringify(await holders()) !== JSON.stringify(want)) await new Promise((r) => setTimeout(r, 20));
    };
    await until([4, 4]);
    await b.stop();
    await until([8]);
    await a.stop();
    expect(await holders()).toEqual([]);
  });

  it('stop() ends a blocking read at once and releases the leases', async () => {
    const prefix = `t${nextPrefix++}:`;
    const redis = await client();
    // A read blocking for two minutes: a stop() that waited for it would outlast the test's timeout.
    const q = createRedisTurnQueue({ redis, ...options(prefix), blockSeconds: 120 });
    q.register('test', async () => undefined);
    q.start();
    await q.push({ channel: 'test', key: 'x', payload: 1 });
    await q.idle();
    while ((await redis.keys(`${prefix}lease:*`)).length < 16) await new Promise((r) => setTimeout(r, 20));
    await q.stop();
    expect(await redis.keys(`${prefix}lease:*`)).toEqual([]);
  });

  it('a process that dies mid-turn loses nothing: the next owner runs its active and waiting jobs once each', async () => {
    const prefix = `t${nextPrefix++}:`;
    const count = 40;
    const owner = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'turn-queue-owner.ts'), server.url, prefix, String(count)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const keys = new Set(Array.from({ length: count }, (_, n) => `person-${n % 6}`));
    const busyShards = new Set([...keys].map((k) => shardOf(k, 4))).size;
    // Wait until the owner has started (and hangs in) one job in every shard that has work.
    const startedByOwner: Array<{ n: number; key: string }> = [];
    await new Promise<void>((done, fail) => {
      let buffer = '';
      owner.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('started ')) startedByOwner.push(JSON.parse(line.slice(8)));
        if (startedByOwner.length === busyShards) done();
      });
      owner.once('exit', (code) => fail(new Error(`owner exited early (${code})`)));
    });
    owner.removeAllListeners('exit');
    await new Promise<void>((done) => { owner.once('exit', () => done()); owner.kill('SIGKILL'); });

    const redis = await client();
    const active = (await Promise.all([0, 1, 2, 3].map((n) => redis.lrange(`${prefix}active:${n}`, 0, -1))))
      .flat().map((raw) => (JSON.parse(raw) as { payload: { n: number } }).payload.n);
    expect(active.sort()).toEqual(startedByOwner.map((s) => s.n).sort());

    const ran: Array<{ n: number; key: string }> = [];
    const taker = createRedisTurnQueue({ redis, ...options(prefix), shards: 4 });
    taker.register('test', async (payload) => { ran.push(payload as { n: number; key: string }); });
    taker.start(); // the owner's leases still run; the taker gets each shard once its lease expires
    await taker.idle();
    expect(ran.map((r) => r.n).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, n) => n));
    for (const key of keys) {
      const order = ran.filter((r) => r.key === key).map((r) => r.n);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // The deliveries stay marked: a platform's redelivery of one of them is still a duplicate.
    expect(await taker.push({ channel: 'test', key: 'person-0', payload: { n: 0, key: 'person-0' } }, { id: 'delivery-0', ttlSeconds: 600 })).toBe('duplicate');
    await taker.stop();
  });
});
