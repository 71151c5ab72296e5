import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

/** Vietnamese-looking text: syllables built from real letters and tone marks, with noise. */
const syllable = fc
  .tuple(
    fc.constantFrom('', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x'),
    fc.constantFrom('a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'oa', 'oe', 'uy', 'ươ', 'iê', 'uô', 'ai', 'ao', 'ưu', 'oai'),
    fc.constantFrom('', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'),
    fc.constantFrom('', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'),
  )
  .map(([i, v, t, f]) => `${i}${v}${t}${f}`);
const text = fc.array(fc.oneof(syllable, syllable, syllable, fc.string(), fc.constantFrom('ko', 'đc', 'CCCD', '?', ',', '1.004222')), { maxLength: 12 })
  .map((parts) => parts.join(' '));

describe('normalizeText properties', () => {
  it('never throws and is idempotent', () => {
    fc.assert(fc.property(text, (t) => {
      const once = normalizeText(t, lexicon);
      expect(normalizeText(once, lexicon)).toBe(once);
    }), { numRuns: 500 });
  });

  it('does not care where the tone mark was typed or how the text was composed', () => {
    fc.assert(fc.property(text, (t) => {
      expect(normalizeText(t.normalize('NFD'), lexicon)).toBe(normalizeText(t.normalize('NFC'), lexicon));
    }), { numRuns: 300 });
  });

  it('keeps procedure, dossier and feedback codes exactly as typed', () => {
    const code = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => `${a}.${String(b).padStart(6, '0')}`),
      fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 0, max: 999_999 })).map(([y, n]) => `PA-${y}-${String(n).padStart(6, '0')}`),
      fc.tuple(fc.constantFrom('H23', 'H56', 'G01'), fc.integer({ min: 0, max: 9999 })).map(([u, n]) => `000.00.12.${u}-241115-${String(n).padStart(4, '0')}`),
    );
    fc.assert(fc.property(text, code, text, (a, c, b) => {
      expect(normalizeText(`${a} ${c} ${b}`, lexicon)).toContain(c);
    }), { numRuns: 300 });
  });

  it('folding after normalizing equals folding the raw text, but for expanded abbreviations and i/y', () => {
    fc.assert(fc.property(fc.array(syllable, { maxLength: 8 }).map((s) => s.join(' ')), (t) => {
      const viaNormalize = foldDiacritics(normalizeText(t)).replace(/y/g, 'i');
      const direct = foldDiacritics(t.normalize('NFC').toLowerCase()).replace(/y/g, 'i');
      expect(viaNormalize).toBe(direct);
    }), { numRuns: 300 });
  });
});
