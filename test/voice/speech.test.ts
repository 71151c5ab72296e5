import { describe, expect, it } from 'vitest';
import { speakMoney, rewriteMoney } from '../../src/voice/money.js';
import { rewriteDates, speakCalendarDate, speakDate } from '../../src/voice/date.js';
import { speakDuration } from '../../src/voice/duration.js';
import { rewriteCodes, spellCode } from '../../src/voice/code.js';
import { rewriteAbbreviations } from '../../src/voice/abbreviation.js';
import { rewriteLegalReferences } from '../../src/voice/legal-reference.js';
import { rewriteLinks } from '../../src/voice/link.js';
import { rewriteLists } from '../../src/voice/list.js';
import { maxWords, phrases, sentences } from '../../src/voice/sentence.js';
import { speakReplies, speakText, toSsml } from '../../src/voice/speech.js';

describe('money', () => {
  it.each([
    [50_000, 'VND', 'năm mươi nghìn đồng'], [200_000, 'VND', 'hai trăm nghìn đồng'], [135_000, 'VND', 'một trăm ba mươi lăm nghìn đồng'],
    [1_200_000, 'VND', 'một triệu hai trăm nghìn đồng'], [10, 'USD', 'mười đô la Mỹ'], [25, 'USD', 'hai mươi lăm đô la Mỹ'],
  ] as const)('speakMoney(%d, %s)', (amount, currency, words) => expect(speakMoney(amount, currency)).toBe(words));

  // Snippets as the national portal and officials write them (../shared/data/chatbot_tthc_dvcqg).
  it.each([
    ['50.000 đồng', 'năm mươi nghìn đồng'],
    ['70,000 Việt Nam Đồng', 'bảy mươi nghìn đồng'],
    ['1,200,000 Việt Nam Đồng', 'một triệu hai trăm nghìn đồng'],
    ['1.200.000đ/thẻ', 'một triệu hai trăm nghìn đồng/thẻ'],
    ['Lệ phí 135.000 đồng/lần', 'Lệ phí một trăm ba mươi lăm nghìn đồng/lần'],
    ['20.000 VNĐ', 'hai mươi nghìn đồng'],
    ['20.000 VND', 'hai mươi nghìn đồng'],
    ['20000đ', 'hai mươi nghìn đồng'],
    ['1,5 triệu đồng', 'một phẩy năm triệu đồng'],
    ['2 triệu đồng', 'hai triệu đồng'],
    ['500 nghìn đồng', 'năm trăm nghìn đồng'],
    ['100 ngàn đồng', 'một trăm nghìn đồng'],
    ['10 USD', 'mười đô la Mỹ'],
    ['$25', 'hai mươi lăm đô la Mỹ'],
    ['2 điều kiện', '2 điều kiện'],
  ])('rewriteMoney %s', (text, spoken) => expect(rewriteMoney(text)).toBe(spoken));
});

describe('dates and times', () => {
  it('speakDate', () => expect(speakDate(26, 11, 2024)).toBe('ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi tư'));
  it('speakCalendarDate reads the date in Vietnam', () =>
    expect(speakCalendarDate(new Date('2024-11-25T18:30:00Z'))).toBe('ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi tư'));
  it.each([
    ['26/11/2024', 'ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi tư'],
    ['ngày 26/11/2024', 'ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi tư'],
    ['Ngày 01/7/2025', 'Ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm'],
    ['14/4/2025', 'ngày mười bốn tháng tư năm hai nghìn không trăm hai mươi lăm'],
    ['24-04-2024', 'ngày hai mươi tư tháng tư năm hai nghìn không trăm hai mươi tư'],
    ['31.12.2026', 'ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi sáu'],
    ['từ tháng 7/2025', 'từ tháng bảy năm hai nghìn không trăm hai mươi lăm'],
    ['hết 12/2024', 'hết tháng mười hai năm hai nghìn không trăm hai mươi tư'],
    ['lúc 7h30', 'lúc bảy giờ ba mươi phút'],
    ['lúc 14:05', 'lúc mười bốn giờ năm phút'],
    ['từ 8h', 'từ tám giờ'],
    ['từ 7g30 đến 11g', 'từ bảy giờ ba mươi phút đến mười một giờ'],
    ['8 giờ 00', 'tám giờ'],
    ['7h30 - 17h00', 'bảy giờ ba mươi phút đến mười bảy giờ'],
    ['từ thứ 2 đến thứ 6', 'từ thứ hai đến thứ sáu'],
    ['sáng thứ 7', 'sáng thứ bảy'],
    ['thứ 4', 'thứ tư'],
    ['32/13/2024', '32/13/2024'],
  ])('rewriteDates %s', (text, spoken) => expect(rewriteDates(text)).toBe(spoken));
});

describe('durations', () => {
  it.each([
    [7, 'ngày làm việc', 'bảy ngày làm việc'], [15, 'ngày', 'mười lăm ngày'], [24, 'giờ', 'hai mươi tư giờ'],
    [1.5, 'tháng', 'một tháng rưỡi'], [3, 'tháng', 'ba tháng'], [21, 'ngày làm việc', 'hai mươi mốt ngày làm việc'],
  ] as const)('%d %s', (value, unit, words) => expect(speakDuration(value, unit)).toBe(words));
});

describe('codes', () => {
  it.each([
    ['1.004222', 'một chấm không không bốn hai hai hai'],
    ['000.00.12.H23-241115-0001', 'không không không chấm không không chấm một hai chấm hát hai ba gạch hai bốn một một một năm gạch không không không một'],
    ['38.98.H29-210519-0013', 'ba tám chấm chín tám chấm hát hai chín gạch hai một không năm một chín gạch không không một ba'],
    ['PA-2026-000123', 'pê a gạch hai không hai sáu gạch không không không một hai ba'],
    ['CC03', 'xê xê không ba'],
  ])('spellCode %s', (code, words) => expect(spellCode(code)).toBe(words));

  it.each([
    ['Mã thủ tục 1.004222.', 'Mã thủ tục một chấm không không bốn hai hai hai.'],
    ['thủ tục 2.002154 và 1.000757', 'thủ tục hai chấm không không hai một năm bốn và một chấm không không không bảy năm bảy'],
    ['hồ sơ 000.00.12.H23-241115-0001', 'hồ sơ không không không chấm không không chấm một hai chấm hát hai ba gạch hai bốn một một một năm gạch không không không một'],
    ['mã PA-2026-000123', 'mã pê a gạch hai không hai sáu gạch không không không một hai ba'],
    ['(Mẫu CC03 ban hành kèm theo', '(Mẫu xê xê không ba ban hành kèm theo'],
    ['Gọi 0912345678', 'Gọi không chín một hai, ba bốn năm, sáu bảy tám'],
    ['Gọi 0912 345 678', 'Gọi không chín một hai, ba bốn năm, sáu bảy tám'],
    ['đường dây nóng 1900 1234', 'đường dây nóng một chín không không, một hai ba bốn'],
    ['số +84912345678', 'số cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
    ['SĐT 091****678', 'SĐT không chín một, các số giữa được ẩn, sáu bảy tám'],
    ['Điện thoại: 024.3825.3333', 'Điện thoại: không hai bốn, ba tám hai năm, ba ba ba ba'],
    ['ĐT: (024) 3825 3333', 'ĐT: không hai bốn, ba tám hai năm, ba ba ba ba'],
    ['gọi 0909-7319-925', 'gọi không chín không chín, bảy ba một chín, chín hai năm'],
    ['tổng đài 1022', 'tổng đài một không hai hai'],
    ['số 026-203016', 'số không hai sáu, hai không ba không một sáu'],
    ['tiếp nhận 241115-0001', 'tiếp nhận hai bốn một một một năm gạch không không không một'],
    ['Trực tiếp 7 ngày', 'Trực tiếp 7 ngày'],
  ])('rewriteCodes %s', (text, spoken) => expect(rewriteCodes(text)).toBe(spoken));
});

describe('abbreviations', () => {
  it.each([
    ['CCCD', 'căn cước công dân'], ['CMND', 'chứng minh nhân dân'], ['GPLX', 'giấy phép lái xe'],
    ['UBND xã', 'Ủy ban nhân dân xã'], ['HĐND tỉnh', 'Hội đồng nhân dân tỉnh'], ['thẻ BHYT', 'thẻ bảo hiểm y tế'],
    ['sổ BHXH', 'sổ bảo hiểm xã hội'], ['ứng dụng VNeID', 'ứng dụng vê en e ai đi'], ['các TTHC', 'các thủ tục hành chính'],
    ['GCNQSDĐ', 'giấy chứng nhận quyền sử dụng đất'], ['TP.HCM', 'Thành phố Hồ Chí Minh'], ['mã OTP', 'mã mã ô tê pê'],
    ['thẻ ABTC', 'thẻ a bê tê xê'], ['LƯU Ý', 'LƯU Ý'], ['THEO QUY ĐỊNH', 'theo quy ĐỊNH'], ['SĐT', 'số điện thoại'],
    ['Cán bộ CA xã', 'Cán bộ công an xã'], ['gửi email', 'gửi thư điện tử'], ['nộp online', 'nộp trực tuyến'],
    ['CCCDX', 'xê xê xê dê ích xì'],
  ])('%s', (text, spoken) => expect(rewriteAbbreviations(text)).toBe(spoken));
});

describe('legal references', () => {
  it.each([
    ['Thông tư 01/2018/TT-VPCP', 'Thông tư số một năm hai nghìn không trăm mười tám của Văn phòng Chính phủ'],
    ['Nghị định số 63/2010/NĐ-CP', 'Nghị định số sáu mươi ba năm hai nghìn không trăm mười của Chính phủ'],
    ['Quyết định 1523/QĐ-BCA-C06', 'Quyết định số một nghìn năm trăm hai mươi ba của Bộ Công an'],
    ['Luật số 68/2014/QH13', 'Luật số sáu mươi tám năm hai nghìn không trăm mười bốn của Quốc hội'],
    ['Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an', 'Thông tư số năm mươi ba năm hai nghìn không trăm hai mươi lăm ngày 01/7/2025 của Bộ Công an'],
    ['Thông tư 75/2022/TT-BTC', 'Thông tư số bảy mươi lăm năm hai nghìn không trăm hai mươi hai của Bộ Tài chính'],
    ['Quyết định 4977/QĐ-XYZ', 'Quyết định số bốn nghìn chín trăm bảy mươi bảy'],
  ])('%s', (text, spoken) => expect(rewriteLegalReferences(text)).toBe(spoken));
});

describe('links and e-mail', () => {
  it.each([
    ['Xem tại https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222.', 'Xem tại Cổng Dịch vụ công quốc gia.'],
    ['Nộp tại dichvucong.gov.vn', 'Nộp tại Cổng Dịch vụ công quốc gia'],
    ['Xem https://example.org/a/b, rồi', 'Xem đường dẫn trong tin nhắn, rồi'],
    ['vào www.baohiemxahoi.gov.vn', 'vào đường dẫn trong tin nhắn'],
    ['gửi nguyenvana@gmail.com.', 'gửi nguyenvana a còng gmail chấm com.'],
    ['gửi ng***@gmail.com', 'gửi ng, phần giữa được ẩn, a còng gmail chấm com'],
    ['hộp thư motcua2024@hanoi.gov.vn', 'hộp thư em mờ o tê xê u a hai không hai bốn a còng hanoi chấm gov chấm vn'],
  ])('%s', (text, spoken) => expect(rewriteLinks(text)).toBe(spoken));
});

describe('lists', () => {
  it.each([
    ['1. Tờ khai\n2. Bản sao giấy khai sinh', 'Thứ nhất, Tờ khai.\nThứ hai, Bản sao giấy khai sinh.'],
    ['Hồ sơ gồm:\n- Tờ khai;\n- Ảnh 4x6', 'Hồ sơ gồm:\nThứ nhất, Tờ khai.\nThứ hai, Ảnh 4x6.'],
    ['• Đơn đề nghị\n• Giấy ủy quyền', 'Thứ nhất, Đơn đề nghị.\nThứ hai, Giấy ủy quyền.'],
    ['3) Chứng từ nộp lệ phí', 'Thứ ba, Chứng từ nộp lệ phí.'],
    ['1.004222 là mã thủ tục', '1.004222 là mã thủ tục'],
    ['Bước 1: nộp hồ sơ', 'Bước 1: nộp hồ sơ'],
  ])('%s', (text, spoken) => expect(rewriteLists(text)).toBe(spoken));
});

describe('sentences', () => {
  it('keeps short sentences and ends each with punctuation', () =>
    expect(sentences('Xin chào. Bạn cần gì\nTôi giúp được')).toEqual(['Xin chào.', 'Bạn cần gì.', 'Tôi giúp được.']));
  it('keeps the colon when it cuts there', () => {
    const long = `Trường hợp giấy tờ tùy thân sử dụng là một trong các loại sau đây: ${'hộ chiếu, thẻ căn cước, giấy chứng nhận căn cước '.repeat(3)}`;
    const out = sentences(long);
    expect(out[0]).toBe('Trường hợp giấy tờ tùy thân sử dụng là một trong các loại sau đây:');
    expect(out[1].startsWith('Hộ chiếu')).toBe(true);
  });
  it('cuts a long sentence at a semicolon', () => {
    const long = `${'một hai ba bốn năm sáu bảy tám chín mười '.repeat(2)}; ${'mười một mười hai mười ba mười bốn mười lăm '.repeat(2)}`;
    const out = sentences(long);
    expect(out.length).toBe(2);
    for (const s of out) expect(s.split(' ').length).toBeLessThanOrEqual(maxWords);
  });
  it('keeps commas (they may sit inside a list) but gives long comma-separated sentences pauses in SSML', () => {
    const words = Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? 'giấy,' : 'giấy'));
    expect(sentences(words.join(' '))).toHaveLength(1);
    const pieces = phrases(words.join(' '));
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.split(' ').length).toBeLessThanOrEqual(maxWords);
    expect(pieces.join(' ')).toBe(`${words.join(' ')}`);
    expect(toSsml(words.join(' ')).match(/<break strength="medium"\/>/g)!.length).toBe(pieces.length - 1);
  });
  it('does not cut "cấp đổi, cấp lại" into two sentences', () => {
    const s = 'Mức thu lệ phí khi công dân nộp hồ sơ cấp đổi, cấp lại thẻ căn cước theo hình thức trực tuyến bằng năm mươi phần trăm mức thu lệ phí quy định tại Thông tư.';
    expect(speakText(s)).toContain('cấp đổi, cấp lại');
  });
  it('leaves no doubled punctuation behind', () => {
    expect(speakText('theo quy định.). Kể từ ngày 01/7/2025')).toBe('Theo quy định. Kể từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm.');
    expect(speakText('của Bộ Tài chính.), Trực tiếp…)')).toBe('Của Bộ Tài chính. Trực tiếp…');
  });
});

const whole: [string, string][] = [
  ['Lệ phí: 50.000 đồng. Thời hạn 7 ngày làm việc.', 'Lệ phí: năm mươi nghìn đồng. Thời hạn bảy ngày làm việc.'],
  ['Trực tiếp7 Ngày làm việc70,000 Việt Nam Đồng(- Cấp lại thẻ căn cước)', 'Trực tiếp bảy Ngày làm việc bảy mươi nghìn đồng, Cấp lại thẻ căn cước.'],
  ['1.200.000đ/thẻ ABTC.', 'Một triệu hai trăm nghìn đồng một thẻ a bê tê xê.'],
  ['Mang CCCD và GPLX đến UBND xã.', 'Mang căn cước công dân và giấy phép lái xe đến Ủy ban nhân dân xã.'],
  ['Hẹn trả ngày 26/11/2024.', 'Hẹn trả ngày hai mươi sáu tháng mười một năm hai nghìn không trăm hai mươi tư.'],
  ['Theo Mẫu số 04, Thông tư 01/2018/TT-VPCP.', 'Theo Mẫu số bốn, Thông tư số một năm hai nghìn không trăm mười tám của Văn phòng Chính phủ.'],
  ['Mã thủ tục: **1.004222**', 'Mã thủ tục: một chấm không không bốn hai hai hai.'],
  ['Hồ sơ 000.00.12.H23-241115-0001 đang xử lý.', 'Hồ sơ không không không chấm không không chấm một hai chấm hát hai ba gạch hai bốn một một một năm gạch không không không một đang xử lý.'],
  ['Từ thứ 2 đến thứ 6, 7h30 - 17h00.', 'Từ thứ hai đến thứ sáu, bảy giờ ba mươi phút đến mười bảy giờ.'],
  ['Xem tại https://dichvucong.gov.vn/p/home.html', 'Xem tại Cổng Dịch vụ công quốc gia.'],
  ['Giấy tờ:\n1. Tờ khai\n2. Bản sao CCCD', 'Giấy tờ: Thứ nhất, Tờ khai. Thứ hai, Bản sao căn cước công dân.'],
  ['Phí 10 USD (mười đô).', 'Phí mười đô la Mỹ, mười đô.'],
  ['SĐT: 091****678', 'Số điện thoại: không chín một, các số giữa được ẩn, sáu bảy tám.'],
  ['Giấy tờ A & B', 'Giấy tờ A và B.'],
  ['và/hoặc', 'Và hoặc.'],
  ['ghi ngày/tháng/năm cấp', 'Ghi ngày tháng năm cấp.'],
  ['trong 24giờ, 01ngày', 'Trong hai mươi tư giờ, một ngày.'],
  ['Lệ phí: 1Miễn phí', 'Lệ phí: một Miễn phí.'],
  ['Sở TN&MT tỉnh', 'Sở tài nguyên và môi trường tỉnh.'],
  ['Phòng LĐTBXH', 'Phòng lao động, thương binh và xã hội.'],
  ['lệ phí 50.000/lần', 'Lệ phí năm mươi nghìn một lần.'],
  ['A&B', 'A và B.'],
  ['Người nộp: Nguyễn V. A.\nTình trạng: Đang xử lý.', 'Người nộp: Nguyễn vê a. Tình trạng: Đang xử lý.'],
  ['Người nộp: Trần T. T. N. Ngày hẹn', 'Người nộp: Trần tê tê en nờ. Ngày hẹn.'],
  ['xe hạng B. Sau đó', 'Xe hạng B. Sau đó.'],
  ['Diện tích 100 m2, cách 5km', 'Diện tích một trăm mét vuông, cách năm ki lô mét.'],
  ['đất 2 ha, xe 50cc, 60 km/h', 'Đất hai héc ta, xe năm mươi xê xê, sáu mươi ki lô mét một giờ.'],
  ['Phụ lục II, quý III, Chương XIV', 'Phụ lục hai, quý ba, Chương mười bốn.'],
  ['hạng B2', 'Hạng bê hai.'],
  ['Mục IIII', 'Mục i i i i.'],
  ['Trình tự: a) Chủ tàu gửi hồ sơ;b) Sở thẩm định', 'Trình tự: thứ nhất, Chủ tàu gửi hồ sơ; thứ hai, Sở thẩm định.'],
  ['đ) Giấy tờ khác', 'Thứ năm, Giấy tờ khác.'],
  ['(a) không đổi', 'A, không đổi.'],
  ['Cách thức: + Chủ xe kê khai', 'Cách thức: Chủ xe kê khai.'],
  ['Lệ phí: 25.000 đồng/lần; miễn cho người dưới 14 tuổi.', 'Lệ phí: hai mươi lăm nghìn đồng một lần; miễn cho người dưới mười bốn tuổi.'],
  ['Ứng dụng VNeID hoặc DVCQG.', 'Ứng dụng vê en e ai đi hoặc Cổng Dịch vụ công quốc gia.'],
  ['Trong 15-20 ngày.', 'Trong mười lăm đến hai mươi ngày.'],
  ['Thẻ BHYT tăng 4,5%.', 'Thẻ bảo hiểm y tế tăng bốn phẩy năm phần trăm.'],
  ['Hạn chót: 31/12/2025 lúc 16h30.', 'Hạn chót: ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi lăm lúc mười sáu giờ ba mươi phút.'],
];
describe('speakText', () => {
  it.each(whole)('%s', (text, spoken) => expect(speakText(text)).toBe(spoken));
  it('leaves no digits behind in real portal text', () => {
    const portal = 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến21 Ngày1,200,000 Việt Nam Đồng(1.200.000đ/thẻ ABTC.)Dịch vụ bưu chính21 Ngày làm việcMiễn phí';
    expect(speakText(portal)).not.toMatch(/\d/);
  });
});

describe('speakReplies', () => {
  it('reads replies, choices as ordinals and points to the link', () => {
    const spoken = speakReplies([
      { text: 'Bạn muốn hỏi thủ tục nào?', choices: [{ label: '1. Đăng ký thường trú', value: '1' }, { label: '2. Đăng ký tạm trú', value: '2' }] },
      { text: 'Lệ phí 20.000 đồng.', link: { title: 'Chi tiết', url: 'https://dichvucong.gov.vn/x' } },
    ]);
    expect(spoken).toBe('Bạn muốn hỏi thủ tục nào? Bạn có thể chọn: thứ nhất, Đăng ký thường trú; thứ hai, Đăng ký tạm trú. Lệ phí hai mươi nghìn đồng. Chi tiết có trong đường dẫn gửi kèm tin nhắn.');
  });
  it('does not read the choices twice when the text already lists them', () => {
    const spoken = speakReplies([{ text: 'Bạn muốn hỏi thủ tục nào?\n1. Đăng ký thường trú\n2. Đăng ký tạm trú', choices: [{ label: '1. Đăng ký thường trú', value: '1' }, { label: '2. Đăng ký tạm trú', value: '2' }] }]);
    expect(spoken).toBe('Bạn muốn hỏi thủ tục nào? Thứ nhất, Đăng ký thường trú. Thứ hai, Đăng ký tạm trú.');
  });
  it('uses a reply\'s own spoken form, reducing SSML to text', () => {
    expect(speakReplies([{ text: '1.004222', speak: 'mã thủ tục' }, { text: 'x', speak: toSsml('A & B.') }])).toBe('mã thủ tục A & B.');
  });
});

describe('toSsml', () => {
  it('wraps sentences for a vi-VN neural voice and escapes XML', () => {
    const ssml = toSsml('Giấy tờ <A> & "B". Xong.');
    expect(ssml).toBe('<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="vi-VN"><voice name="vi-VN-HoaiMyNeural"><prosody rate="-5%"><s>Giấy tờ &lt;A&gt; &amp; &quot;B&quot;.</s><s>Xong.</s></prosody></voice></speak>');
  });
  it('takes another voice', () => expect(toSsml('Chào.', { voice: 'vi-VN-NamMinhNeural' })).toContain('<voice name="vi-VN-NamMinhNeural">'));
});

describe('spoken dossier answers', () => {
  it('never leave a clipped sentence or a digit', () => {
    const text = 'Theo quy định (Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP), khi hồ sơ quá hạn, cơ quan giải quyết phải gửi bạn văn bản xin lỗi kèm hẹn lại ngày trả kết quả (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu số 04), nêu rõ lý do chậm và chỉ được hẹn lại một lần.';
    const spoken = speakText(text);
    expect(spoken).not.toMatch(/\d/);
    for (const s of sentences(spoken)) expect(s.split(' ').length).toBeGreaterThanOrEqual(5);
    expect(spoken.startsWith('Theo quy định, Nghị định số sáu mươi mốt')).toBe(true);
  });
});
