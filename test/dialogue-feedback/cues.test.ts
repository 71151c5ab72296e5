import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';
import {
  editTarget, findFeedbackCode, isCancel, isComplaintOrDenunciation, isConfirm, isConsent, isFeedbackRequest, isStatusRequest,
} from '../../src/assistant/skills/feedback-cues.js';
import { readContact, readContent, readName } from '../../src/assistant/skills/feedback-contact.js';

const f = (s: string) => foldDiacritics(normalizeText(s));

describe('feedback cues', () => {
  // The first two are the dev set's own questions (../shared/eval/dev.jsonl d036, d037).
  const feedback: [string, boolean][] = [
    ['toi muon phan anh viec giai quyet ho so bi tre han', true],
    ['Tôi muốn phản ánh', true],
    ['kiến nghị về giờ làm việc của bộ phận một cửa', true],
    ['gop y cho xa ve thu tuc', true],
    ['Tôi muốn khiếu nại về thái độ của cán bộ tiếp dân', true],
    ['thủ tục đăng ký khai sinh cần giấy tờ gì', false],
    ['lệ phí cấp hộ chiếu bao nhiêu', false],
  ];
  it.each(feedback)('feedback request: %s -> %s', (text, expected) => {
    expect(isFeedbackRequest(f(text))).toBe(expected);
  });

  const status: [string, boolean][] = [
    ['phản ánh mã PA-2026-000045 xử lý đến đâu rồi', true],
    ['phan anh PA-2026-000123 den dau roi', true],
    ['PA-2026-000123', true],
    ['tra cứu phản ánh', true],
    ['phản ánh của tôi đã có kết quả chưa', true],
    ['toi muon phan anh viec giai quyet ho so bi tre han', false],
    ['Tôi muốn phản ánh', false],
  ];
  it.each(status)('status request: %s -> %s', (text, expected) => {
    expect(isStatusRequest(text, f(text))).toBe(expected);
  });

  const codes: [string, string | null][] = [
    ['phản ánh PA-2026-000123 đến đâu rồi', 'PA-2026-000123'],
    ['ma pa 2026 000045', 'PA-2026-000045'],
    ['pa-2026-000045.', 'PA-2026-000045'],
    ['PA-2026-12', null],
  ];
  it.each(codes)('code in %s -> %s', (text, code) => expect(findFeedbackCode(text)).toBe(code));

  const complaints: [string, boolean][] = [
    ['Tôi muốn khiếu nại quyết định xử phạt của UBND xã', true],
    ['toi muon to cao can bo xa nhan tien', true],
    ['tố cáo cán bộ địa chính', true],
    ['gửi đơn khiếu nại ở đâu', true],
    // Published procedures about settling complaints are procedure questions (e.g. "Thủ tục giải quyết khiếu nại về trợ giúp pháp lý").
    ['Thủ tục giải quyết khiếu nại về trợ giúp pháp lý cần giấy tờ gì', false],
    ['Giải quyết tố cáo không thuộc lĩnh vực tố tụng hình sự thời hạn bao lâu', false],
    ['Tôi muốn khiếu nại về thái độ của cán bộ', false],
    ['phản ánh việc giải quyết khiếu nại chậm', false],
  ];
  it.each(complaints)('complaint or denunciation: %s -> %s', (text, expected) => {
    expect(isComplaintOrDenunciation(f(text))).toBe(expected);
  });

  const consent: [string, boolean][] = [
    ['Đồng ý', true], ['dong y', true], ['đồng ý.', true], ['Tôi đồng ý', true], ['vâng, tôi đồng ý ạ', true], ['DONG Y', true],
    ['ok', false], ['có', false], ['', false], ['   ', false], ['không đồng ý', false], ['đồng ý không?', false],
    ['tôi chưa đồng ý', false], ['để tôi xem đã', false], ['y', false],
  ];
  it.each(consent)('consent: %j -> %s', (text, expected) => expect(isConsent(f(text))).toBe(expected));

  const cancel: [string, boolean][] = [
    ['hủy', true], ['huy', true], ['Hủy bỏ', true], ['thôi', true], ['tôi muốn hủy', true],
    ['hủy hồ sơ của tôi bị từ chối vô lý', false], ['huy chuong', false],
  ];
  it.each(cancel)('cancel: %j -> %s', (text, expected) => expect(isCancel(f(text))).toBe(expected));

  const confirm: [string, boolean][] = [
    ['Gửi', true], ['gui', true], ['gửi đi', true], ['xác nhận', true], ['Thử lại', true], ['thu lai', true], ['đúng rồi', true],
    ['chưa', false], ['sửa tên', false], ['ừm để xem', false],
  ];
  it.each(confirm)('confirm: %j -> %s', (text, expected) => expect(isConfirm(f(text))).toBe(expected));

  const edits: [string, string | null][] = [
    ['Sửa nội dung', 'content'], ['sua ten', 'name'], ['sửa số điện thoại', 'contact'], ['đổi email', 'contact'], ['sửa', null], ['gửi', null],
  ];
  it.each(edits)('edit: %j -> %s', (text, expected) => expect(editTarget(f(text))).toBe(expected));
});

describe('feedback contact, name and content', () => {
  const contacts: [string, string | null][] = [
    ['0912345678', 'phone:0912345678'],
    ['0912 345 678', 'phone:0912345678'],
    ['+84 912.345.678', 'phone:0912345678'],
    ['024 3823 4567', 'phone:02438234567'],
    ['NguyenVanAn@Gmail.com', 'email:nguyenvanan@gmail.com'],
    ['số điện thoại của tôi là 0912 345 678', 'phone:0912345678'],
    ['sdt: 0987.654.321 nhé', 'phone:0987654321'],
    ['email của tôi là an.nguyen@yahoo.com.vn.', 'email:an.nguyen@yahoo.com.vn'],
    ['0912345678 hoặc 0987654321', null],
    ['091234567', null],
    ['0123456789', null],
    ['nguyenvanan@gmail', null],
    ['số của tôi là không chín một', null],
  ];
  it.each(contacts)('contact %j -> %s', (text, expected) => {
    const r = readContact(text);
    if (expected === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.userMessage).toMatch(/[ăâđêôơư]/); // a Vietnamese sentence
    } else {
      expect(r.ok && (r.phone ? `phone:${r.phone}` : `email:${r.email}`)).toBe(expected);
    }
  });

  const names: [string, string | null][] = [
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['  trần   thị  bích ', 'trần thị bích'],
    ['Hồ Thị Kim Ngân', 'Hồ Thị Kim Ngân'],
    ['A', null],
    ['0912345678', null],
    ['<b>An</b>', null],
    ['lệ phí làm hộ chiếu phổ thông là bao nhiêu vậy bạn', null],
    ['lệ phí hộ chiếu bao nhiêu', null],
    ['thủ tục khai sinh', null],
    ['Đỗ Gia Khánh', 'Đỗ Gia Khánh'],
    ['Nguyễn Thị Được', 'Nguyễn Thị Được'],
  ];
  it.each(names)('name %j -> %s', (text, expected) => {
    const r = readName(text);
    expect(r.ok ? r.name : null).toBe(expected);
  });

  it('keeps content exactly as typed, refuses short, huge and HTML content', () => {
    const typed = 'Ngày 20/11/2026 tôi nộp hồ sơ tại UBND xã, cán bộ hẹn 3 lần vẫn chưa trả kết quả.';
    expect(readContent(`  ${typed}\n`)).toEqual({ ok: true, content: typed });
    expect(readContent('chậm').ok).toBe(false);
    expect(readContent('x'.repeat(4001)).ok).toBe(false);
    expect(readContent('Cán bộ xã <script>alert(1)</script> không tiếp dân').ok).toBe(false);
  });
});
