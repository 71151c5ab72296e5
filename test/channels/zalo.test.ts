import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createZaloChannel } from '../../bots/zalo/channel.js';
import { messagingWindow } from '../../bots/zalo/interaction.js';
import { verifyZaloEvent, zaloEventMac } from '../../bots/zalo/signature.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { UndeliverableError } from '../../src/notify/notification.js';
import { hasShared } from '../support/shared.js';
import { startServer, type TestServer } from './server.js';

const appId = '4321987654321';
const oaSecret = 'oa-secret-key-for-tests';
const appSecret = 'app-secret-for-tests';
const oaApi = 'https://openapi.zalo.me';
const oauth = 'https://oauth.zaloapp.com';

describe('Zalo signature and messaging windows', () => {
  const body = '{"app_id":"1","event_name":"user_send_text","timestamp":"1763000000000"}';
  const mac = createHash('sha256').update(`1${body}1763000000000secret`).digest('hex');
  const base = { appId: '1', rawBody: body, timestamp: '1763000000000', oaSecretKey: 'secret', now: 1763000000000 + 1000, windowMs: 60_000 };

  it('computes sha256(app_id + body + timestamp + OA secret key)', () => {
    expect(zaloEventMac('1', body, '1763000000000', 'secret')).toBe(mac);
  });

  it.each([
    ['a correct mac= header', 'ok', `mac=${mac}`, {}],
    ['the bare hex', 'ok', mac, {}],
    ['no header', 'missing', undefined, {}],
    ['an empty header', 'missing', '', {}],
    ['a mac of another body', 'forged', `mac=${mac}`, { rawBody: `${body} ` }],
    ['the app secret instead of the OA secret', 'forged', `mac=${mac}`, { oaSecretKey: 'app-secret' }],
    ['a truncated mac', 'forged', `mac=${mac.slice(0, 32)}`, {}],
    ['an old event', 'stale', `mac=${mac}`, { now: 1763000000000 + 120_000 }],
    ['no timestamp', 'missing', `mac=${mac}`, { timestamp: undefined }],
  ])('%s is %s', (_name, verdict, header, over) => {
    expect(verifyZaloEvent({ ...base, ...over, header })).toBe(verdict);
  });

  const h = 3600_000;
  it.each([
    [null, 'closed'],
    [0, 'consultation'],
    [47 * h, 'consultation'],
    [48 * h + 1, 'extended'],
    [7 * 24 * h, 'extended'],
    [7 * 24 * h + 1, 'closed'],
  ])('last interaction %s ms ago: %s', (age, expected) => {
    const now = 1_800_000_000_000;
    expect(messagingWindow(age === null ? null : now - age, now)).toBe(expected);
  });
});

interface CsMessage { recipient: { user_id: string }; message: { text: string; attachment?: unknown } }

describe.skipIf(!hasShared)('Zalo Official Account webhook', () => {
  let server: TestServer;
  let sent: Array<CsMessage & { token: string }> = [];
  let refreshes = 0;
  let now = Date.now();

  /** Zalo stand-ins: the consultation endpoint accepts only `valid` tokens; the OAuth endpoint rotates them. */
  let valid = new Set(['access-1']);
  function zaloApi() {
    nock(oaApi).persist()
      .post('/v3.0/oa/message/cs')
      .reply(function (_uri, body) {
        const token = String(this.req.headers.access_token);
        if (!valid.has(token)) return [200, { error: -216, message: 'Access token is invalid' }];
        sent.push({ ...(body as CsMessage), token });
        return [200, { error: 0, message: 'Success', data: { message_id: `m${sent.length}` } }];
      });
    nock(oauth).persist()
      .post('/v4/oa/access_token')
      .reply(function (_uri, body) {
        refreshes++;
        const form = new URLSearchParams(String(body));
        if (this.req.headers.secret_key !== appSecret || form.get('grant_type') !== 'refresh_token' || form.get('app_id') !== appId) {
          return [200, { error: -14002, error_description: 'bad request' }];
        }
        const n = refreshes + 1;
        valid = new Set([`access-${n}`]);
        return [200, { access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: '90000' }];
      });
  }

  beforeAll(async () => {
    nock.disableNetConnect();
    server = await startServer({
      ZALO_OA_APP_ID: appId, ZALO_OA_SECRET_KEY: oaSecret, ZALO_APP_SECRET: appSecret,
      ZALO_OA_ACCESS_TOKEN: 'access-1', ZALO_OA_REFRESH_TOKEN: 'refresh-1',
    });
  });
  afterAll(async () => {
    await server.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    sent = [];
  });

  let msg = 1;
  function textEvent(userId: string, text: string, msgId = `msg-${msg++}`, timestamp = String(now)) {
    return { app_id: appId, user_id_by_app: `app-${userId}`, event_name: 'user_send_text', timestamp, sender: { id: userId }, recipient: { id: 'oa-1' }, message: { text, msg_id: msgId } };
  }
  function post(event: object, sign: 'good' | 'forged' | 'none' = 'good') {
    const raw = JSON.stringify(event);
    const ts = String((event as { timestamp: string }).timestamp);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (sign === 'good') headers['x-zevent-signature'] = `mac=${zaloEventMac(appId, raw, ts, oaSecret)}`;
    if (sign === 'forged') headers['x-zevent-signature'] = `mac=${zaloEventMac(appId, raw, ts, 'guessed-secret')}`;
    return server.app.inject({ method: 'POST', url: '/webhooks/zalo', payload: raw, headers });
  }

  it('answers a question with the right procedure through the consultation endpoint', async () => {
    zaloApi();
    const p = server.services.procedures.find((x) => x.papers.length > 0 && x.name.length > 25) as Procedure;
    const res = await post(textEvent('u-100', `${p.name} cần giấy tờ gì`));
    expect(res.statusCode).toBe(200);
    await server.settled();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.recipient.user_id === 'u-100' && m.message.text.length <= 2000)).toBe(true);
    const text = sent.map((m) => m.message.text).join('\n');
    expect(text).toContain(p.code);
    expect(text).toContain(p.papers[0].name.slice(0, 30));
  });

  it('rejects forged and missing signatures and sends nothing', async () => {
    zaloApi();
    expect((await post(textEvent('u-101', 'xin chào'), 'forged')).statusCode).toBe(401);
    expect((await post(textEvent('u-101', 'xin chào'), 'none')).statusCode).toBe(401);
    // A body changed after signing.
    const event = textEvent('u-101', 'xin chào');
    const raw = JSON.stringify(event);
    const res = await server.app.inject({
      method: 'POST', url: '/webhooks/zalo', payload: raw.replace('xin chào', 'chuyển tiền'),
      headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloEventMac(appId, raw, event.timestamp, oaSecret)}` },
    });
    expect(res.statusCode).toBe(401);
    await server.settled();
    expect(sent).toEqual([]);
  });

  it('ignores a correctly signed event outside the freshness window', async () => {
    zaloApi();
    const res = await post(textEvent('u-102', 'xin chào', undefined, String(now - 60 * 60 * 1000)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ignored: 'stale' });
    await server.settled();
    expect(sent).toEqual([]);
  });

  it('answers the same msg_id once', async () => {
    zaloApi();
    const event = textEvent('u-103', 'lệ phí đăng ký khai sinh');
    await post(event);
    await post(event);
    await server.settled();
    const count = sent.length;
    expect(count).toBeGreaterThan(0);
    await post(event);
    await server.settled();
    expect(sent.length).toBe(count);
  });

  it('greets on follow and gets 400 for a malformed event', async () => {
    zaloApi();
    const follow = { app_id: appId, oa_id: 'oa-1', event_name: 'follow', timestamp: String(now), source: 'oa_profile', follower: { id: 'u-104' } };
    expect((await post(follow)).statusCode).toBe(200);
    await server.settled();
    expect(sent).toHaveLength(1);
    expect(sent[0].message.text).toMatch(/^Xin chào/);
    const bad = { timestamp: String(now), event_name: 42 };
    expect((await post(bad)).statusCode).toBe(400);
    const notJson = await server.app.inject({ method: 'POST', url: '/webhooks/zalo', payload: '{"a":', headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=00' } });
    expect(notJson.statusCode).toBe(400);
  });

  it('refreshes an expired access token once for concurrent sends and persists the new refresh token', async () => {
    zaloApi();
    valid = new Set(['access-99']); // the configured token has expired
    refreshes = 0;
    await Promise.all([post(textEvent('u-105', 'xin chào')), post(textEvent('u-106', 'xin chào'))]);
    await server.settled();
    expect(refreshes).toBe(1);
    expect(new Set(sent.map((m) => m.recipient.user_id))).toEqual(new Set(['u-105', 'u-106']));
    expect(sent.every((m) => m.token === 'access-2')).toBe(true);
    const stored = JSON.parse(readFileSync(join(server.services.config.DATA_DIR, 'zalo-oa-token.json'), 'utf8'));
    expect(stored).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('delivers notifications inside the window and reports them undeliverable after 7 days', async () => {
    zaloApi();
    await post(textEvent('u-107', 'xin chào'));
    await server.settled();
    sent = [];
    const later = (ms: number) => createZaloChannel(server.services, { now: () => now + ms })!;
    const n = { id: 'n1', channel: 'zalo', userId: 'u-107', text: 'Phản ánh PA-2026-000001 đã được tiếp nhận xử lý.', kind: 'feedback_status', createdAt: new Date().toISOString() };
    await later(3600_000).sender!(n);
    expect(sent.map((m) => m.message.text)).toEqual([n.text]);
    await expect(later(8 * 24 * 3600_000).sender!(n)).rejects.toBeInstanceOf(UndeliverableError);
    await expect(later(0).sender!({ ...n, userId: 'never-wrote' })).rejects.toBeInstanceOf(UndeliverableError);
    expect(sent).toHaveLength(1);
  });
});
