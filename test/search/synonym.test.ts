import { beforeAll, describe, expect, it } from 'vitest';
import { createLexicon, loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { normalizeText } from '../../src/search/normalize.js';
import { expandSynonyms } from '../../src/search/synonym.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const expand = (q: string, accented = true) => expandSynonyms(normalizeText(q, lexicon), lexicon, accented);

describe('expandSynonyms', () => {
  it.each([
    ['đổi cà vẹt xe', 'đổi chứng nhận đăng ký xe . cà vẹt xe'],
    ['cấp đổi sổ đỏ', 'cấp đổi giấy chứng nhận quyền sử dụng đất . sổ đỏ'],
    ['cắt hộ khẩu cho con', 'xóa đăng ký thường trú cho con . cắt hộ khẩu'],
    ['làm giấy chứng tử cho bố', 'đăng ký khai tử cho bố . làm giấy chứng tử'],
    ['lệ phí làm passport', 'lệ phí cấp hộ chiếu . passport . làm hộ chiếu'],
  ])('%s -> %s', (q, expected) => {
    expect(expand(q)).toBe(expected);
  });

  it('matches unaccented questions on folded phrases and answers folded', () => {
    expect(expand('cap doi so do', false)).toBe('cap doi giay chung nhan quyen su dung dat . so do');
  });

  it('applies a self-containing expansion once', () => {
    expect(expand('hộ chiếu')).toBe('hộ chiếu phổ thông . hộ chiếu');
  });

  it('only matches whole words', () => {
    const lex = createLexicon({ synonyms: [{ phrase: 'sổ đỏ', means: ['giấy chứng nhận'] }] });
    expect(expandSynonyms('sổ đỏng', lex, true)).toBe('sổ đỏng');
  });
});
