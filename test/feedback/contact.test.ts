import { describe, expect, it } from 'vitest';
import { contactMatches, normalizeEmail, normalizePhone } from '../../src/feedback/contact.js';
import { submissionSchema } from '../../src/feedback/record.js';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(+84) 386-123-456', '0386123456'],
    ['0702 123 456', '0702123456'],
    ['024 3823 4567', '02438234567'], // Hà Nội landline since 2017
    ['(028) 3829 1234', '02838291234'], // TP.HCM
    ['0236 3822 123', '02363822123'], // Đà Nẵng
    ['+84 24 3872 3600', '02438723600'],
  ])('%s -> %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each([
    ['84-4-38723600', 'old Hà Nội area code 4, as printed in a procedure record of the national portal'],
    ['12345', 'too short'],
    ['0123456789', '012 mobile prefixes were retired in 2018'],
    ['09123456789', 'one digit too many'],
    ['+1 415 555 0100', 'not Vietnamese'],
    ['0912abc678', 'letters'],
    ['', 'empty'],
  ])('%s is refused (%s)', (input) => expect(normalizePhone(input)).toBeNull());
});

describe('normalizeEmail', () => {
  it.each([
    ['info@nacis.gov.vn', 'info@nacis.gov.vn'],
    ['  NguyenVanA@Gmail.com ', 'nguyenvana@gmail.com'],
    ['a@b', null],
    ['khong co email', null],
    ['<a@b.vn>', null],
  ])('%s -> %s', (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe('contactMatches', () => {
  const contact = { phone: '0912345678', email: 'a@b.vn' };
  it.each([
    ['0912 345 678', true], ['+84912345678', true], ['A@B.VN', true], ['0912345679', false], ['x@b.vn', false], ['', false],
  ])('%s -> %s', (given, expected) => expect(contactMatches(given, contact)).toBe(expected));
  it('never matches a contact the record does not have', () => expect(contactMatches('0912345678', { email: 'a@b.vn' })).toBe(false));
});

describe('submissionSchema', () => {
  const base = { content: 'Xã chưa trả kết quả đăng ký khai sinh đúng hẹn.', name: 'Trần Thị B', phone: '0912345678', consent: true as const };
  it('keeps the content exactly as typed (no trimming) and normalizes the phone', () => {
    const parsed = submissionSchema.parse({ ...base, content: '  Xin hỏi:\n  vì sao chậm?  ', phone: '+84 912 345 678' });
    expect(parsed.content).toBe('  Xin hỏi:\n  vì sao chậm?  ');
    expect(parsed.phone).toBe('0912345678');
  });
  it.each([
    [{ content: '   ' }, 'nội dung phản ánh'],
    [{ content: 'x'.repeat(4001) }, 'tối đa 4.000'],
    [{ content: 'Xem <script>alert(1)</script>' }, 'thẻ HTML'],
    [{ content: '<b>đậm</b>' }, 'thẻ HTML'],
    [{ content: '<img src=x onerror=alert(1)>' }, 'thẻ HTML'],
    [{ name: '<i>A</i>' }, 'thẻ HTML'],
    [{ phone: '12345' }, 'Số điện thoại không hợp lệ'],
    [{ email: 'abc' }, 'email không hợp lệ'],
    [{ consent: false }, 'đồng ý'],
    [{ content: 42 }, 'văn bản'],
    [{ extra: 1 }, ''],
  ])('refuses %j', (patch, message) => {
    const r = submissionSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain(message);
  });
  it('accepts exactly 4,000 characters and a comparison sign that is not a tag', () => {
    expect(submissionSchema.safeParse({ ...base, content: 'a'.repeat(4000) }).success).toBe(true);
    expect(submissionSchema.safeParse({ ...base, content: 'Phí < 100.000 đồng mà thu 150.000 đồng' }).success).toBe(true);
  });
});
