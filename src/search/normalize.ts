import type { Lexicon } from './lexicon.js';
import { writeSpokenAges } from './spoken-age.js';
import { canonicalSyllable } from './tone.js';

/** Folding lives in fold.ts (spoken-age.ts needs it too); it is part of this module's API. */
export { foldDiacritics } from './fold.js';

/**
 * Codes that must reach the assistant exactly as typed: procedure codes (1.004222), dossier
 * codes (000.00.12.H23-241115-0001) and feedback tracking codes (PA-2026-000123). They are cut
 * out before any rewriting and put back unchanged.
 */
const CODE = /\b(?:PA-\d{4}-\d{4,}|[0-9A-Za-z]{2,}(?:\.[0-9A-Za-z]{2,}){2,}-\d{6}-\d{3,}|\d{1,2}\.\d{6})\b/gi;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Bring a question to one comparable form: NFC, lower case, one tone-mark placement and i/y
 * spelling per syllable, abbreviations and teen code expanded (when a lexicon is given), single
 * spaces. Codes are kept intact. Punctuation stays, so cue phrases can still see "?".
 */
export function normalizeText(text: string, lexicon?: Lexicon): string {
  const nfc = text.normalize('NFC');
  let out = '';
  let last = 0;
  for (const m of nfc.matchAll(CODE)) {
    out += normalizePlain(nfc.slice(last, m.index), lexicon) + m[0];
    last = m.index + m[0].length;
  }
  out += normalizePlain(nfc.slice(last), lexicon);
  return out.replace(/\s+/g, ' ').trim();
}

/** Syllables repeat endlessly across records; remembering their canonical form saves most of the work. */
const canonicalCache = new Map<string, string>();
function canonical(word: string): string {
  let c = canonicalCache.get(word);
  if (c === undefined) {
    if (canonicalCache.size > 100_000) canonicalCache.clear();
    c = canonicalSyllable(word);
    canonicalCache.set(word, c);
  }
  return c;
}

/**
 * Short forms with two everyday readings, settled by their neighbours before the lexicon's
 * default: "đk" is "đăng ký" except in "đk để ...", "đk gì", "đủ đk" (điều kiện); "bn" is "bao
 * nhiêu" except in "bn ơi", "chào bn", "cảm ơn bn" (bạn).
 */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const ambiguous: Array<[RegExp, string]> = [
  [new RegExp(`${B}(?:đk|dk)(?=\\s+(?:để|de|gì|gi|là gì|la gi)${E})`, 'gu'), 'điều kiện'],
  [new RegExp(`(?<=${B}(?:đủ|du|những|nhung|các|cac)\\s+)(?:đk|dk)${E}`, 'gu'), 'điều kiện'],
  [new RegExp(`${B}bn(?=\\s+(?:ơi|oi)${E})`, 'gu'), 'bạn'],
  [new RegExp(`(?<=${B}(?:chào|chao|ơn|on|nhờ|nho)\\s+)bn${E}`, 'gu'), 'bạn'],
  // "lm tn", "làm tn": "thế nào" (elsewhere "tn" may be "tin nhắn" or "thanh niên").
  [new RegExp(`(?<=${B}(?:lm|làm|lam)\\s+)tn${E}`, 'gu'), 'thế nào'],
];

function normalizePlain(text: string, lexicon?: Lexicon): string {
  let lower = writeSpokenAges(text.toLowerCase());
  if (lexicon) for (const [pattern, long] of ambiguous) lower = lower.replace(pattern, long);
  return lower.replace(WORD, (word) => {
    const canonicalWord = canonical(word);
    return lexicon?.abbreviations.get(canonicalWord) ?? lexicon?.abbreviations.get(word) ?? canonicalWord;
  });
}
