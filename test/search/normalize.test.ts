import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';
import { canonicalSyllable } from '../../src/search/tone.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

// [input, expected] — questions as citizens type them, and snippets of the national portal
// records (../shared/data/chatbot_tthc_dvcqg, dev.jsonl, dvc_faq_qa_500.jsonl).
const rows: Array<[string, string]> = [
  // tone-mark placement: old style, tone on the first vowel of open oa/oe/uy
  ['Hoà giải ở cơ sở', 'hòa giải ở cơ sở'],
  ['hòa giải ở cơ sở', 'hòa giải ở cơ sở'],
  ['nuôi trồng thuỷ sản', 'nuôi trồng thủy sản'],
  ['Công trình thủy lợi', 'công trình thủy lợi'],
  ['khoẻ mạnh', 'khỏe mạnh'],
  ['Uỷ ban nhân dân cấp xã', 'ủy ban nhân dân cấp xã'],
  ['ỦY BAN NHÂN DÂN', 'ủy ban nhân dân'],
  ['loài thủy sản nguy cấp, quí, hiếm', 'loài thủy sản nguy cấp, quý, hiếm'],
  ['loài thủy sản nguy cấp, quý, hiếm', 'loài thủy sản nguy cấp, quý, hiếm'],
  ['thoả thuận', 'thỏa thuận'],
  ['hoàn thành', 'hoàn thành'],
  ['tuyến đường', 'tuyến đường'],
  ['khuyến khích', 'khuyến khích'],
  ['thuở nhỏ', 'thuở nhỏ'],
  // i / y after k, l, m, t, s, qu
  ['đăng kí tạm trú', 'đăng ký tạm trú'],
  ['phiếu lí lịch tư pháp', 'phiếu lý lịch tư pháp'],
  ['tỉ lệ', 'tỷ lệ'],
  ['kĩ thuật', 'kỹ thuật'],
  ['gì', 'gì'],
  // combining characters (NFD input) become NFC
  ['Đăng ky\u0301 khai sinh', 'đăng ký khai sinh'],
  ['ho\u0300a', 'hòa'],
  // case and whitespace
  ['  ĐĂNG   KÝ   THƯỜNG TRÚ  ', 'đăng ký thường trú'],
  ['Đăng ký\tkết hôn\n', 'đăng ký kết hôn'],
  // teen code and abbreviations
  ['đăng kí tạm trú online trên vneid đc ko', 'đăng ký tạm trú online trên vneid được không'],
  ['lam ho chieu het bn tien', 'lam ho chieu het bao nhiêu tien'],
  ['dky tam tru can j', 'đăng ký tam tru can gì'],
  ['đk thường trú mất mấy ngày', 'đăng ký thường trú mất mấy ngày'],
  // Two readings settled by neighbours: điều kiện / đăng ký, bạn / bao nhiêu.
  ['đk để đăng ký thường trú vào nhà thuê là gì', 'điều kiện để đăng ký thường trú vào nhà thuê là gì'],
  ['cần những đk gì', 'cần những điều kiện gì'],
  ['đủ đk làm hộ chiếu chưa', 'đủ điều kiện làm hộ chiếu chưa'],
  ['bn ơi cho mình hỏi', 'bạn ơi cho mình hỏi'],
  ['muốn sửa lại thì lm tn ạ', 'muốn sửa lại thì làm thế nào ạ'],
  ['tn của bạn', 'tn của bạn'],
  ['cảm ơn bn nhé', 'cảm ơn bạn nhé'],
  ['phí làm hộ chiếu bn', 'phí làm hộ chiếu bao nhiêu'],
  ['cấp lại cccd bị mất', 'cấp lại căn cước công dân bị mất'],
  ['đổi CMND sang CCCD', 'đổi chứng minh nhân dân sang căn cước công dân'],
  ['GPLX hết hạn đổi ở đâu', 'giấy phép lái xe hết hạn đổi ở đâu'],
  ['thẻ BHYT cho trẻ em', 'thẻ bảo hiểm y tế cho trẻ em'],
  ['hok bít làm ntn', 'không bít làm như thế nào'],
  ['cho mk hỏi sdt của ubnd xã', 'cho mình hỏi số điện thoại của ủy ban nhân dân xã'],
  ['k có sổ hộ khẩu thì sao', 'không có sổ hộ khẩu thì sao'],
  ['hs gồm những gì vs lệ phí bnh', 'hồ sơ gồm những gì với lệ phí bao nhiêu'],
  // words that look like teen code but are inside longer words stay
  ['khai báo tạm trú', 'khai báo tạm trú'],
  ['kinh doanh', 'kinh doanh'],
  // codes kept intact
  ['thủ tục 1.004222', 'thủ tục 1.004222'],
  ['Thủ tục 1.001612 cần gì?', 'thủ tục 1.001612 cần gì?'],
  ['tra cứu tình trạng hồ sơ 000.00.31.H56-250312-0007', 'tra cứu tình trạng hồ sơ 000.00.31.H56-250312-0007'],
  ['hồ sơ 000.00.12.H23-241115-0001 đến đâu rồi', 'hồ sơ 000.00.12.H23-241115-0001 đến đâu rồi'],
  ['phản ánh mã PA-2026-000045 xử lý đến đâu rồi', 'phản ánh mã PA-2026-000045 xử lý đến đâu rồi'],
  ['Mã PA-2026-000123 ĐÃ XỬ LÝ CHƯA', 'mã PA-2026-000123 đã xử lý chưa'],
  ['căn cứ Thông tư 75/2022/TT-BTC', 'căn cứ thông tư 75/2022/tt-btc'],
  // punctuation stays so intent cues can still see it
  ['Đăng ký khai sinh cho con cần mang theo giấy tờ gì?', 'đăng ký khai sinh cho con cần mang theo giấy tờ gì?'],
];

describe('normalizeText', () => {
  it.each(rows)('%j -> %j', (input, expected) => {
    expect(normalizeText(input, lexicon)).toBe(expected);
  });

  it('is idempotent on every row', () => {
    for (const [, expected] of rows) {
      const once = normalizeText(expected, lexicon);
      expect(normalizeText(once, lexicon)).toBe(once);
    }
  });

  it('without a lexicon only rewrites spelling, never expands', () => {
    expect(normalizeText('đăng kí tạm trú đc ko')).toBe('đăng ký tạm trú đc ko');
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Đăng ký khai sinh', 'Dang ky khai sinh'],
    ['đường', 'duong'],
    ['Ủy ban nhân dân', 'Uy ban nhan dan'],
    ['giấy chứng nhận quyền sử dụng đất', 'giay chung nhan quyen su dung dat'],
    ['1.004222', '1.004222'],
  ])('%j -> %j', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('canonicalSyllable', () => {
  it('leaves words that are not Vietnamese syllables alone', () => {
    for (const w of ['vneid', 'online', 'abc', 'h23', 'xyz']) expect(canonicalSyllable(w)).toBe(w);
  });

  it('gives every tone placement of a syllable the same spelling', () => {
    const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    for (const tone of tones) {
      const onFirst = `ho${tone}a`.normalize('NFC');
      const onSecond = `hoa${tone}`.normalize('NFC');
      expect(canonicalSyllable(onSecond)).toBe(canonicalSyllable(onFirst));
      const uyFirst = `thu${tone}y`.normalize('NFC');
      const uySecond = `thuy${tone}`.normalize('NFC');
      expect(canonicalSyllable(uySecond)).toBe(canonicalSyllable(uyFirst));
    }
  });
});
