import { PENDING_CODE, type FeedbackRecord } from '../../src/feedback/record.js';
import type { NewFeedback } from '../../src/feedback/store.js';
import { fingerprint } from '../../src/feedback/similarity.js';

/** A submitted record as the desk hands it to a store (code still pending). */
export function newFeedback(patch: Partial<FeedbackRecord> = {}, opts: { year?: number; idempotencyKey?: string } = {}): NewFeedback {
  const at = patch.receivedAt ?? '2026-11-23T02:00:00.000Z';
  const record: FeedbackRecord = {
    code: PENDING_CODE, version: 0,
    content: 'Bộ phận một cửa xã hẹn trả kết quả đăng ký khai sinh nhưng quá hạn chưa trả.',
    contact: { name: 'Nguyễn Văn A', phone: '0912345678' },
    consent: { noticeVersion: 'v1', at, channel: 'api' }, channel: 'api', public: false,
    status: 'received', classification: null, agency: null, receivedAt: at, dueAt: '2026-12-07T16:59:59.999Z',
    answer: null, history: [{ at, actor: 'citizen', action: 'submitted', status: 'received' }], similar: [], updatedAt: at,
    ...patch,
  };
  record.code = PENDING_CODE;
  return { record, year: opts.year ?? 2026, tokens: fingerprint(record.content), idempotencyKey: opts.idempotencyKey };
}
