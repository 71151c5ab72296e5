import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackDesk } from '../../src/feedback/feedback-service.js';
import { holidaySet } from '../../src/feedback/holidays.js';
import { defaultDeadlines } from '../../src/feedback/lifecycle.js';
import { createLogger } from '../../src/log.js';
import { createOutbox } from '../../src/notify/outbox.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { openEmbeddedOutboxStore } from '../../src/store/outbox-embedded.js';

const log = createLogger('silent');
const base = { content: 'Chưa nhận được kết quả chứng thực bản sao dù đã quá hẹn.', name: 'Lê Văn C', phone: '0987654321', consent: true as const };

describe('FeedbackDesk', () => {
  let dir: string;
  let store: EmbeddedFeedbackStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-'));
    store = await EmbeddedFeedbackStore.open(dir);
  });
  afterEach(async () => { await store.close(); });
  const desk = (extra: Partial<ConstructorParameters<typeof FeedbackDesk>[0]> = {}) =>
    new FeedbackDesk({ store, deadlines: defaultDeadlines, holidays: holidaySet(), log, ...extra });

  it('numbers codes by the Vietnamese year of receipt', async () => {
    const before = await desk().submit(base, { now: new Date('2026-12-31T16:30:00Z') }); // 23:30 on 31/12 local
    const after = await desk().submit(base, { now: new Date('2026-12-31T17:30:00Z') }); // 00:30 on 01/01 local
    expect(before.code).toBe('PA-2026-000001');
    expect(after.code).toBe('PA-2027-000001');
  });

  it('gives the due date as the end of the 10th working day, skipping Tết', async () => {
    const r = await desk().submit(base, { now: new Date('2026-02-12T03:00:00Z') });
    expect(r.dueAt).toBe('2026-03-05T16:59:59.999Z');
  });

  it('stores a submission without any contact as khong_tiep_nhan, with the reason in its history', async () => {
    const r = await desk().submit({ content: base.content, name: base.name, consent: true });
    expect(r.status).toBe('rejected');
    const stored = await store.get(r.code);
    expect(stored).toMatchObject({ status: 'rejected', classification: 'khong_tiep_nhan' });
    expect(stored!.history[0]!.note).toContain('thiếu thông tin liên hệ');
  });

  it('records the consent as given by the dialogue', async () => {
    const consentRecord = { noticeVersion: 'pdp-2025-11', at: '2026-11-22T01:00:00.000Z', channel: 'zalo', messageId: 'm-9' };
    const r = await desk().submit({ ...base, consentRecord, channel: 'zalo', channelUserId: 'z-1' });
    expect((await store.get(r.code))!.consent).toEqual(consentRecord);
  });

  it('keeps the status change when the outbox cannot take the notice', async () => {
    const outboxStore = await openEmbeddedOutboxStore(join(dir, 'outbox'));
    const outbox = createOutbox({ store: outboxStore, log });
    const d = desk({ notifier: outbox });
    const r = await d.submit({ ...base, channel: 'telegram', channelUserId: '42' });
    await outboxStore.close(); // the real outbox, now unable to write
    await expect(outbox.enqueue({ channel: 'telegram', userId: '42', text: 'thử', kind: 'test' })).rejects.toThrow();
    const next = await d.transition(r.code, { to: 'processing' }, { username: 'canbo1', role: 'reviewer' });
    expect(next.status).toBe('processing');
    expect((await store.get(r.code))!.status).toBe('processing');
  });

  it('retries a transition that lost a race and applies it on the fresh record', async () => {
    const d = desk();
    const r = await d.submit(base);
    const actor = { username: 'canbo1', role: 'reviewer' as const };
    const [a, b] = await Promise.allSettled([
      d.transition(r.code, { to: 'processing' }, actor),
      d.transition(r.code, { to: 'rejected', note: 'Trùng lặp' }, actor),
    ]);
    // One wins; the other is re-read and judged against the winner (409 if no longer allowed).
    const outcomes = [a, b].map((x) => (x.status === 'fulfilled' ? x.value.status : (x.reason as { status: number }).status));
    expect(outcomes.filter((o) => o === 409)).toHaveLength(1);
    expect((await store.get(r.code))!.version).toBe(1);
  });
});
