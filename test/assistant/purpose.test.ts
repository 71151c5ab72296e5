import { describe, expect, it } from 'vitest';
import { readIntent, topicWords } from '../../src/assistant/intent.js';
import { withoutPurpose } from '../../src/assistant/retrieval.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';

const lexicon = await loadLexicon();

/** The topic words the ranking counts, as retrieval computes them for a citizen's question. */
function counted(question: string): string[] {
  const normalized = normalizeText(question, lexicon);
  const folded = foldDiacritics(normalized).toLowerCase();
  return withoutPurpose(normalized, topicWords(folded, readIntent(folded)));
}

describe('a purpose clause ("để ...") does not name the procedure', () => {
  it('drops the purpose after a named request', () => {
    const words = counted('xin lý lịch tư pháp để đi xuất khẩu lao động mất bao lâu');
    expect(words).toContain('ly');
    expect(words).not.toContain('xuat');
    expect(words).not.toContain('lao');
  });

  it.each([
    // The procedure is named after "để": nothing is dropped.
    ['cần chuẩn bị gì để làm hộ chiếu', 'chieu'],
    ['điều kiện để đăng ký thường trú vào nhà thuê là gì', 'thuong'],
    // "để lại" is a verb (bequeath), not a purpose.
    ['bố mẹ để lại đất cho con thừa kế thì sang tên sổ đỏ cần giấy tờ gì', 'ke'],
    // The purpose ends where the sentence goes on: "thì đăng ký thế chấp" is the request again.
    ['em thế chấp sổ đỏ để vay ngân hàng thì đăng ký thế chấp mất mấy ngày', 'dang'],
    // A question word right before "để": the procedure is named after it.
    ['Bố em vừa mất ở nhà, gia đình cần chuẩn bị giấy tờ gì để làm giấy chứng tử?', 'tu'],
    // "để trống" (leave blank) is a verb, not a purpose.
    ['con đã có giấy khai sinh nhưng để trống phần tên cha, bố muốn nhận con', 'nhan'],
    // Folded "de" may be "đề" or "đẻ": unaccented text is left alone.
    ['xin ly lich tu phap de di xuat khau lao dong', 'xuat'],
  ])('%s keeps "%s"', (question, word) => {
    expect(counted(question)).toContain(word);
  });
});
