import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelKit } from '../../bots/kit.js';
import { redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const token = '123456:TEST-token';
const secret = 'telegram-secret-for-tests';

interface Sent { chat_id: number; text: string }

/** Stand-in for the Telegram Bot API: records every sendMessage. */
function telegramApi() {
  const sent: Sent[] = [];
  nock('https://api.telegram.org').persist()
    .post(`/bot${token}/getMe`).reply(200, { ok: true, result: { id: 123456, is_bot: true, first_name: 'Trợ lý', username: 'tro_ly_bot' } })
    .post(`/bot${token}/sendMessage`, (body: Sent) => { sent.push(body); return true; })
    .reply(200, (_uri, body) => ({ ok: true, result: { message_id: sent.length, date: 0, chat: { id: (body as Sent).chat_id, type: 'private' }, text: (body as Sent).text } }));
  return sent;
}

let nextUpdate = 9000;
function textUpdate(chatId: number, text: string) {
  const id = nextUpdate++;
  return { update_id: id, message: { message_id: id, date: 1_763_000_000, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'An' }, text } };
}

/**
 * The Telegram webhook on the durable turn queue: REDIS_URL set and the server's background work
 * started as `serve` starts it (src/main.ts startBackgroundWork), so the queue's consumers are the
 * ones main.ts wires.
 */
describe.skipIf(!hasShared || !hasRedis)('Telegram webhook on the Redis turn queue', () => {
  let redis: RedisServer;
  let server: TestServer;
  let sent: Sent[];
  const post = (body: unknown) => server.app.inject({
    method: 'POST', url: '/webhooks/telegram', payload: body as object, headers: { 'x-telegram-bot-api-secret-token': secret },
  });
  const to = (chat: number) => sent.filter((m) => m.chat_id === chat);

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    redis = await startRedis();
    server = await startServer({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret, REDIS_URL: redis.url }, { background: true });
    sent = telegramApi();
  });
  afterAll(async () => {
    await server.close();
    await redis.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers an update, through Redis, once', async () => {
    const res = await post(textUpdate(701, 'lệ phí đăng ký khai sinh'));
    expect(res.json()).toEqual({ ok: true });
    await server.settled();
    expect(to(701).length).toBeGreaterThan(0);
    expect(to(701).map((m) => m.text).join('\n')).toMatch(/khai sinh/i);
  });

  it('answers the same update delivered twice once', async () => {
    const update = textUpdate(702, 'lệ phí đăng ký khai sinh');
    const first = await post(update);
    const second = await post(update);
    expect(first.json()).toEqual({ ok: true });
    expect(second.json()).toEqual({ ok: true, duplicate: true });
    await server.settled();
    const once = to(702).length;
    expect(once).toBe(to(701).length); // the same question gets the same answer, sent once
    expect((await post(update)).json()).toEqual({ ok: true, duplicate: true });
    await server.settled();
    expect(to(702).length).toBe(once);
  });

  it('answers 503 while Redis is down, and takes the platform\'s retry of that update once Redis is back', async () => {
    const update = textUpdate(703, 'lệ phí đăng ký khai sinh');
    await redis.stop();
    const refused = await post(update);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.message).toMatch(/bận/);
    await redis.restart();
    await redisReady(channelKit(server.services).redis!, 10_000);
    const retried = await post(update);
    expect(retried.json()).toEqual({ ok: true }); // not swallowed as a duplicate
    await server.settled();
    expect(to(703).length).toBeGreaterThan(0);
  });
});
