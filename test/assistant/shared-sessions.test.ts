import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/assistant.js';
import { loadEngine } from '../../src/assistant/engine.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { createRedisSessionStore } from '../../src/store/session-redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

/** Two instances behind a load balancer share one conversation through Redis. */
describe.skipIf(!hasRedis)('conversation across instances (Redis sessions)', () => {
  let server: RedisServer;
  let clients: ReturnType<typeof connectRedis>[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.close();
  });

  it('a follow-up on instance B refers to the procedure asked on instance A', async () => {
    const engine = await loadEngine({ knowledgeDir: 'knowledge', snapshotPath: null });
    const instance = async () => {
      const client = connectRedis(server.url, undefined, 'test');
      clients.push(client);
      await redisReady(client);
      return createAssistant({
        procedures: engine.procedures, index: engine.index, lexicon: engine.lexicon,
        sessions: createRedisSessionStore(client), sessionTtlSeconds: 60,
      });
    };
    const a = await instance();
    const b = await instance();
    const turn = (text: string) => ({ channel: 'web', userId: 'u1', session: 'web:u1', text });
    expect(await a.handle(turn('đăng ký kết hôn cần giấy tờ gì'))).toMatchObject({ code: '1.000894', intent: 'papers' });
    expect(await b.handle(turn('còn lệ phí thì sao?'))).toMatchObject({ code: '1.000894', intent: 'fees' });
    const ttl = await clients[0].ttl('session:web:u1');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
