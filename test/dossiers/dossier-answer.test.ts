import { describe, expect, it } from 'vitest';
import { composeDossierAnswer, watchChoice } from '../../src/dossiers/dossier-answer.js';
import { fromNationalRecord } from '../../src/dossiers/national-record.js';
import { maskName } from '../../src/dossiers/applicant-name.js';
import { contactKind, contactMatches, findContact } from '../../src/dossiers/contact-proof.js';
import { statusNames } from '../../src/dossiers/dossier-status.js';
import { record, vn } from './fixtures.js';

const dossier = (o: Parameters<typeof record>[0] = {}) => fromNationalRecord(record(o));

describe('composeDossierAnswer', () => {
  it('in progress and on time: status, dates, working days left, latest step, offer to watch', () => {
    const a = composeDossierAnswer(dossier(), vn('2024-11-22'));
    expect(a.text).toContain('Hồ sơ 000.00.12.H23-241115-0001');
    expect(a.text).toContain('Thủ tục: Đăng ký thường trú (mã 1.004222)');
    expect(a.text).toContain('Người nộp: Nguyễn V. A.');
    expect(a.text).not.toContain('Nguyễn Văn An');
    expect(a.text).not.toContain('0912345678');
    expect(a.text).toContain('Tình trạng: Đang xử lý.');
    expect(a.text).toContain('Ngày tiếp nhận: 15/11/2024. Ngày hẹn trả kết quả: 26/11/2024.');
    expect(a.text).toContain('còn 2 ngày làm việc');
    expect(a.text).toContain('Cập nhật gần nhất: 18/11/2024: Chuyển Công an phường thẩm định (Công an phường).');
    expect(a.choices).toEqual([watchChoice]);
    expect(a.timeliness.overdue).toBe(false);
  });

  it('late: working days late, the apology rule (Mẫu số 04, Thông tư 01/2018/TT-VPCP), an offer to file feedback linked to the dossier', () => {
    const a = composeDossierAnswer(dossier(), vn('2024-12-02'));
    expect(a.text).toContain('đã quá hạn 4 ngày làm việc');
    expect(a.text).toContain('Mẫu số 04');
    expect(a.text).toContain('Thông tư 01/2018/TT-VPCP');
    expect(a.text).toContain('chỉ được hẹn lại một lần');
    expect(a.choices[0]).toEqual({ label: 'Gửi phản ánh về việc trễ hẹn', value: 'Tôi muốn phản ánh hồ sơ 000.00.12.H23-241115-0001 bị trễ hẹn' });
  });

  it('more papers requested (5): says so, what, and where to bring them', () => {
    const a = composeDossierAnswer(dossier({
      TrangThaiHoSo: 5,
      QuaTrinhXuLy: [{ NoiDungXuLy: 'Bổ sung giấy xác nhận chỗ ở hợp pháp', ThoiDiemXuLy: '20241119100000', PhongBanXuLy: 'Công an phường' }],
    }), vn('2024-11-20'));
    expect(a.text).toContain('Yêu cầu bổ sung giấy tờ');
    expect(a.text).toContain('Bạn cần bổ sung giấy tờ. Nội dung yêu cầu: Bổ sung giấy xác nhận chỗ ở hợp pháp.');
    expect(a.text).toContain('đến Bộ phận Một cửa UBND phường Láng Hạ');
    expect(a.timeliness.overdue).toBe(false);
  });

  it('finished (9): how to collect, in person or by post', () => {
    const a = composeDossierAnswer(dossier({ TrangThaiHoSo: 9, NgayKetThucXuLy: '20241125160000' }), vn('2024-11-26'));
    expect(a.text).toContain('nhận kết quả trực tiếp tại Bộ phận Một cửa UBND phường Láng Hạ');
    expect(a.text).toContain('bưu chính công ích');
    expect(a.text).toContain('giấy ủy quyền');
    expect(a.choices).toEqual([]);
  });

  it('returned (10) late: the date it was returned and the late rule', () => {
    const a = composeDossierAnswer(dossier({ TrangThaiHoSo: 10, NgayKetThucXuLy: '20241128160000' }), vn('2024-12-02'));
    expect(a.text).toContain('Kết quả đã được trả ngày 28/11/2024');
    expect(a.text).toContain('chậm 2 ngày làm việc');
    expect(a.choices.map((c) => c.label)).toEqual(['Gửi phản ánh về việc trễ hẹn']);
  });

  it.each(Object.entries(statusNames))('status %s is named (%s)', (status, name) => {
    const a = composeDossierAnswer(dossier({ TrangThaiHoSo: Number(status) }), vn('2024-11-20'));
    expect(a.text).toContain(`Tình trạng: ${name}.`);
  });

  it('refused (3): gives the reason from the latest step', () => {
    const a = composeDossierAnswer(dossier({ TrangThaiHoSo: 3, QuaTrinhXuLy: [{ NoiDungXuLy: 'Hồ sơ không thuộc thẩm quyền', ThoiDiemXuLy: '20241115090000', PhongBanXuLy: null }] }), vn('2024-11-20'));
    expect(a.text).toContain('Lý do: Hồ sơ không thuộc thẩm quyền.');
  });
});

describe('privacy helpers', () => {
  it.each([
    ['Nguyễn Văn An', 'Nguyễn V. A.'], ['Lê Thị Thu Hà', 'Lê T. T. H.'], ['Trần  Minh', 'Trần M.'], ['Madonna', 'M.'],
    ['đặng văn ơn', 'đặng V. Ơ.'],
  ])('maskName(%s)', (n, m) => expect(maskName(n)).toBe(m));

  const d = { phone: '0912345678', email: 'An.Nguyen@example.com' };
  it.each([
    ['5678', true], ['1234', false], ['0912345678', true], ['0912 345 678', true], ['+84912345678', true], ['84912345678', true],
    ['0912345679', false], ['an.nguyen@example.com', true], ['AN.NGUYEN@EXAMPLE.COM', true], ['other@example.com', false],
    ['567', false], ['abcd', false], ['', false],
  ] as const)('contactMatches(%s) = %s', (c, ok) => expect(contactMatches(d, c)).toBe(ok));
  it('a dossier without a phone cannot be opened with digits', () => expect(contactMatches({ phone: null, email: null }, '5678')).toBe(false));
  it.each([['5678', 'last4'], ['0912345678', 'phone'], ['a@b.vn', 'email'], ['12', null]] as const)('contactKind(%s)', (c, k) => expect(contactKind(c)).toBe(k));
  it.each([
    ['4 số cuối là 5678 ạ', '5678'], ['sdt của tôi 0912 345 678', '0912345678'], ['email an.nguyen@example.com.', 'an.nguyen@example.com'],
    ['không nhớ', null], ['năm 2024', '2024'],
  ])('findContact(%s)', (t, c) => expect(findContact(t)).toBe(c));
  it.each([
    ['hồ sơ nộp năm 2024', null], ['hồ sơ, số cuối 5678', '5678'], ['hồ sơ, sđt 0912345678', '0912345678'], ['đuôi 5678 nhé', '5678'],
    ['điện thoại của tôi đuôi là 5678', '5678'], ['email a@b.vn', 'a@b.vn'], ['thuế 2024', null],
  ])('findContact(%s) beside a code needs a cue', (t, c) => expect(findContact(t, { needCue: true })).toBe(c));
});
