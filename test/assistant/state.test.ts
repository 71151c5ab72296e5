import { describe, expect, it } from 'vitest';
import { readIntent, topicWords } from '../../src/assistant/intent.js';
import { withoutState } from '../../src/assistant/retrieval.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';

const lexicon = await loadLexicon();

function counted(question: string): string[] {
  const normalized = normalizeText(question, lexicon);
  const folded = foldDiacritics(normalized).toLowerCase();
  return withoutState(normalized, topicWords(folded, readIntent(folded)));
}

describe('a "chưa ..." state describes the situation, not the procedure asked for', () => {
  it.each([
    // Questions of the blind sets' kind: the request is elsewhere in the sentence.
    ['dạ em với anh ấy chưa đăng ký kết hôn mà có con rồi giờ anh ấy muốn nhận con thì làm thế nào', 'hon', 'nhan'],
    ['thủ tục nhận con khi chưa đăng ký kết hôn gồm những bước nào', 'ket', 'nhan'],
    ['thu tuc nhan con khi chua dang ky ket hon', 'hon', 'nhan'],
  ])('%s drops "%s", keeps "%s"', (question, dropped, kept) => {
    const words = counted(question);
    expect(words).not.toContain(dropped);
    expect(words).toContain(kept);
  });

  it.each([
    // "đã có X nhưng ...": what the citizen has, set against the request.
    ['con em đã có giấy khai sinh nhưng để trống phần tên cha giờ bố cháu muốn làm thủ tục nhận con', 'khai', 'nhan'],
    // "photo / sao y X": X is the document copied, not the procedure.
    ['cong chung photo cccd het bn tien 1 trang', 'cuoc', 'photo'],
    ['photo công chứng bằng đại học mất bao nhiêu tiền một trang', 'dai', 'chung'],
    // "chứng thực / công chứng bản sao X": X is the document copied.
    ['Chứng thực bản sao thẻ căn cước ở xã mất bao nhiêu tiền một trang?', 'cuoc', 'chung'],
    // Where the citizen goes is not which procedure: "ở ubnd xã".
    ['photo công chứng bằng đh ở ubnd xã bn tiền 1 trang', 'xa', 'chung'],
  ])('%s drops "%s", keeps "%s"', (question, dropped, kept) => {
    const words = counted(question);
    expect(words).not.toContain(dropped);
    expect(words).toContain(kept);
  });

  it('keeps the document of "bản sao X": "bản sao giấy khai sinh" is a procedure of its own', () => {
    expect(counted('xin bản sao giấy khai sinh bao nhiêu tiền')).toContain('khai');
  });

  it('reads "có ... rồi" (already has) as a state too', () => {
    const words = counted('con em có giấy khai sinh rồi giờ bố cháu muốn làm thủ tục nhận con thì mất mấy ngày');
    expect(words).not.toContain('khai');
    expect(words).toContain('nhan');
  });

  it.each([
    // The state is the request: nothing else is left.
    ['con tôi chưa đăng ký khai sinh', 'khai'],
    // The state shares its topic with the request ("sổ đỏ" ... "làm sổ").
    ['đất ông bà để lại chưa có sổ đỏ, muốn làm sổ lần đầu thì các bước thế nào', 'do'],
    // What is left tells only who and when: the state is the request.
    ['cho em hỏi con em năm nay mười sáu tuổi chưa làm căn cước thì đi làm ở đâu ạ', 'cuoc'],
    // "đã có X" names what the procedure is about ("đã có sổ đỏ giờ sang tên").
    ['bố mẹ em cho em mảnh đất đã có sổ đỏ giờ sang tên cho em thì mất bao lâu', 'do'],
    // "thế chấp" at the start is not the follow-up filler "thế".
    ['thế chấp sổ đỏ cần giấy tờ gì', 'the'],
  ])('%s keeps "%s"', (question, word) => {
    expect(counted(question)).toContain(word);
  });
});
