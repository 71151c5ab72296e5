import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/knowledge/duration.js';
import { parseLegalBasesCell } from '../../src/knowledge/legal-bases-cell.js';
import { parseListCell } from '../../src/knowledge/list-cell.js';
import { findAmounts, parseAmount } from '../../src/knowledge/money.js';
import { parsePapersCell, splitTemplate } from '../../src/knowledge/papers-cell.js';
import { parseResultsCell } from '../../src/knowledge/results-cell.js';
import { parseStepsCell } from '../../src/knowledge/steps-cell.js';

/** Table-driven cases built from real snippets of the national portal crawl. */
const PH = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';
const LH = 'Tên văn bản pháp lýMã văn bản';

describe('parsePapersCell', () => {
  const cases: Array<{ name: string; cell: string; want: Array<[string, number, number, string | null, string | null]> }> = [
    {
      name: '1.000178 plain rows, no group',
      cell: `--${PH}Tài liệu, chứng cứ do các bên cung cấp1 bản chínhQuyết định giải quyết khiếu nại1 bản chính`,
      want: [['Tài liệu, chứng cứ do các bên cung cấp', 1, 0, null, null], ['Quyết định giải quyết khiếu nại', 1, 0, null, null]],
    },
    {
      name: '3.000347 original and copy counts',
      cell: `--${PH}Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)1 bản chínhBản sao hoặc bản sao điện tử được chứng thực từ bản chính của giấy phép lái xe0 bản chính,1 bản sao`,
      want: [
        ['Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)', 1, 0, null, null],
        ['Bản sao hoặc bản sao điện tử được chứng thực từ bản chính của giấy phép lái xe', 0, 1, null, null],
      ],
    },
    {
      name: '2.000635 star group headings',
      cell: `* Giấy tờ phải nộp:${PH}Văn bản ủy quyền theo quy định của pháp luật1 bản chính* Giấy tờ phải xuất trình:${PH}- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước1 bản chính`,
      want: [
        ['Văn bản ủy quyền theo quy định của pháp luật', 1, 0, null, 'Giấy tờ phải nộp'],
        ['Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước', 1, 0, null, 'Giấy tờ phải xuất trình'],
      ],
    },
    {
      name: '1.004222 case headings before each header',
      cell: `Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình${PH}Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp1 bản chínhNgười được chăm sóc, nuôi dưỡng, trợ giúp${PH}Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp.1 bản chính`,
      want: [
        ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 1, 0, null, 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình'],
        ['Giấy tờ, tài liệu xác nhận về việc chăm sóc, nuôi dưỡng, trợ giúp.', 1, 0, null, 'Người được chăm sóc, nuôi dưỡng, trợ giúp'],
      ],
    },
    {
      name: '1.001456 form template glued to the name',
      cell: `--${PH}Tờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước thì người đại diện hợp pháp khai và ký thay.Mau TK01a to khai trẻ em cap HCPT ở trong nước TK01a MỚI.doc1 bản chính`,
      want: [['Tờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước thì người đại diện hợp pháp khai và ký thay.', 1, 0, 'Mau TK01a to khai trẻ em cap HCPT ở trong nước TK01a MỚI.doc', null]],
    },
    {
      name: 'a year glued to the count',
      cell: `--${PH}Văn bản theo Mẫu số 01 ban hành kèm theo Nghị định số 40/2016/NĐ-CP ngày 15 tháng 5 năm 20161 bản chính`,
      want: [['Văn bản theo Mẫu số 01 ban hành kèm theo Nghị định số 40/2016/NĐ-CP ngày 15 tháng 5 năm 2016', 1, 0, null, null]],
    },
    {
      name: 'a count inside the name is not a row end',
      cell: `--${PH}Giấy phép xây dựng (01 bản chính hoặc 01 bản sao có chứng thực)1 bản chính`,
      want: [['Giấy phép xây dựng (01 bản chính hoặc 01 bản sao có chứng thực)', 1, 0, null, null]],
    },
    {
      name: 'zero originals: an instruction row',
      cell: `* Giấy tờ phải nộp:${PH}Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ phải xuất trình nêu trên.0 bản chính`,
      want: [['Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực các giấy tờ phải xuất trình nêu trên.', 0, 0, null, 'Giấy tờ phải nộp']],
    },
    { name: 'unknown', cell: 'Không có thông tin', want: [] },
  ];
  it.each(cases)('$name', ({ cell, want }) => {
    expect(parsePapersCell(cell).map((p) => [p.name, p.original, p.copies, p.template, p.group])).toEqual(want);
  });

  it.each([
    ['Văn bản đề nghị cấp tài khoản điện tử (NA19).Mau NA19-BCA.docx', 'Văn bản đề nghị cấp tài khoản điện tử (NA19).', 'Mau NA19-BCA.docx'],
    ['Đơn xin thường trú;Mẫu-NA12,-Đơn-xin-thường-trú-cho-người-nước-ngoài.-doc.doc', 'Đơn xin thường trú;', 'Mẫu-NA12,-Đơn-xin-thường-trú-cho-người-nước-ngoài.-doc.doc'],
    ['Tờ khai ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc', 'Tờ khai ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)', 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc'],
  ])('splitTemplate %#', (raw, name, template) => {
    expect(splitTemplate(raw)).toEqual({ name, template });
  });
});

describe('parseLegalBasesCell', () => {
  const cases: Array<[string, string, string[]]> = [
    ['1.000178 title then code', `${LH}Hướng dẫn xử lý khiếu nại trong công an nhân dân68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP`, ['68/2013/TT-BCA', '02/2011/QH13', '05/2012/NĐ-CP']],
    ['1.004222 year glued to the code, code repeated in the title', `${LH}Luật Cư trú 202068/2020/QH14Thông tư 57/2021/TT-BCA57/2021/TT-BCA`, ['68/2020/QH14', '57/2021/TT-BCA']],
    ['1.004222 code inside the title followed by text', `${LH}Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA ngày 15 tháng 5 năm 202153/2025/TT-BCA`, ['53/2025/TT-BCA']],
    ['1.001456 all-caps next title', `${LH}Luật sửa đổi 202323/2023/QH15QUY ĐỊNH MỨC THU PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH25/2021/TT-BTC`, ['23/2023/QH15', '25/2021/TT-BTC']],
    ['1.001456 number glued to a repeated code', `${LH}Thông tư 110/2020/TT-BCA110/2020/TT-BCALuật 49/2019/QH1449/2019/QH14`, ['110/2020/TT-BCA', '49/2019/QH14']],
    ['2.000635 decimal resolution number', `${LH}Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm thủ tục hành chính66.7/2025/NQ-CPLuật 60/2014/QH1360/2014/QH13`, ['66.7/2025/NQ-CP', '60/2014/QH13']],
    ['2.000815 tab inside the title', `${LH}Thông tư 01/2020/TT-BTP01/2020/TT-BTPThông tư \t226/2016/TT-BTC226/2016/TT-BTC`, ['01/2020/TT-BTP', '226/2016/TT-BTC']],
    ['Prime Minister decision', `${LH}Quyết định ban hành Quy chế ứng phó sự cố tràn dầu12/2021/QĐ-TTgNghị định 05/2012/NĐ-CP05/2012/NĐ-CP`, ['12/2021/QĐ-TTg', '05/2012/NĐ-CP']],
    ['2.001195 title ending in a year with a dot', `${LH}Quy định mức thu lệ phí cấp đổi, cấp lại thẻ căn cước73/2024/TT-BTCThông tư sửa đổi ngày 30 tháng 6 năm 2025.65/2025/TT-BTC`, ['73/2024/TT-BTC', '65/2025/TT-BTC']],
    ['1.014208 local decision cited by number and year only', `${LH}Quyết định 24/2024/QĐ-UBND Sơn La 2024 mẫu hồ sơ, thủ tục chọn dự án hỗ trợ sản xuất liên kết theo chuỗi giá trị24/2024`, ['24/2024']],
    ['1.003220 joint circular with a loose dash and a slash', `${LH}Thông tư liên tịch 21/2008/TTLT- BQP-BLĐTBXH-BTC21/2008/TTLT- BQP-BLĐTBXH-BTCHướng dẫn thực hiện Quyết định số 290/2005/QĐ-TTg ngày 08/11/2005 về chế độ, chính sách191/2005/TTLT/BQP-BLĐTBXH-BTC`, ['21/2008/TTLT-BQP-BLĐTBXH-BTC', '191/2005/TTLT/BQP-BLĐTBXH-BTC']],
    ['1.003867 next portal section leaked in', `${LH}Luật 08/2017/QH1408/2017/QH14Cơ quan thực hiệnSở Nông nghiệp và Môi trường`, ['08/2017/QH14']],
    ['unknown', 'Không có thông tin', []],
  ];
  it.each(cases)('%s', (_name, cell, codes) => {
    expect(parseLegalBasesCell(cell).map((b) => b.code)).toEqual(codes);
  });

  it('keeps the title before the code', () => {
    const [first] = parseLegalBasesCell(cases[0]![1]);
    expect(first!.title).toBe('Hướng dẫn xử lý khiếu nại trong công an nhân dân');
  });
});

describe('parseResultsCell', () => {
  it.each([
    ['Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tin', ['Giấy khai sinh']],
    ['Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cưMã: KQ.G01.000064Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trúMã: KQ.G01.000065Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Nộp hồ sơ',
      ['Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', 'Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú']],
    ['Giấy phép lái xeMã: KQ.G01.000185Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Đơn vị-- Chọn Cơ sở --Nộp hồ sơ', ['Giấy phép lái xe']],
    ['Quyết định giải quyết khiếu nại lần 1, lần 2Mã: KQ.G01.00262Từ khóaKhông có thông tin', ['Quyết định giải quyết khiếu nại lần 1, lần 2']],
    ['Không có thông tin', []],
  ])('%#', (cell, want) => {
    expect(parseResultsCell(cell)).toEqual(want);
  });
});

describe('parseListCell', () => {
  it.each([
    ['Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam', ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']],
    ['Cấp tỉnh, Cấp xã', ['Cấp tỉnh', 'Cấp xã']],
    ['Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã', ['Cục cảnh sát giao thông', 'Công an tỉnh', 'Công an cấp Xã']],
    ['Văn phòng Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn', ['Văn phòng Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn']],
    ['Không có thông tin', []],
  ])('%s', (cell, want) => {
    expect(parseListCell(cell)).toEqual(want);
  });
});

describe('money and duration', () => {
  it.each([
    ['160,000', 160000], ['135.000', 135000], ['1.200.000', 1200000], ['10', 10], ['1.5', 1.5], ['abc', null],
  ])('parseAmount(%s)', (text, want) => {
    expect(parseAmount(text)).toBe(want);
  });

  it.each([
    ['- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.', [[135000, 'VND', 'lần', 'Lệ phí cấp giấy phép lái xe']]],
    ['Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.', [[145, 'USD', 'thẻ', 'Thẻ tạm trú có thời hạn không quá 02 năm']]],
    ['Trường hợp cấp lại do bị hỏng hoặc bị mất: 400.000đ/hộ chiếu (Thông tư số 25/2021/TT-BTC)', [[400000, 'VND', 'hộ chiếu', 'Trường hợp cấp lại do bị hỏng hoặc bị mất']]],
    ['Điều 4 Thông tư số 75/2022/TT-BTC ngày 22/12/2022', []],
  ])('findAmounts %#', (text, want) => {
    expect(findAmounts(text).map((f) => [f.amount, f.currency, f.per, f.label])).toEqual(want);
  });

  it.each([
    ['7 Ngày làm việc', { value: 7, unit: 'ngày làm việc' }],
    ['15 Ngày', { value: 15, unit: 'ngày' }],
    ['8 Giờ', { value: 8, unit: 'giờ' }],
    ['3 Tháng', { value: 3, unit: 'tháng' }],
    ['Không có thông tin', null],
  ])('parseDuration(%s)', (text, want) => {
    expect(parseDuration(text)).toEqual(want);
  });
});

describe('parseStepsCell', () => {
  it('splits on Bước N:', () => {
    const steps = parseStepsCell('Bước 1: Thụ lý giải quyết khiếu nại\n\nNếu khiếu nại thuộc thẩm quyền...\nBước 2: Xác minh nội dung khiếu nại');
    expect(steps).toEqual(['Bước 1: Thụ lý giải quyết khiếu nại Nếu khiếu nại thuộc thẩm quyền...', 'Bước 2: Xác minh nội dung khiếu nại']);
  });
});
