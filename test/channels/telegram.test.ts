import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const token = '123456:TEST-token';
const secret = 'telegram-secret-for-tests';
const api = 'https://api.telegram.org';

interface Sent { chat_id: number | string; text: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } }

/** Stand-in for the Telegram Bot API: records every sendMessage. */
function telegramApi() {
  const sent: Sent[] = [];
  const scope = nock(api).persist()
    .post(`/bot${token}/getMe`).reply(200, { ok: true, result: { id: 123456, is_bot: true, first_name: 'Trợ lý', username: 'tro_ly_bot' } })
    .post(`/bot${token}/sendChatAction`).reply(200, { ok: true, result: true })
    .post(`/bot${token}/answerCallbackQuery`).reply(200, { ok: true, result: true })
    .post(`/bot${token}/sendMessage`, (body: Sent) => { sent.push(body); return true; })
    .reply(200, (_uri, body) => ({ ok: true, result: { message_id: sent.length, date: 0, chat: { id: (body as Sent).chat_id, type: 'private' }, text: (body as Sent).text } }));
  return { sent, scope };
}

let nextUpdate = 1000;
function textUpdate(chatId: number, text: string, updateId = nextUpdate++) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1_763_000_000, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'An' }, text },
  };
}

describe.skipIf(!hasShared)('Telegram webhook', () => {
  let server: TestServer;
  let tg: ReturnType<typeof telegramApi>;

  beforeAll(async () => {
    nock.disableNetConnect();
    server = await startServer({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret });
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  const post = (body: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': secret }) =>
    server.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: body as object, headers });

  it('answers a question about a procedure with that procedure', async () => {
    tg = telegramApi();
    const p = server.services.procedures.find((x) => x.papers.length > 0 && x.name.length > 25) as Procedure;
    const res = await post(textUpdate(501, `${p.name} cần những giấy tờ gì?`));
    expect(res.statusCode).toBe(200);
    await server.settled();
    expect(tg.sent.length).toBeGreaterThan(0);
    expect(tg.sent.every((m) => m.chat_id === 501)).toBe(true);
    const text = tg.sent.map((m) => m.text).join('\n');
    expect(text).toContain(p.code);
    expect(text).toContain(p.papers[0].name.slice(0, 30));
    expect(tg.sent.every((m) => m.text.length <= 4096)).toBe(true);
  });

  it('answers the same update delivered twice only once', async () => {
    tg = telegramApi();
    const update = textUpdate(502, 'lệ phí đăng ký khai sinh');
    const first = await post(update);
    const second = await post(update);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    await server.settled();
    const firstCount = tg.sent.length;
    expect(firstCount).toBeGreaterThan(0);
    await post(update);
    await server.settled();
    expect(tg.sent.length).toBe(firstCount);
  });

  it('rejects a missing or wrong secret token and sends nothing', async () => {
    tg = telegramApi();
    const missing = await post(textUpdate(503, 'xin chào'), {});
    const wrong = await post(textUpdate(503, 'xin chào'), { 'x-telegram-bot-api-secret-token': `${secret}x` });
    expect(missing.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    await server.settled();
    expect(tg.sent).toEqual([]);
  });

  it('gets 400 for a malformed update and keeps serving', async () => {
    tg = telegramApi();
    const bad = await post({ message: { text: 'không có update_id' } });
    expect(bad.statusCode).toBe(400);
    const notJson = await server.app.inject({
      method: 'POST', url: '/webhooks/telegram', payload: '{"update_id": 1,', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    });
    expect(notJson.statusCode).toBe(400);
    const tooBig = await post({ ...textUpdate(504, 'x'), padding: 'a'.repeat(100 * 1024) });
    expect(tooBig.statusCode).toBe(413);
    const ok = await post(textUpdate(504, 'xin chào'));
    expect(ok.statusCode).toBe(200);
    await server.settled();
    expect(tg.sent.some((m) => m.chat_id === 504)).toBe(true);
  });

  it('replies to a voice note in text that voice is not understood yet', async () => {
    tg = telegramApi();
    const id = nextUpdate++;
    await post({ update_id: id, message: { message_id: id, date: 0, chat: { id: 505, type: 'private' }, from: { id: 505, is_bot: false, first_name: 'B' }, voice: { file_id: 'f', file_unique_id: 'u', duration: 3 } } });
    await server.settled();
    expect(tg.sent).toHaveLength(1);
    expect(tg.sent[0].text).toMatch(/chưa nghe được tin nhắn thoại/);
  });

  it('treats a button press (callback query) as the next turn of that chat', async () => {
    tg = telegramApi();
    const p = server.services.procedures[3];
    const id = nextUpdate++;
    await post({ update_id: id, callback_query: { id: 'cb1', from: { id: 506, is_bot: false, first_name: 'C' }, chat_instance: 'x', data: p.code, message: { message_id: 1, date: 0, chat: { id: 506, type: 'private' } } } });
    await server.settled();
    expect(tg.sent.length).toBeGreaterThan(0);
    expect(tg.sent[0].chat_id).toBe(506);
    expect(tg.sent.map((m) => m.text).join('\n')).toContain(p.code);
  });

  it('limits how fast one person may send', async () => {
    tg = telegramApi();
    const codes: number[] = [];
    for (let i = 0; i < 65; i++) codes.push((await post(textUpdate(507, `câu hỏi ${i}`))).statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    expect((await post(textUpdate(508, 'người khác vẫn được trả lời'))).statusCode).toBe(200);
    await server.settled();
  });
});

describe.skipIf(!hasShared || !hasRedis)('Telegram webhook with REDIS_URL (shared dedupe and rate limit)', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    redis = await startRedis();
    const env = { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret, REDIS_URL: redis.url };
    a = await startServer(env);
    b = await startServer(env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await redis.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers an update delivered to two instances once', async () => {
    const tg = telegramApi();
    const update = textUpdate(601, 'lệ phí đăng ký khai sinh');
    const headers = { 'x-telegram-bot-api-secret-token': secret };
    const [r1, r2] = await Promise.all([
      a.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: update, headers }),
      b.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: update, headers }),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    await a.settled();
    await b.settled();
    expect(tg.sent.length).toBeGreaterThan(0);
    expect(new Set(tg.sent.map((m) => m.text)).size).toBe(tg.sent.length);
  });

  it('counts one person\'s messages across both instances for the rate limit', async () => {
    telegramApi();
    const headers = { 'x-telegram-bot-api-secret-token': secret };
    const codes: number[] = [];
    for (let i = 0; i < 62; i++) {
      const app = i % 2 === 0 ? a.app : b.app;
      codes.push((await app.inject({ method: 'POST', url: '/webhooks/telegram', payload: textUpdate(602, `câu ${i}`), headers })).statusCode);
    }
    // 60 a minute in all, not 60 on each instance.
    expect(codes.filter((c) => c === 200)).toHaveLength(60);
    expect(codes.slice(60)).toEqual([429, 429]);
    await a.settled();
    await b.settled();
  });
});
