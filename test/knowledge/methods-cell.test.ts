import { describe, expect, it } from 'vitest';
import { parseMethodsCell } from '../../src/knowledge/methods-cell.js';

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

/** Real cells from the national portal crawl (code in the title), shortened where marked. */
type Row = [channel: string, duration: string | null, amounts: string[]];
const cases: Array<{ code: string; cell: string; rows: Row[]; note?: RegExp }> = [
  {
    code: '1.004222 online + direct with notes',
    cell: `${H}Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần đăng ký.)Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng(Trường hợp công dân thuộc diện được miễn phí theo quy định tại Điều 4 Thông tư số 75/2022/TT-BTC)`,
    rows: [['truc_tuyen', '7 ngày làm việc', ['10000 VND/lần đăng ký']], ['truc_tiep', '7 ngày làm việc', ['20000 VND']]],
  },
  {
    code: '2.000635 VNĐ, unknown time, three channels',
    cell: `${H}Trực tuyếnKhông có thông tin8,000 VNĐDịch vụ bưu chínhKhông có thông tin8,000 VNĐTrực tiếpKhông có thông tin8,000 VNĐ`,
    rows: [['truc_tuyen', null, ['8000 VND']], ['buu_chinh', null, ['8000 VND']], ['truc_tiep', null, ['8000 VND']]],
  },
  {
    code: '2.000815 per page and USD per copy, two direct rows',
    cell: `${H}Trực tiếpKhông có thông tin2,000 Việt Nam Đồng(/trang)Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng: 2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản.Trực tiếpKhông có thông tin10 USD(/bản)Tại cơ quan đại diện: 10 USD/bản.`,
    rows: [['truc_tiep', null, ['2000 VND/trang', '1000 VND/trang', '200000 VND/bản']], ['truc_tiep', null, ['10 USD/bản']]],
  },
  {
    code: '3.000347 fee only inside the note of Miễn phí',
    cell: `${H}Trực tuyến5 Ngày làm việcMiễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)`,
    rows: [['truc_tuyen', '5 ngày làm việc', ['135000 VND/lần', '115000 VND/lần cấp']]],
    note: /135\.000 đồng\/lần/u,
  },
  {
    code: '1.002496 number without unit',
    cell: `${H}Trực tuyến1Miễn phí(Phí kiểm tra, giám sát động vật, sản phẩm động vật: theo quy định tại Thông tư số 101/2020/TT-BTC)Dịch vụ bưu chính1Miễn phí(Phí kiểm tra)`,
    rows: [['truc_tuyen', '1 ngày làm việc', []], ['buu_chinh', '1 ngày làm việc', []]],
  },
  {
    code: '1.000005 fee with no time at all',
    cell: `${H}Trực tuyến120,000 VNĐ(Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC ngày 02/11/2010 của Bộ Tài chính)`,
    rows: [['truc_tuyen', null, ['120000 VND']]],
  },
  {
    code: '1.000771 USD per time',
    cell: `${H}Trực tuyến5 Ngày làm việc10 USD(/lần)Dịch vụ bưu chính5 Ngày làm việc10 USD(/lần)Trực tiếp5 Ngày làm việc10 USD(/lần)`,
    rows: [['truc_tuyen', '5 ngày làm việc', ['10 USD/lần']], ['buu_chinh', '5 ngày làm việc', ['10 USD/lần']], ['truc_tiep', '5 ngày làm việc', ['10 USD/lần']]],
  },
  {
    code: '1.005458 hours, free',
    cell: `${H}Trực tuyến8 GiờMiễn phíTrực tiếp8 GiờMiễn phí`,
    rows: [['truc_tuyen', '8 giờ', []], ['truc_tiep', '8 giờ', []]],
  },
  {
    code: '1.004073 months, unknown fee, description',
    cell: `${H}Trực tiếp3 ThángKhông có thông tin+ Trong thời gian 3 tháng kể từ ngày tiếp nhận hồ sơ của người dự tuyển`,
    rows: [['truc_tiep', '3 tháng', []]],
    note: /^\+ Trong thời gian 3 tháng/u,
  },
  {
    code: '3.000336 calendar days',
    cell: `${H}Dịch vụ bưu chính1 NgàyMiễn phíTrực tiếp1 NgàyMiễn phí`,
    rows: [['buu_chinh', '1 ngày', []], ['truc_tiep', '1 ngày', []]],
  },
  {
    code: '1.003358 description mentioning a channel is not a row',
    cell: `${H}Trực tuyến5 Ngày làm việc145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.`,
    rows: [['truc_tuyen', '5 ngày làm việc', ['145 USD/thẻ']]],
    note: /Trực tuyến: nộp hồ sơ/u,
  },
  {
    code: '3.000349 fee column lost its thousands, the note has them',
    cell: `${H}Trực tiếp5 Ngày làm việc135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)`,
    rows: [['truc_tiep', '5 ngày làm việc', ['135000 VND/lần']]],
  },
  {
    code: '1.001303 all unknown',
    cell: `${H}Trực tiếpKhông có thông tinKhông có thông tin`,
    rows: [['truc_tiep', null, []]],
  },
  {
    code: '1.001456 note states the re-issue fee',
    cell: `${H}Trực tiếp8 Ngày làm việc200,000 Việt Nam Đồng(200.000đ/ hộ chiếu. Trường hợp cấp lại do bị hỏng hoặc bị mất: 400.000đ/hộ chiếu (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính).)`,
    rows: [['truc_tiep', '8 ngày làm việc', ['200000 VND/hộ chiếu', '400000 VND/hộ chiếu']]],
  },
  {
    code: '1.002510 per in the parenthesis after đồng',
    cell: `${H}Trực tuyến10 Ngày làm việc2,500,000 VNĐ(đồng/lần)`,
    rows: [['truc_tuyen', '10 ngày làm việc', ['2500000 VND/lần']]],
  },
  {
    code: '1.008312 time in words, then the fee',
    cell: `${H}Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC Quốc gia đối với các TTHC đã toàn trìnhDịch vụ bưu chínhKhông quy địnhMiễn phíThông qua dịch vụ bưu chính công ích`,
    rows: [['truc_tuyen', null, []], ['buu_chinh', null, []]],
    note: /^Thời gian: Không quy định Qua Cổng DVC/u,
  },
  {
    code: '1.009825 bare "Không" as the time',
    cell: `${H}Trực tiếpKhôngKhông có thông tinTại Trung tâm phục vụ hành chính công cấp tỉnh, xãTrực tuyếnKhôngKhông có thông tinQua Cổng dịch vụ công Quốc gia`,
    rows: [['truc_tiep', null, []], ['truc_tuyen', null, []]],
    note: /^Tại Trung tâm phục vụ hành chính công cấp tỉnh, xã$/u,
  },
  {
    code: '1.009824 first row whatever follows the channel',
    cell: `${H}Trực tiếpHệ thống giải quyết thủ tục hành chính ngành Thuế thực hiện phản hồi tự động thông qua phương thức điện tử.Không có thông tin`,
    rows: [['truc_tiep', null, []]],
  },
  {
    code: 'empty cell',
    cell: '',
    rows: [],
  },
];

describe('parseMethodsCell (portal methods table)', () => {
  it.each(cases)('$code', ({ cell, rows, note }) => {
    const methods = parseMethodsCell(cell);
    const got: Row[] = methods.map((m) => [
      m.channel,
      m.duration ? `${m.duration.value} ${m.duration.unit}` : null,
      m.fees.map((f) => `${f.amount} ${f.currency}${f.per ? `/${f.per}` : ''}`),
    ]);
    expect(got).toEqual(rows);
    if (note) expect(methods.some((m) => m.note !== null && note.test(m.note))).toBe(true);
  });

  it('labels a fee found in the note with its clause', () => {
    const [m] = parseMethodsCell(cases[3]!.cell);
    expect(m!.fees[0]!.label).toBe('Lệ phí cấp giấy phép lái xe');
  });

  it('never turns "Không có thông tin" into a note or a value', () => {
    for (const m of parseMethodsCell(cases[12]!.cell)) {
      expect(m.note).toBeNull();
      expect(m.fees).toEqual([]);
      expect(m.duration).toBeNull();
    }
  });
});
