import { describe, expect, it } from 'vitest';
import { fingerprint, fold, jaccard, similarCodes } from '../../src/feedback/similarity.js';
import { csvCell } from '../../src/feedback/report.js';
import { statusMessage } from '../../src/feedback/status-message.js';
import type { FeedbackRecord } from '../../src/feedback/record.js';

// Snippets from ../shared/data/dec1mo_dvc_faq_questions/ask_questions.txt, typed with and without diacritics.
describe('fold', () => {
  it.each([
    ['Thời gian thực hiện thủ tục đăng ký cho tàu khách cao tốc', 'thoi gian thuc hien thu tuc dang ky cho tau khach cao toc'],
    ['Ca nhan nghi tu 40 ngay lam viec tro len', 'ca nhan nghi tu 40 ngay lam viec tro len'],
    ['Đăng ký – “Lao động tiên tiến”!', 'dang ky lao dong tien tien'],
  ])('%s', (text, folded) => expect(fold(text)).toBe(folded));
});

describe('duplicates', () => {
  const accented = fingerprint('Hồ sơ đầy đủ, hợp pháp đề nghị công nhận quỹ đủ điều kiện hoạt động được giải quyết trong bao nhiêu ngày?');
  const plain = fingerprint('Ho so day du, hop phap de nghi cong nhan quy du dieu kien hoat dong duoc giai quyet trong bao nhieu ngay?');
  const other = fingerprint('Quy trình tạo và gửi một hồ sơ TTHC trên dịch vụ công gồm những bước nào?');
  it('the same text with and without diacritics is the same fingerprint', () => expect(jaccard(accented, plain)).toBe(1));
  it('different questions are far apart', () => expect(jaccard(accented, other)).toBeLessThan(0.3));
  it('links only close candidates, closest first', () => {
    const slightly = fingerprint('Hồ sơ đầy đủ hợp pháp đề nghị công nhận quỹ đủ điều kiện hoạt động giải quyết mấy ngày');
    expect(similarCodes(accented, [
      { code: 'PA-2026-000003', tokens: other },
      { code: 'PA-2026-000002', tokens: slightly },
      { code: 'PA-2026-000001', tokens: plain },
    ])).toEqual(['PA-2026-000001', 'PA-2026-000002']);
  });
  it('empty texts are never duplicates', () => expect(jaccard([], [])).toBe(0));
});

describe('csvCell', () => {
  it.each([
    ['Chậm trả kết quả', 'Chậm trả kết quả'],
    ['a, b', '"a, b"'],
    ['nói "không"', '"nói ""không"""'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+84912345678', "'+84912345678"],
  ])('%s -> %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('statusMessage', () => {
  const base = {
    code: 'PA-2026-000123', status: 'processing', dueAt: '2026-12-07T16:59:59.999Z', agency: null, answer: null, public: false,
    history: [{ at: '2026-11-23T02:00:00.000Z', actor: 'staff:a', action: 'transition', status: 'processing' }],
  } as unknown as FeedbackRecord;
  it.each([
    [{}, ['PA-2026-000123', 'đang được xem xét', '07/12/2026', 'đến đâu rồi']],
    [{ status: 'forwarded', agency: 'Sở Xây dựng' }, ['không thuộc thẩm quyền', 'Sở Xây dựng']],
    [{ status: 'answered', answer: 'Đã trả kết quả ngày 25/11/2026.' }, ['đã có trả lời', 'Đã trả kết quả ngày 25/11/2026.']],
    [{ status: 'rejected', history: [{ at: '', actor: 'staff:a', action: 'transition', status: 'rejected', note: 'Nội dung không rõ' }] }, ['không được tiếp nhận', 'Lý do: Nội dung không rõ']],
    [{ status: 'published' }, ['công khai', 'không kèm thông tin cá nhân']],
  ])('%j', (patch, parts) => {
    const text = statusMessage({ ...base, ...patch } as FeedbackRecord);
    for (const p of parts) expect(text).toContain(p);
  });
});
