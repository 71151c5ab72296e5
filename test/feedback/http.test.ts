import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { FeedbackDesk } from '../../src/feedback/feedback-service.js';
import { holidaySet } from '../../src/feedback/holidays.js';
import { defaultDeadlines } from '../../src/feedback/lifecycle.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { buildApp } from '../../src/http/app.js';
import { feedbackRoutes } from '../../src/http/feedback.js';
import { requireStaff } from '../../src/http/staff-auth.js';
import { staffRoutes } from '../../src/http/staff.js';
import { createLogger } from '../../src/log.js';
import { createOutbox, type Outbox } from '../../src/notify/outbox.js';
import type { Services } from '../../src/services.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { RedisFeedbackStore } from '../../src/store/feedback-redis.js';
import { openEmbeddedOutboxStore } from '../../src/store/outbox-embedded.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const log = createLogger('silent');
let offsetMs = 0;

async function appWith(store: FeedbackStore, outbox?: Outbox): Promise<{ app: FastifyInstance; desk: FeedbackDesk }> {
  const desk = new FeedbackDesk({
    store, deadlines: defaultDeadlines, holidays: holidaySet(), log, notifier: outbox, tokenTtlSeconds: 3600,
    clock: () => new Date(Date.now() + offsetMs),
  });
  const services: Services = { config: readConfig({}), log, procedures: [], readinessChecks: [], closers: [], feedback: desk, feedbackStore: store };
  const adminOnly = async (app: FastifyInstance) => {
    app.get('/test/admin-only', { preHandler: requireStaff(desk, 'admin') }, async () => ({ ok: true }));
  };
  const app = await buildApp(services, [{ plugin: feedbackRoutes }, { plugin: staffRoutes }, { plugin: adminOnly }]);
  return { app, desk };
}

const valid = {
  content: 'Tôi nộp hồ sơ đăng ký khai sinh cho con tại UBND xã ngày 02/11 nhưng đến nay quá hẹn vẫn chưa nhận được kết quả.',
  name: 'Nguyễn Thị Hoa', phone: '0912 345 678', consent: true, procedureCode: '1.001193',
};

describe('feedback HTTP API (embedded store)', () => {
  let app: FastifyInstance;
  let desk: FeedbackDesk;
  let store: EmbeddedFeedbackStore;
  let outbox: Outbox;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/feedback', payload: body as object, headers });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-http-'));
    store = await EmbeddedFeedbackStore.open(dir);
    outbox = createOutbox({ store: await openEmbeddedOutboxStore(join(dir, 'outbox')), log });
    ({ app, desk } = await appWith(store, outbox));
    await desk.addStaff('canbo1', 'reviewer', 'mat-khau-can-bo-1');
    await desk.addStaff('quantri', 'admin', 'mat-khau-quan-tri');
  });
  afterAll(async () => { await app.close(); await store.close(); });

  describe('bad input gets 400 with a Vietnamese message and stores nothing', () => {
    it.each([
      ['empty content', { ...valid, content: '' }],
      ['blank content', { ...valid, content: '   \n ' }],
      ['100 KB content', { ...valid, content: 'phản ánh '.repeat(11_400) }],
      ['HTML', { ...valid, content: 'Xem <a href="http://x">đây</a>' }],
      ['script', { ...valid, content: '<script>fetch("/api/staff")</script>' }],
      ['script in the name', { ...valid, name: '<script>x</script>' }],
      ['invalid phone', { ...valid, phone: '0123' }],
      ['foreign phone', { ...valid, phone: '+1 415 555 0100' }],
      ['invalid email', { ...valid, phone: undefined, email: 'hoa@' }],
      ['no contact', { ...valid, phone: undefined }],
      ['no consent', { ...valid, consent: undefined }],
      ['consent false', { ...valid, consent: false }],
      ['consent as text', { ...valid, consent: 'true' }],
      ['content as a number', { ...valid, content: 12345 }],
      ['name as an object', { ...valid, name: { first: 'Hoa' } }],
      ['public as text', { ...valid, public: 'yes' }],
      ['unknown field', { ...valid, role: 'admin' }],
      ['an array', [valid]],
    ])('%s', async (_label, body) => {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('invalid_input');
      expect(err.message).toMatch(vietnamese);
      expect((await store.list({ offset: 0, limit: 1 })).total).toBe(0);
    });

    it('a malformed Idempotency-Key', async () => {
      const res = await post(valid, { 'idempotency-key': 'có dấu và khoảng trắng' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(vietnamese);
      expect((await store.list({ offset: 0, limit: 1 })).total).toBe(0);
    });
  });

  let code = '';
  let dupCode = '';
  it('accepts a submission: 201 with code, status, dates; the content is kept exactly', async () => {
    const res = await post({ ...valid, content: `  ${valid.content}\n` }, { 'idempotency-key': 'web-1' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^PA-\d{4}-\d{6}$/);
    expect(body.status).toBe('received');
    expect(Date.parse(body.dueAt)).toBeGreaterThan(Date.parse(body.receivedAt));
    code = body.code;
    const stored = await store.get(code);
    expect(stored!.content).toBe(`  ${valid.content}\n`);
    expect(stored!.contact.phone).toBe('0912345678');
    expect(stored!.consent.channel).toBe('api');
  });

  it('a retried request with the same Idempotency-Key returns the first result and stores nothing new', async () => {
    const res = await post({ ...valid, content: `  ${valid.content}\n` }, { 'idempotency-key': 'web-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toBe(code);
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(1);
  });

  it('the same Idempotency-Key with different feedback is refused (422), not answered with the first receipt', async () => {
    const res = await post({ ...valid, content: 'Một phản ánh khác hẳn.' }, { 'idempotency-key': 'web-1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toContain(code);
    expect(res.json().error.message).toMatch(vietnamese);
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(1);
  });

  it('status query: right contact in any format answers; wrong contact and unknown code get the same 404', async () => {
    const ok = await app.inject({ url: `/api/feedback/${code}?contact=${encodeURIComponent('+84 912 345 678')}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code, status: 'received', history: [{ status: 'received' }] });
    const wrong = await app.inject({ url: `/api/feedback/${code}?contact=0987654321` });
    const unknown = await app.inject({ url: '/api/feedback/PA-2026-999999?contact=0912345678' });
    const garbage = await app.inject({ url: '/api/feedback/khong-phai-ma?contact=0912345678' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
    expect(garbage.body).toBe(unknown.body);
    expect(wrong.json().error.message).toMatch(vietnamese);
  });

  it('a near-duplicate typed without diacritics is linked to the open one, not merged', async () => {
    const res = await post({ ...valid, phone: '0987654321', content: 'Toi nop ho so dang ky khai sinh cho con tai UBND xa ngay 02/11 nhung den nay qua hen van chua nhan duoc ket qua' });
    expect(res.statusCode).toBe(201);
    dupCode = res.json().code;
    const dup = await store.get(dupCode);
    expect(dup!.similar).toEqual([code]);
    const other = await post({ ...valid, content: 'Cán bộ tiếp nhận yêu cầu nộp thêm giấy tờ không có trong quy định.' });
    expect((await store.get(other.json().code))!.similar).toEqual([]);
  });

  describe('staff', () => {
    let reviewer = '';
    let admin = '';
    const login = (username: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });

    it('logs in with the right password only', async () => {
      const r = await login('canbo1', 'mat-khau-can-bo-1');
      expect(r.statusCode).toBe(200);
      reviewer = r.json().token;
      admin = (await login('quantri', 'mat-khau-quan-tri')).json().token;
      const bad = await login('canbo1', 'sai-mat-khau');
      const nobody = await login('khongco', 'sai-mat-khau');
      expect(bad.statusCode).toBe(401);
      expect(bad.body).toBe(nobody.body);
      expect(bad.json().error.message).toMatch(vietnamese);
    });

    it.each([
      ['GET', '/api/staff/feedback'],
      ['GET', '/api/staff/feedback/PA-2026-000001'],
      ['POST', '/api/staff/feedback/PA-2026-000001/transition'],
      ['GET', '/api/staff/feedback.csv'],
    ] as const)('%s %s without a token -> 401', async (method, url) => {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { to: 'processing' } : undefined });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(vietnamese);
      const forged = await app.inject({ method, url, headers: { authorization: 'Bearer abc' }, payload: method === 'POST' ? { to: 'processing' } : undefined });
      expect(forged.statusCode).toBe(401);
    });

    it('lists the queue with masked contacts, and filters', async () => {
      const res = await app.inject({ url: '/api/staff/feedback?status=received&q=khai%20sinh', headers: { authorization: `Bearer ${reviewer}` } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(2);
      expect(body.items[1]).toMatchObject({ code, contact: { phone: '091****678' }, overdue: false });
      expect(JSON.stringify(body)).not.toContain('0912345678');
      const bad = await app.inject({ url: '/api/staff/feedback?status=xong', headers: { authorization: `Bearer ${reviewer}` } });
      expect(bad.statusCode).toBe(400);
    });

    it('transitions: history with the actor, 409 when forbidden, 403 for the wrong role, citizen notified', async () => {
      const { code: chatCode } = await desk.submit({ ...valid, consent: true, channel: 'telegram', channelUserId: '777' });
      const auth = { authorization: `Bearer ${reviewer}` };
      const t = (to: object, who = auth, c = chatCode) =>
        app.inject({ method: 'POST', url: `/api/staff/feedback/${c}/transition`, headers: who, payload: to });

      expect((await t({ to: 'answered', note: 'x' })).statusCode).toBe(409);
      expect((await t({ to: 'processing', classification: 'thuoc_tham_quyen' })).statusCode).toBe(200);
      const answered = await t({ to: 'answered', note: 'UBND xã đã trả kết quả khai sinh ngày 25/11/2026.' });
      expect(answered.statusCode).toBe(200);
      expect(answered.json().history.map((h: { actor: string }) => h.actor)).toEqual(['citizen', 'staff:canbo1', 'staff:canbo1']);
      const publish = await t({ to: 'published' });
      expect(publish.statusCode).toBe(403);
      expect(publish.json().error.message).toMatch(vietnamese);
      expect((await t({ to: 'published' }, { authorization: `Bearer ${admin}` })).statusCode).toBe(200);
      expect((await t({ to: 'processing', extra: 1 })).statusCode).toBe(400);
      expect((await t({ to: 'processing' }, auth, 'PA-2026-999999')).statusCode).toBe(404);

      const notices = (await outbox.pending(50)).filter((e) => e.notification.ref === chatCode);
      expect(notices.map((e) => e.notification.channel)).toEqual(['telegram', 'telegram', 'telegram']);
      expect(notices.every((e) => e.notification.userId === '777' && e.notification.kind === 'feedback_status')).toBe(true);
      expect(notices.some((e) => e.notification.text.includes('UBND xã đã trả kết quả khai sinh'))).toBe(true);

      const view = await app.inject({ url: `/api/feedback/${chatCode}?contact=0912345678` });
      expect(view.json()).toMatchObject({ status: 'published', answer: 'UBND xã đã trả kết quả khai sinh ngày 25/11/2026.' });
    });

    it('detail shows the full record to staff', async () => {
      const res = await app.inject({ url: `/api/staff/feedback/${code}`, headers: { authorization: `Bearer ${reviewer}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ code, contact: { phone: '0912345678' }, overdue: false });
      expect(res.json().linkedFrom).toContain(dupCode); // the unaccented near-duplicate filed after it
    });

    it('exports a period as CSV without personal data', async () => {
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const res = await app.inject({ url: `/api/staff/feedback.csv?from=${today}&to=${today}`, headers: { authorization: `Bearer ${reviewer}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.trim().split('\r\n');
      expect(lines).toHaveLength(1 + 4);
      expect(lines[1]).toContain(code);
      expect(res.body).not.toContain('0912345678');
      expect(res.body).not.toContain('Nguyễn Thị Hoa');
      const empty = await app.inject({ url: '/api/staff/feedback.csv?from=2020-01-01&to=2020-01-31', headers: { authorization: `Bearer ${reviewer}` } });
      expect(empty.body.trim().split('\r\n')).toHaveLength(1);
    });

    it('requireStaff(admin) gives 403 to a reviewer and passes an admin', async () => {
      expect((await app.inject({ url: '/test/admin-only', headers: { authorization: `Bearer ${reviewer}` } })).statusCode).toBe(403);
      expect((await app.inject({ url: '/test/admin-only', headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(200);
    });

    it('tokens expire', async () => {
      offsetMs = 3601_000;
      try {
        const res = await app.inject({ url: '/api/staff/feedback', headers: { authorization: `Bearer ${reviewer}` } });
        expect(res.statusCode).toBe(401);
      } finally {
        offsetMs = 0;
      }
    });

    it('rate-limits login attempts with a Vietnamese 429', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await login('canbo1', `doan-mo-${i}`)).statusCode);
      expect(codes.slice(-1)[0]).toBe(429);
      const res = await login('canbo1', 'mat-khau-can-bo-1');
      expect(res.statusCode).toBe(429);
      expect(res.json().error.message).toMatch(vietnamese);
    });
  });
});

describe.skipIf(!hasRedis)('feedback HTTP API when Redis is down', () => {
  let redis: RedisServer;
  let app: FastifyInstance;
  let store: RedisFeedbackStore;
  beforeAll(async () => {
    redis = await startRedis();
    const client = connectRedis(redis.url, undefined, 'http-test');
    await redisReady(client);
    store = new RedisFeedbackStore(client);
    ({ app } = await appWith(store));
  });
  afterAll(async () => { await app.close(); await store.close(); await redis.close(); });

  it('shares the login rate limit between instances through Redis', async () => {
    const other = await appWith(store);
    try {
      const attempt = (a: FastifyInstance) =>
        a.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'canbo1', password: 'khong-dung-dau' } });
      for (let i = 0; i < 10; i++) expect((await attempt(app)).statusCode).toBe(401);
      expect((await attempt(other.app)).statusCode).toBe(429);
    } finally {
      await other.app.close();
    }
  });

  it('answers 503 with a Vietnamese message, then works again after a restart', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/feedback', payload: valid });
    expect(first.statusCode).toBe(201);
    await redis.stop();
    const down = await app.inject({ method: 'POST', url: '/api/feedback', payload: valid });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.message).toMatch(vietnamese);
    expect((await app.inject({ url: `/api/feedback/${first.json().code}?contact=0912345678` })).statusCode).toBe(503);
    expect(await store.ping()).toBe(false);
    await redis.restart();
    let up = 0;
    for (let i = 0; i < 100 && up !== 201; i++) {
      up = (await app.inject({ method: 'POST', url: '/api/feedback', payload: valid })).statusCode;
      if (up !== 201) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up).toBe(201);
    expect((await store.list({ offset: 0, limit: 10 })).total).toBe(2);
  });
});
