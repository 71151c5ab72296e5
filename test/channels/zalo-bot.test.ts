import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const token = '987654:zalo-bot-token';
const secret = 'zalo-bot-secret';
const api = 'https://bot-api.zaloplatforms.com';

describe.skipIf(!hasShared)('Zalo Bot Platform webhook', () => {
  let server: TestServer;
  let sent: Array<{ chat_id: string; text: string }> = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    server = await startServer({ ZALO_BOT_TOKEN: token, ZALO_BOT_WEBHOOK_SECRET: secret });
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    sent = [];
  });
  const botApi = () => nock(api).persist()
    .post(`/bot${token}/sendMessage`, (b: { chat_id: string; text: string }) => { sent.push(b); return true; })
    .reply(200, { ok: true, result: { message_id: 'x', date: 0 } });

  let n = 1;
  const update = (chat: string, text: string, id = `zm-${n++}`) => ({
    ok: true,
    result: { event_name: 'message.text.received', message: { message_id: id, date: 1763000000000, text, from: { id: chat, display_name: 'An' }, chat: { id: chat, chat_type: 'PRIVATE' } } },
  });
  const post = (body: unknown, headers: Record<string, string> = { 'x-bot-api-secret-token': secret }) =>
    server.app.inject({ method: 'POST', url: '/webhooks/zalo-bot', payload: body as object, headers });

  it('answers a question with the right procedure through sendMessage', async () => {
    botApi();
    const p = server.services.procedures.find((x) => x.papers.length > 0 && x.name.length > 25) as Procedure;
    expect((await post(update('c-1', `${p.name} cần giấy tờ gì`))).statusCode).toBe(200);
    await server.settled();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.chat_id === 'c-1' && m.text.length <= 2000)).toBe(true);
    expect(sent.map((m) => m.text).join('\n')).toContain(p.code);
  });

  it('rejects a missing or wrong secret and answers a repeated message once', async () => {
    botApi();
    expect((await post(update('c-2', 'xin chào'), {})).statusCode).toBe(401);
    expect((await post(update('c-2', 'xin chào'), { 'x-bot-api-secret-token': 'wrong' })).statusCode).toBe(401);
    await server.settled();
    expect(sent).toEqual([]);
    const u = update('c-2', 'lệ phí khai sinh');
    await post(u);
    await post(u);
    await server.settled();
    const count = sent.length;
    expect(count).toBeGreaterThan(0);
    await post(u);
    await server.settled();
    expect(sent.length).toBe(count);
    expect((await post({ result: { message: {} } })).statusCode).toBe(400);
  });
});
