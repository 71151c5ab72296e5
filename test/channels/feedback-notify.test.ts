import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloEventMac } from '../../bots/zalo/signature.js';
import type { FeedbackDesk } from '../../src/feedback/feedback-service.js';
import type { Outbox } from '../../src/notify/outbox.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const tgToken = '123456:TEST-token';
const tgSecret = 'telegram-secret-for-tests';
const appId = '4321987654321';
const oaSecret = 'oa-secret-key-for-tests';

/**
 * A citizen files feedback in a chat on Telegram and on Zalo; a reviewer later moves it to
 * "processing" through the staff API; the outbox delivers the change back to the same chat.
 */
describe.skipIf(!hasShared)('feedback dialogue and status notification on Telegram and Zalo', () => {
  let server: TestServer;
  const telegram: Array<{ chat_id: number | string; text: string; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } }> = [];
  const zalo: Array<{ recipient: { user_id: string }; message: { text: string; attachment?: { payload: { buttons: Array<{ title: string; payload: string }> } } } }> = [];
  let staffToken = '';

  beforeAll(async () => {
    nock.disableNetConnect();
    nock('https://api.telegram.org').persist()
      .post(`/bot${tgToken}/getMe`).reply(200, { ok: true, result: { id: 123456, is_bot: true, first_name: 'Trợ lý', username: 'tro_ly_bot' } })
      .post(`/bot${tgToken}/sendChatAction`).reply(200, { ok: true, result: true })
      .post(`/bot${tgToken}/answerCallbackQuery`).reply(200, { ok: true, result: true })
      .post(`/bot${tgToken}/sendMessage`, (b: (typeof telegram)[number]) => { telegram.push(b); return true; })
      .reply(200, { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } } });
    nock('https://openapi.zalo.me').persist()
      .post('/v3.0/oa/message/cs', (b: (typeof zalo)[number]) => { zalo.push(b); return true; })
      .reply(200, { error: 0, message: 'Success', data: { message_id: 'm' } });
    server = await startServer({
      TELEGRAM_BOT_TOKEN: tgToken, TELEGRAM_WEBHOOK_SECRET: tgSecret,
      ZALO_OA_APP_ID: appId, ZALO_OA_SECRET_KEY: oaSecret, ZALO_OA_ACCESS_TOKEN: 'access-1', ZALO_OA_REFRESH_TOKEN: 'refresh-1',
    });
    await (server.services.feedback as FeedbackDesk).addStaff('canbo.motcua', 'reviewer', 'mat-khau-du-dai-123');
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'canbo.motcua', password: 'mat-khau-du-dai-123' } });
    expect(login.statusCode).toBe(200);
    staffToken = login.json().token;
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const content = 'Bộ phận một cửa xã hẹn trả giấy khai sinh cho con tôi ngày 10/11 nhưng đến nay vẫn chưa trả, cũng không báo lý do.';

  async function transitionAndDeliver(code: string) {
    const res = await server.app.inject({
      method: 'POST', url: `/api/staff/feedback/${code}/transition`, headers: { authorization: `Bearer ${staffToken}` },
      payload: { to: 'processing', classification: 'thuoc_tham_quyen', note: 'Đã chuyển cán bộ tư pháp xã kiểm tra.' },
    });
    expect(res.statusCode).toBe(200);
    const pass = await (server.services.outbox as Outbox).deliverDue();
    expect(pass.sent).toBe(1);
  }

  it('on Telegram', async () => {
    let update = 9000;
    const say = async (text: string) => {
      telegram.length = 0;
      const id = update++;
      const res = await server.app.inject({
        method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': tgSecret },
        payload: { update_id: id, message: { message_id: id, date: 0, chat: { id: 7001, type: 'private' }, from: { id: 7001, is_bot: false, first_name: 'An' }, text } },
      });
      expect(res.statusCode).toBe(200);
      await server.settled();
      return telegram.map((m) => m.text).join('\n');
    };
    const press = async (label: RegExp) => {
      const button = telegram.flatMap((m) => m.reply_markup?.inline_keyboard.flat() ?? []).find((b) => label.test(b.text));
      expect(button, `a button ${label}`).toBeDefined();
      telegram.length = 0;
      const id = update++;
      await server.app.inject({
        method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': tgSecret },
        payload: { update_id: id, callback_query: { id: `cb${id}`, from: { id: 7001, is_bot: false, first_name: 'An' }, chat_instance: 'x', data: button!.callback_data, message: { message_id: 1, date: 0, chat: { id: 7001, type: 'private' } } } },
      });
      await server.settled();
      return telegram.map((m) => m.text).join('\n');
    };

    expect(await say('Tôi muốn gửi phản ánh')).toMatch(/nội dung/i);
    await say(content);
    expect(await press(/^Đồng ý/)).toMatch(/họ và tên/i);
    await say('Nguyễn Văn An');
    expect(await say('0912345678')).toMatch(/kiểm tra lại/);
    const receipt = await press(/^Gửi/);
    const code = receipt.match(/PA-\d{4}-\d{6}/)?.[0];
    expect(code, receipt).toBeDefined();

    telegram.length = 0;
    await transitionAndDeliver(code!);
    expect(telegram).toHaveLength(1);
    expect(telegram[0].chat_id).toBe('7001');
    expect(telegram[0].text).toContain(code!);
  });

  it('on Zalo', async () => {
    let msg = 1;
    const say = async (text: string) => {
      zalo.length = 0;
      const event = { app_id: appId, event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: 'zu-7002' }, recipient: { id: 'oa' }, message: { text, msg_id: `fb-${msg++}` } };
      const raw = JSON.stringify(event);
      const res = await server.app.inject({
        method: 'POST', url: '/webhooks/zalo', payload: raw,
        headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloEventMac(appId, raw, event.timestamp, oaSecret)}` },
      });
      expect(res.statusCode).toBe(200);
      await server.settled();
      return zalo.map((m) => m.message.text).join('\n');
    };
    const buttonValue = (label: RegExp) => {
      const b = zalo.flatMap((m) => m.message.attachment?.payload.buttons ?? []).find((x) => label.test(x.title));
      expect(b, `a button ${label}`).toBeDefined();
      return b!.payload;
    };

    expect(await say('phản ánh')).toMatch(/nội dung/i);
    await say(content);
    expect(await say(buttonValue(/^Đồng ý/))).toMatch(/họ và tên/i);
    await say('Trần Thị Bình');
    expect(await say('binh.tran@example.com')).toMatch(/kiểm tra lại/);
    const receipt = await say(buttonValue(/^Gửi/));
    const code = receipt.match(/PA-\d{4}-\d{6}/)?.[0];
    expect(code, receipt).toBeDefined();

    zalo.length = 0;
    await transitionAndDeliver(code!);
    expect(zalo).toHaveLength(1);
    expect(zalo[0].recipient.user_id).toBe('zu-7002');
    expect(zalo[0].message.text).toContain(code!);
  });
});
