import { beforeAll, describe, expect, it } from 'vitest';
import { createLexicon, loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { Spelling, fromTelex } from '../../src/search/spelling.js';
import { StopList } from '../../src/search/stop-words.js';
import { createTokenizer, hasMarks, terms, TERM_END, typedWithMarks, wordRuns } from '../../src/search/tokenizer.js';
import { normalizeText } from '../../src/search/normalize.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const strip = (ts: string[]) => ts.map((t) => t.slice(0, -TERM_END.length));

describe('terms', () => {
  it('indexes a name by folded and accented syllables and bigrams', () => {
    const runs = wordRuns('Đăng ký khai sinh', { lexicon }, true);
    expect(strip(terms(runs, 'unigrams'))).toEqual(['dang', 'đăng', 'ky', 'ký', 'khai', 'sinh']);
    expect(strip(terms(runs, 'bigrams'))).toEqual(['dang_ky', 'đăng_ký', 'ky_khai', 'ký_khai', 'khai_sinh']);
  });

  it('keeps Đ as a letter, unlike Orama\'s default tokenizer which splits "Đăng ký" into "ng, k"', () => {
    const tokenizer = createTokenizer({ lexicon }, {});
    expect(strip(tokenizer.tokenize('Đăng ký'))).toEqual(['dang', 'đăng', 'dang_ky', 'đăng_ký', 'ky', 'ký']);
  });

  it('gives an unaccented question the same folded terms as the accented one, and no accented terms', () => {
    const tokenizer = createTokenizer({ lexicon }, {});
    const accented = tokenizer.tokenize('đăng ký thường trú');
    const plain = tokenizer.tokenize('dang ky thuong tru');
    expect(plain.every((t) => !hasMarks(t))).toBe(true);
    expect(accented.filter((t) => !hasMarks(t))).toEqual(plain);
  });

  it('reads a question as unaccented when only the words normalization expanded carry marks', () => {
    // "gi" -> "gì" and "cccd" -> "căn cước công dân" are added by normalization, not typed.
    expect(typedWithMarks(normalizeText('lam giay khai sinh cho con can nhung gi', lexicon))).toBe(false);
    expect(typedWithMarks(normalizeText('the bhyt bi rach muon doi the moi can gi', lexicon))).toBe(false);
    expect(typedWithMarks(normalizeText('làm giấy khai sinh cho con cần những gì', lexicon))).toBe(true);
    expect(typedWithMarks(normalizeText('bn tiền làm hộ chiếu', lexicon))).toBe(true);
    expect(typedWithMarks('')).toBe(false);
  });

  it('rewrites everyday phrases of a folded question even when normalization added a marked word', () => {
    const tokenizer = createTokenizer({ lexicon, synonyms: true }, {});
    const terms = strip(tokenizer.tokenize(normalizeText('lam giay khai sinh cho con can gi', lexicon)));
    expect(terms).toContain('dang_ky');
    expect(terms.every((t) => !hasMarks(t))).toBe(true);
  });

  it('never forms a bigram across punctuation', () => {
    const runs = wordRuns('Cấp, cấp lại giấy phép', { lexicon }, true);
    expect(strip(terms(runs, 'bigrams'))).not.toContain('cap_cap');
  });

  it('keeps a procedure code as one term', () => {
    const tokenizer = createTokenizer({ lexicon }, { code: 'code' });
    expect(tokenizer.tokenize('1.004222', undefined, 'code')).toEqual([`1.004222${TERM_END}`]);
    expect(tokenizer.tokenize('thủ tục 1.004222')).toContain(`1.004222${TERM_END}`);
  });

  it('ends every term with the same mark, so no term is a prefix of another', () => {
    const all = createTokenizer({ lexicon }, {}).tokenize('hộ chiếu hoa học hồng');
    for (const a of all) for (const b of all) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
});

describe('question filler', () => {
  const corpus = ['đăng', 'ký', 'khai', 'sinh', 'đầu', 'tư', 'cơ', 'sở', 'giấy', 'tờ'];

  it('is dropped from accented questions', () => {
    const stop = new StopList(lexicon, corpus);
    const runs = wordRuns('cho em hỏi đăng ký khai sinh cần giấy tờ gì ạ', { lexicon, stop }, true);
    expect(runs.map((r) => r.map((w) => w.text).join(' '))).toEqual(['đăng ký khai sinh']);
  });

  it('drops an unaccented single syllable only when no content word folds to it', () => {
    const stop = new StopList(lexicon, corpus);
    // "đâu" is filler but "dau" may also be "đầu" (đầu tư) in the corpus: kept.
    expect(stop.has('dau', false)).toBe(false);
    expect(stop.has('đâu', true)).toBe(true);
    // "gì" folds to "gi", which no content word in this corpus does: dropped.
    expect(stop.has('gi', false)).toBe(true);
    // Multi-syllable phrases are distinctive enough folded.
    expect(stop.has('bao nhieu', false)).toBe(true);
    expect(stop.has('o dau', false)).toBe(true);
  });

  it('does not swallow words that carry meaning in procedure names ("không phải đánh giá rủi ro")', () => {
    const stop = new StopList(lexicon, corpus);
    const runs = wordRuns('trường hợp không phải đánh giá rủi ro', { lexicon, stop }, true);
    expect(runs.flat().map((w) => w.text)).toContain('không');
  });
});

describe('spelling', () => {
  const spelling = new Spelling(new Map([['dang', 50], ['ky', 40], ['khai', 10], ['sinh', 12], ['thuong', 5], ['tru', 5], ['sinh', 9]]));

  it.each([
    ['sihn', 'sinh'],
    ['khia', 'khai'],
    ['thuogn', 'thuong'],
    ['kys', 'ky'],
    ['ddang', 'dang'],
  ])('repairs %s to %s', (typo, fixed) => {
    expect(spelling.correct(typo)).toBe(fixed);
  });

  it('prefers the repair that forms a known word with its neighbours, then a swap', () => {
    const vocab = new Map([['thong', 500], ['thuong', 20], ['tru', 30], ['tin', 40]]);
    const plain = new Spelling(vocab);
    expect(plain.correct('thoung')).toBe('thuong'); // a swap beats the more frequent "thong"
    const inContext = new Spelling(vocab, new Set(['thong tin', 'thuong tru']));
    expect(inContext.correct('thonng', undefined, 'tin')).toBe('thong');
    expect(inContext.correct('thuonng', undefined, 'tru')).toBe('thuong');
  });

  it('never touches a known word or a number', () => {
    expect(spelling.correct('sinh')).toBeNull();
    expect(spelling.correct('2024')).toBeNull();
  });

  it('undoes Telex keystrokes', () => {
    expect(fromTelex('ddawng')).toBe('dang');
    expect(fromTelex('kys')).toBe('ky');
    expect(fromTelex('chieeu')).toBe('chieu');
  });
});

describe('lexicon', () => {
  it('normalizes its own entries the way questions are normalized', () => {
    const lex = createLexicon({ abbreviations: [['ĐK', 'Đăng kí']] });
    expect(lex.abbreviations.get('đk')).toBe('đăng ký');
  });

  it('ships every everyday name the issue lists', () => {
    const phrases = new Set([...lexicon.synonyms.map((s) => s.phrase), ...lexicon.abbreviations.keys()]);
    for (const p of ['cccd', 'cmnd', 'gplx', 'bằng lái', 'sổ đỏ', 'sổ hồng', 'cà vẹt', 'hộ khẩu', 'giấy chứng tử', 'passport', 'giấy khai sinh']) {
      expect(phrases.has(p), p).toBe(true);
    }
    for (const t of ['ko', 'k', 'hok', 'đc', 'dc', 'bn', 'dky', 'đk', 'sdt', 'j', 'ntn']) {
      expect(lexicon.abbreviations.has(t), t).toBe(true);
    }
  });
});
