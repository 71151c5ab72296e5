import { foldDiacritics } from './fold.js';

/**
 * Ages said in words ("mười lăm tuổi", "hai mươi mốt tuổi", "muoi lam tuoi") written as digits
 * ("15 tuổi"), so the ranking's age rule (ranking.ts ageFits: "dưới 14 tuổi", "từ đủ 14 tuổi")
 * reads a voice transcript or a typed message the same way. Only a run of number words right
 * before "tuổi" is read: "năm nay mười lăm tuổi" keeps "năm nay". Pure; works on accented and
 * folded text alike.
 */
const digits: Record<string, number> = {
  khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
const numberWords = new Set([...Object.keys(digits), 'muoi', 'tram', 'linh', 'le']);

const fold = (word: string) => foldDiacritics(word).toLowerCase();

/** The value of number words ("mười lăm" -> 15, "một trăm linh năm" -> 105), or null. */
export function spokenNumber(words: string[]): number | null {
  const w = words.map(fold);
  if (w.length === 0 || w.some((x) => !numberWords.has(x))) return null;
  let total = 0;
  let i = 0;
  const unitAt = (k: number) => (k < w.length && w[k] in digits ? digits[w[k]] : null);
  // Hundreds: "<d> trăm", then "linh/lẻ <d>" or tens.
  if (w.length >= 2 && w[1] === 'tram') {
    const h = unitAt(0);
    if (h === null) return null;
    total = h * 100;
    i = 2;
    if (i < w.length && (w[i] === 'linh' || w[i] === 'le')) {
      const u = unitAt(i + 1);
      return u !== null && i + 2 === w.length ? total + u : null;
    }
  }
  if (i === w.length) return total;
  // Tens: "mười [u]" (10..19) or "<d> mươi [u]" (20..99); "mốt", "tư", "lăm" after tens.
  // Folded, "mười" (ten) and "mươi" (tens after a digit) are one word: position decides.
  if (w[i] === 'muoi') {
    const u = unitAt(i + 1);
    if (i + 1 === w.length) return total + 10;
    return u !== null && i + 2 === w.length ? total + 10 + u : null;
  }
  const t = unitAt(i);
  if (t === null) return null;
  if (i + 1 === w.length) return total + t;
  if (w[i + 1] !== 'muoi' || t < 2) return null;
  if (i + 2 === w.length) return total + t * 10;
  const u = unitAt(i + 2);
  return u !== null && i + 3 === w.length ? total + t * 10 + u : null;
}

const WORD = /[\p{L}]+/gu;

/** "con 15t", "bé 6t": an age typed short, after a word for a person (elsewhere "15t" may be money). */
const SHORT_AGE = /(?<=(?:^|[^\p{L}])(?:con|bé|be|cháu|chau|em|e|tôi|toi|ông|ong|bà|ba|bố|bo|mẹ|me|anh|chị|chi)(?:\s+\p{L}+)?\s+)(\d{1,3})t(?![\p{L}\p{N}])/gu;

/** Rewrites "<number words> tuổi" (and "con 15t") as "<digits> tuổi"; everything else is returned unchanged. */
export function writeSpokenAges(input: string): string {
  const text = input.replace(SHORT_AGE, '$1 tuổi');
  if (!/tu[ổo]i/iu.test(text)) return text;
  const tokens = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  let out = '';
  let last = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (fold(tokens[k].word) !== 'tuoi') continue;
    // The longest run of number words ending right before "tuổi" that reads as a number.
    let best: { from: number; value: number } | null = null;
    for (let from = Math.max(0, k - 5); from < k; from++) {
      if (tokens[from].start < last) continue;
      const run = tokens.slice(from, k);
      // Only whitespace between the words of the run.
      if (run.some((t, j) => j > 0 && text.slice(run[j - 1].end, t.start).trim() !== '')) continue;
      if (text.slice(run[run.length - 1].end, tokens[k].start).trim() !== '') continue;
      const value = spokenNumber(run.map((t) => t.word));
      if (value !== null) { best = { from, value }; break; }
    }
    if (!best) continue;
    out += text.slice(last, tokens[best.from].start) + String(best.value) + ' ';
    last = tokens[k].start;
  }
  return out + text.slice(last);
}
