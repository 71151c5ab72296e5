import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { FeedbackDesk } from '../../src/feedback/feedback-service.js';
import { holidaySet } from '../../src/feedback/holidays.js';
import { defaultDeadlines } from '../../src/feedback/lifecycle.js';
import { buildApp } from '../../src/http/app.js';
import { outboxRoutes } from '../../src/http/outbox.js';
import { createLogger } from '../../src/log.js';
import { UndeliverableError } from '../../src/notify/notification.js';
import { createOutbox, type Outbox } from '../../src/notify/outbox.js';
import type { Services } from '../../src/services.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { openEmbeddedOutboxStore } from '../../src/store/outbox-embedded.js';

describe('staff outbox API', () => {
  let dir = '';
  let app: FastifyInstance;
  let outbox: Outbox;
  let desk: FeedbackDesk;
  let token = '';
  let failedId = '';
  let zaloUp = false;
  const delivered: string[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-http-'));
    const log = createLogger('silent');
    const config = readConfig({ DATA_DIR: dir, KNOWLEDGE_DIR: dir });
    const feedbackStore = await EmbeddedFeedbackStore.open(dir);
    const outboxStore = await openEmbeddedOutboxStore(dir, log);
    closers.push(() => feedbackStore.close(), () => outboxStore.close());
    outbox = createOutbox({ store: outboxStore, log, maxAttempts: 3 });
    desk = new FeedbackDesk({ store: feedbackStore, deadlines: defaultDeadlines, holidays: holidaySet(), log, notifier: outbox });
    const services: Services = { config, log, procedures: [], readinessChecks: [], closers: [], outbox, feedback: desk };
    app = await buildApp(services, [{ plugin: outboxRoutes }]);

    await desk.addStaff('canbo.mot', 'reviewer', 'mat-khau-rat-dai-2026');
    token = (await desk.login('canbo.mot', 'mat-khau-rat-dai-2026'))!.token;

    // A real feedback filed on Zalo, then a real status change whose notice Zalo refuses.
    const receipt = await desk.submit({
      content: 'Bộ phận một cửa xã đóng cửa sớm trước giờ hành chính.', name: 'Đỗ Thị Hoa', phone: '0912345678',
      consent: true, channel: 'zalo', channelUserId: 'zalo-user-77',
    });
    outbox.registerSender('zalo', async (n) => {
      if (!zaloUp) throw new UndeliverableError('Zalo: the person has not interacted with the OA in the last 7 days');
      delivered.push(n.id);
    });
    await desk.transition(receipt.code, { to: 'processing', classification: 'thuoc_tham_quyen' }, { username: 'canbo.mot', role: 'reviewer' });
    await outbox.deliverDue();
    failedId = (await outbox.failed())[0]?.notification.id ?? '';
  });

  afterAll(async () => {
    await app?.close();
    for (const close of closers) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses without a valid token', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/staff/outbox/failed' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.message).toMatch(/đăng nhập/);
    const bad = await app.inject({ method: 'POST', url: `/api/staff/outbox/${failedId}/retry`, headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(401);
  });

  it('lists the failed status notice with its last error and attempts, without the person\'s channel id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/staff/outbox/failed', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: failedId, channel: 'zalo', kind: 'feedback_status', status: 'failed', attempts: 1 });
    expect(items[0].lastError).toMatch(/7 days/);
    expect(items[0].text).toMatch(/đang được xem xét, xử lý/);
    expect(JSON.stringify(items[0])).not.toContain('zalo-user-77');
  });

  it('puts a failed notice back in the queue on retry, and it is delivered', async () => {
    zaloUp = true;
    const res = await app.inject({ method: 'POST', url: `/api/staff/outbox/${failedId}/retry`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: failedId, status: 'pending', attempts: 0 });
    await outbox.deliverDue();
    expect(delivered).toEqual([failedId]);
    const list = await app.inject({ method: 'GET', url: '/api/staff/outbox/failed', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().items).toEqual([]);
  });

  it('answers 404 for an unknown or not-failed id and 400 for a malformed one', async () => {
    const again = await app.inject({ method: 'POST', url: `/api/staff/outbox/${failedId}/retry`, headers: { authorization: `Bearer ${token}` } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/Không tìm thấy/);
    const bad = await app.inject({ method: 'POST', url: '/api/staff/outbox/xyz/retry', headers: { authorization: `Bearer ${token}` } });
    expect(bad.statusCode).toBe(400);
  });
});
