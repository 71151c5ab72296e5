import { describe, expect, it } from 'vitest';
import { holidaySet } from '../../src/feedback/holidays.js';
import {
  applyTransition, defaultDeadlines, dueDate, initialState, isOverdue, RoleError, TransitionError, transitions,
  type Actor, type TransitionInput,
} from '../../src/feedback/lifecycle.js';
import { statuses, type FeedbackRecord, type FeedbackStatus } from '../../src/feedback/record.js';
import { ValidationError } from '../../src/errors.js';
import { vnDate } from '../../src/feedback/working-days.js';

const holidays = holidaySet();
const reviewer: Actor = { username: 'canbo1', role: 'reviewer' };
const admin: Actor = { username: 'quantri', role: 'admin' };
const now = new Date('2026-11-25T03:00:00Z');

function record(status: FeedbackStatus, patch: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    code: 'PA-2026-000123', version: 3, content: 'Chậm trả kết quả', contact: { name: 'A', phone: '0912345678' },
    consent: { noticeVersion: 'v1', at: '2026-11-23T02:00:00.000Z', channel: 'telegram' }, channel: 'telegram',
    channelUserId: '42', public: false, status, classification: null, agency: null,
    receivedAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-12-07T16:59:59.999Z', answer: null,
    history: [{ at: '2026-11-23T02:00:00.000Z', actor: 'citizen', action: 'submitted', status: 'received' }],
    similar: [], updatedAt: '2026-11-23T02:00:00.000Z', ...patch,
  };
}

const apply = (from: FeedbackStatus, input: TransitionInput, actor = reviewer, patch: Partial<FeedbackRecord> = {}) =>
  applyTransition(record(from, patch), input, actor, now, defaultDeadlines, holidays);

describe('transitions table', () => {
  // [from, input, actor, expected status | error class]
  const cases: Array<[FeedbackStatus, TransitionInput, Actor, FeedbackStatus | typeof TransitionError | typeof RoleError | typeof ValidationError]> = [
    ['received', { to: 'processing' }, reviewer, 'processing'],
    ['received', { to: 'processing', classification: 'hanh_vi' }, reviewer, 'processing'],
    ['received', { to: 'processing', classification: 'khong_thuoc_tham_quyen' }, reviewer, ValidationError],
    ['received', { to: 'rejected', note: 'Nội dung không rõ ràng' }, reviewer, 'rejected'],
    ['received', { to: 'rejected' }, reviewer, ValidationError],
    ['received', { to: 'forwarded', agency: 'Sở Tài nguyên và Môi trường' }, reviewer, 'forwarded'],
    ['received', { to: 'forwarded' }, reviewer, ValidationError],
    ['received', { to: 'answered', note: 'x' }, reviewer, TransitionError],
    ['received', { to: 'published' }, admin, TransitionError],
    ['received', { to: 'received' }, admin, TransitionError],
    ['received', { to: 'withdrawn' }, reviewer, 'withdrawn'],
    ['processing', { to: 'answered', note: 'Đã trả kết quả ngày 20/11.' }, reviewer, 'answered'],
    ['processing', { to: 'answered' }, reviewer, ValidationError],
    ['processing', { to: 'forwarded', agency: 'UBND huyện' }, reviewer, 'forwarded'],
    ['processing', { to: 'rejected', note: 'x' }, reviewer, TransitionError],
    ['forwarded', { to: 'answered', note: 'Cơ quan có thẩm quyền đã trả lời.' }, reviewer, 'answered'],
    ['forwarded', { to: 'processing' }, reviewer, TransitionError],
    ['answered', { to: 'published' }, reviewer, RoleError],
    ['answered', { to: 'published' }, admin, 'published'],
    ['answered', { to: 'processing' }, reviewer, RoleError],
    ['answered', { to: 'processing' }, admin, 'processing'],
    ['rejected', { to: 'processing' }, admin, TransitionError],
    ['published', { to: 'withdrawn' }, admin, TransitionError],
    ['withdrawn', { to: 'processing' }, admin, TransitionError],
  ];
  it.each(cases)('%s -> %j by %j', (from, input, actor, expected) => {
    if (typeof expected === 'string') {
      const next = apply(from, input, actor);
      expect(next.status).toBe(expected);
      expect(next.version).toBe(4);
      const last = next.history.at(-1)!;
      expect(last).toMatchObject({ actor: `staff:${actor.username}`, action: 'transition', from, status: expected, at: now.toISOString() });
    } else {
      expect(() => apply(from, input, actor)).toThrow(expected);
    }
  });

  it('every status is covered by the table of rules', () => {
    for (const s of statuses) expect(s in transitions).toBe(true);
  });

  it('refusals carry HTTP statuses 409 / 403 / 400', () => {
    const status = (fn: () => unknown) => { try { fn(); } catch (e) { return (e as { status: number }).status; } return 0; };
    expect(status(() => apply('received', { to: 'published' }, admin))).toBe(409);
    expect(status(() => apply('answered', { to: 'published' }))).toBe(403);
    expect(status(() => apply('received', { to: 'forwarded' }))).toBe(400);
  });
});

describe('what transitions record', () => {
  it('forwarding sets the classification and the agency', () => {
    const next = apply('received', { to: 'forwarded', agency: 'Sở Xây dựng' });
    expect(next).toMatchObject({ classification: 'khong_thuoc_tham_quyen', agency: 'Sở Xây dựng' });
  });
  it('rejecting classifies khong_tiep_nhan and keeps the reason for the citizen', () => {
    const next = apply('received', { to: 'rejected', note: 'Thiếu nội dung cụ thể' });
    expect(next.classification).toBe('khong_tiep_nhan');
    expect(next.history.at(-1)!.note).toBe('Thiếu nội dung cụ thể');
  });
  it('answering stores the answer', () => {
    expect(apply('processing', { to: 'answered', note: 'Đã khắc phục.' }).answer).toBe('Đã khắc phục.');
  });
  it('processing sets the due date from the classification deadline', () => {
    const next = applyTransition(record('received'), { to: 'processing', classification: 'hanh_vi' }, reviewer, now,
      { ...defaultDeadlines, hanh_vi: 3 }, holidays);
    expect(vnDate(next.dueAt)).toBe('2026-11-26'); // received Mon 23/11 + 3 working days
  });
  it('does not change the input record', () => {
    const r = record('received');
    applyTransition(r, { to: 'processing' }, reviewer, now, defaultDeadlines, holidays);
    expect(r.status).toBe('received');
    expect(r.history).toHaveLength(1);
  });
});

describe('deadlines', () => {
  it.each([
    ['2026-11-23T02:00:00Z', 'thuoc_tham_quyen', '2026-12-07'],
    ['2026-11-23T02:00:00Z', 'khong_thuoc_tham_quyen', '2026-11-30'],
    ['2026-02-10T02:00:00Z', 'thuoc_tham_quyen', '2026-03-03'], // Tết Bính Ngọ stops the clock for a week
    ['2026-04-23T02:00:00Z', 'khong_thuoc_tham_quyen', '2026-05-05'], // Giỗ Tổ, 30/4 and 1/5
  ] as const)('received %s, %s -> due %s (end of day)', (received, cls, due) => {
    const d = dueDate(new Date(received), cls, defaultDeadlines, holidays);
    expect(vnDate(d)).toBe(due);
    expect(d.toISOString().endsWith('16:59:59.999Z')).toBe(true);
  });

  it('overdue only while the province still owes an action', () => {
    const late = new Date('2026-12-08T01:00:00Z');
    expect(isOverdue(record('received'), late)).toBe(true);
    expect(isOverdue(record('processing'), late)).toBe(true);
    expect(isOverdue(record('answered'), late)).toBe(false);
    expect(isOverdue(record('received'), new Date('2026-12-07T16:00:00Z'))).toBe(false);
  });
});

describe('initialState', () => {
  it.each([
    [{ phone: '0912345678' }, 'received', null],
    [{ email: 'a@b.vn' }, 'received', null],
    [{}, 'rejected', 'khong_tiep_nhan'],
  ] as const)('%j -> %s / %s', (contact, status, classification) => {
    expect(initialState(contact)).toMatchObject({ status, classification });
  });
});
