import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../src/assistant/session.js';
import { createMemorySessionStore } from '../../src/store/session-memory.js';
import { createRedisSessionStore } from '../../src/store/session-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

/**
 * One contract, two stores. Expiry is checked without waiting: the memory store takes a clock,
 * Redis reports the TTL it holds.
 */
function contract(name: string, make: () => { store: SessionStore; expire: (key: string) => Promise<void> }) {
  describe(name, () => {
    it('returns null for an unknown session', async () => {
      const { store } = make();
      expect(await store.get('nobody')).toBeNull();
    });

    it('keeps what was set, as a copy', async () => {
      const { store } = make();
      const state = { procedureCode: '1.004194', pendingChoices: [{ code: '1.001193', name: 'Đăng ký khai sinh' }], more: null };
      await store.set('s1', state, 60);
      state.procedureCode = 'changed';
      expect(await store.get('s1')).toEqual({ procedureCode: '1.004194', pendingChoices: [{ code: '1.001193', name: 'Đăng ký khai sinh' }], more: null });
    });

    it('overwrites and deletes', async () => {
      const { store } = make();
      await store.set('s2', { procedureCode: 'a' }, 60);
      await store.set('s2', { procedureCode: 'b' }, 60);
      expect((await store.get('s2'))?.procedureCode).toBe('b');
      await store.delete('s2');
      expect(await store.get('s2')).toBeNull();
    });

    it('forgets a session after its time to live', async () => {
      const { store, expire } = make();
      await store.set('s3', { procedureCode: 'x' }, 30);
      await expire('s3');
      expect(await store.get('s3')).toBeNull();
    });

    it('keeps sessions apart', async () => {
      const { store } = make();
      await store.set('a', { procedureCode: '1' }, 60);
      await store.set('b', { procedureCode: '2' }, 60);
      expect((await store.get('a'))?.procedureCode).toBe('1');
      expect((await store.get('b'))?.procedureCode).toBe('2');
    });
  });
}

contract('memory session store', () => {
  let t = 1_000_000;
  const store = createMemorySessionStore({ now: () => t });
  return { store, expire: async () => { t += 31_000; } };
});

describe.skipIf(!hasRedis)('redis session store', () => {
  let server: RedisServer;
  let client: ReturnType<typeof connectRedis>;
  beforeAll(async () => {
    server = await startRedis();
    client = connectRedis(server.url, undefined, 'test-sessions');
    await redisReady(client);
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.close();
  });

  it('sets the TTL it was given', async () => {
    const store = createRedisSessionStore(client, 'ttl:');
    await store.set('k', { procedureCode: '1.004194' }, 90);
    const ttl = await client.ttl('ttl:k');
    expect(ttl).toBeGreaterThan(80);
    expect(ttl).toBeLessThanOrEqual(90);
  });

  contract('contract', () => {
    const prefix = `t${Math.random().toString(36).slice(2)}:`;
    const store = createRedisSessionStore(client, prefix);
    // Redis expiry is Redis's own; the test makes the key expire now instead of sleeping.
    return {
      store,
      expire: async (key: string) => {
        await client.pexpire(prefix + key, 1);
        while ((await client.pttl(prefix + key)) !== -2) await new Promise((r) => setTimeout(r, 2));
      },
    };
  });

  it('answers 503-style UnavailableError when Redis is down', async () => {
    const dead = connectRedis('redis://127.0.0.1:1', undefined, 'dead');
    const store = createRedisSessionStore(dead);
    await expect(store.get('x')).rejects.toMatchObject({ code: 'unavailable' });
    dead.disconnect();
  });
});
