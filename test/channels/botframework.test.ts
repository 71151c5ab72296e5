import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotFrameworkChannel } from '../../bots/botframework/channel.js';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import type { Services } from '../../src/services.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const serviceUrl = 'https://directline.test';

interface Sent { type: string; text: string; speak?: string; inputHint?: string; replyToId?: string; suggestedActions?: { actions: Array<{ title: string; value: string }> } }

describe.skipIf(!hasShared)('Bot Framework at /api/messages (local, unauthenticated)', () => {
  let server: TestServer;
  let sent: Sent[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    server = await startServer({});
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    sent = [];
  });
  /** The channel service the replies are posted to (Direct Line in production). */
  const channelService = () => nock(serviceUrl).persist()
    .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, (b: Sent) => { sent.push(b); return true; })
    .reply(200, { id: 'reply-1' });

  let n = 1;
  const activity = (text: string, id = `act-${n++}`) => ({
    type: 'message', id, channelId: 'directline', serviceUrl, timestamp: new Date().toISOString(),
    from: { id: 'user-1', name: 'An' }, recipient: { id: 'bot', name: 'Trợ lý' }, conversation: { id: 'conv-1' },
    text, locale: 'vi-VN',
  });
  const post = (body: unknown) => server.app.inject({ method: 'POST', url: '/api/messages', payload: body as object });

  it('answers with text, SSML speak and an input hint, posted to the serviceUrl', async () => {
    channelService();
    const p = server.services.procedures.find((x) => x.papers.length > 0 && x.name.length > 25) as Procedure;
    const res = await post(activity(`${p.name} cần giấy tờ gì`));
    expect(res.statusCode).toBeLessThan(300);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((a) => a.text).join('\n')).toContain(p.code);
    for (const a of sent) {
      expect(a.speak).toMatch(/^<speak[^>]*xml:lang="vi-VN"/);
      expect(['acceptingInput', 'expectingInput', 'ignoringInput']).toContain(a.inputHint);
    }
    expect(sent.at(-1)!.inputHint).not.toBe('ignoringInput');
  });

  it('answers a redelivered activity once and gets 400 for a malformed one', async () => {
    channelService();
    const a = activity('lệ phí đăng ký khai sinh');
    await post(a);
    const count = sent.length;
    expect(count).toBeGreaterThan(0);
    await post(a);
    expect(sent.length).toBe(count);
    expect((await post({ type: 'message', text: 'thiếu from, conversation, serviceUrl' })).statusCode).toBe(400);
    expect((await post(activity('vẫn phục vụ'))).statusCode).toBeLessThan(300);
  });

  it('stays off (no unauthenticated endpoint) when NODE_ENV=production has no credentials', () => {
    const services = { config: readConfig({ NODE_ENV: 'production' }), log: createLogger('silent'), closers: [] } as unknown as Services;
    expect(createBotFrameworkChannel(services)).toBeNull();
    const ok = { ...services, config: readConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }) } as unknown as Services;
    expect(createBotFrameworkChannel(ok)?.name).toBe('botframework');
  });

  it('refuses an unsigned request when credentials are configured', async () => {
    const authed = await startServer({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'secret' });
    try {
      channelService();
      const res = await authed.app.inject({ method: 'POST', url: '/api/messages', payload: activity('xin chào') });
      expect(res.statusCode).toBe(401);
      expect(sent).toEqual([]);
    } finally {
      await authed.close();
    }
  });
});

describe.skipIf(!hasShared || !hasRedis)('Bot Framework conversation references on Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('reaches a person after a restart: instance B writes to the conversation instance A saw', async () => {
    const posted: Array<{ text: string }> = [];
    nock(serviceUrl).persist()
      .post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/, (b: { text: string }) => { posted.push(b); return true; })
      .reply(200, { id: 'reply-1' });
    const a = await startServer({ REDIS_URL: redis.url });
    await a.app.inject({
      method: 'POST', url: '/api/messages',
      payload: {
        type: 'message', id: 'act-r1', channelId: 'directline', serviceUrl, timestamp: new Date().toISOString(),
        from: { id: 'user-r', name: 'Bình' }, recipient: { id: 'bot', name: 'Trợ lý' }, conversation: { id: 'conv-r' },
        text: 'xin chào', locale: 'vi-VN',
      },
    });
    await a.close();
    posted.length = 0;

    const b = await startServer({ REDIS_URL: redis.url });
    try {
      const channel = createBotFrameworkChannel(b.services)!;
      const notice = 'Phản ánh PA-2026-000123 của bạn đã được chuyển sang bước xử lý.';
      await channel.sender!({ id: 'n1', channel: 'botframework', userId: 'user-r', text: notice, kind: 'feedback_status', createdAt: new Date().toISOString() });
      expect(posted.map((p) => p.text).join('\n')).toContain('PA-2026-000123');
      // Someone who never wrote stays undeliverable (shown to staff), not silently dropped.
      await expect(channel.sender!({ id: 'n2', channel: 'botframework', userId: 'nobody', text: notice, kind: 'feedback_status', createdAt: new Date().toISOString() }))
        .rejects.toThrow(/no conversation/);
    } finally {
      await b.close();
    }
  });
});
