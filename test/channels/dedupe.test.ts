import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkQueue } from '../../bots/work-queue.js';
import { createZaloTokens, fileTokenStore, redisLock, redisTokenStore } from '../../bots/zalo/token.js';
import { createLogger } from '../../src/log.js';
import type { DedupeStore } from '../../src/store/dedupe-store.js';
import { createMemoryDedupe } from '../../src/store/dedupe-memory.js';
import { createRedisDedupe } from '../../src/store/dedupe-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import type { Redis } from 'ioredis';

function contract(name: string, make: () => DedupeStore) {
  describe(`${name} dedupe`, () => {
    it('says first once per key, then false for every repeat', async () => {
      const store = make();
      const results = await Promise.all(Array.from({ length: 20 }, () => store.first('tg:1:42', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.first('tg:1:43', 60)).toBe(true);
      expect(await store.first('tg:1:42', 60)).toBe(false);
    });
  });
}

describe('memory dedupe', () => {
  contract('memory', () => createMemoryDedupe());
  it('forgets a key after its TTL and keeps memory bounded', async () => {
    let t = 0;
    const store = createMemoryDedupe(100, () => t);
    expect(await store.first('a', 10)).toBe(true);
    t = 11_000;
    expect(await store.first('a', 10)).toBe(true);
    for (let i = 0; i < 1000; i++) await store.first(`k${i}`, 10);
    expect(await store.first('k999', 10)).toBe(false);
  });
});

describe.skipIf(!hasRedis)('Redis-backed channel state', () => {
  let server: RedisServer;
  let clients: Redis[] = [];
  const client = async () => {
    const c = connectRedis(server.url, undefined, 'test');
    await redisReady(c);
    clients.push(c);
    return c;
  };
  beforeAll(async () => { server = await startRedis(); });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    clients = [];
    await server.close();
  });

  it('dedupe is shared by two instances', async () => {
    const a = createRedisDedupe(await client());
    const b = createRedisDedupe(await client());
    const [x, y] = await Promise.all([a.first('zalo:msg:1', 60), b.first('zalo:msg:1', 60)]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
  });
  contract('redis', () => createRedisDedupe(clients[0]));

  it('two instances spend the single-use refresh token once and share the new pair', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    let refreshes = 0;
    nock('https://oauth.test').persist().post('/v4/oa/access_token').delay(50).reply(() => {
      refreshes++;
      return [200, { access_token: `access-${refreshes + 1}`, refresh_token: `refresh-${refreshes + 1}`, expires_in: 90000 }];
    });
    const make = async () => {
      const r = await client();
      return createZaloTokens({
        appId: '1', appSecret: 's', oauthRoot: 'https://oauth.test', initial: { accessToken: 'access-1', refreshToken: 'refresh-1' },
        store: redisTokenStore(r, 'zalo:test:token'), lock: redisLock(r, 'zalo:test:lock'), log: createLogger('silent'),
      });
    };
    const [one, two] = [await make(), await make()];
    const tokens = await Promise.all([one.renew('access-1'), two.renew('access-1'), one.renew('access-1')]);
    expect(refreshes).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['access-2']));
    expect(await two.access()).toBe('access-2');
    expect(JSON.parse((await clients[0].get('zalo:test:token'))!)).toMatchObject({ refreshToken: 'refresh-2' });
    nock.cleanAll();
    nock.enableNetConnect();
  });
});

describe('work queue', () => {
  it('runs one person\'s work in order, others alongside, and refuses beyond its limit', async () => {
    const q = createWorkQueue({ concurrency: 4, limit: 5 });
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    expect(q.push('a', async () => { await gate; order.push('a1'); })).toBe(true);
    expect(q.push('a', async () => { order.push('a2'); })).toBe(true);
    expect(q.push('b', async () => { order.push('b1'); })).toBe(true);
    expect(q.push('c', async () => { throw new Error('one failure does not stop the queue'); })).toBe(true);
    expect(q.push('d', async () => { order.push('d1'); })).toBe(true);
    expect(q.hasRoom()).toBe(false);
    expect(q.push('e', async () => undefined)).toBe(false);
    release();
    await q.idle();
    expect(order.indexOf('a1')).toBeLessThan(order.indexOf('a2'));
    expect(order).toContain('b1');
    expect(order).toContain('d1');
    expect(q.size).toBe(0);
  });

  it('file token store survives a reread', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const store = fileTokenStore(join(mkdtempSync(join(tmpdir(), 'tok-')), 'zalo-oa-token.json'));
    expect(await store.get()).toBeNull();
    await store.set({ accessToken: 'a', refreshToken: 'r', expiresAt: 5 });
    expect(await store.get()).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: 5 });
  });
});
