/**
 * One spelling per Vietnamese syllable. The same word reaches us typed several ways: the tone
 * mark on a different vowel ("hoà"/"hòa", "thuỷ"/"thủy"), i or y after some consonants
 * ("quí"/"quý", "kí"/"ký", "lí"/"lý"), precomposed or combining characters. Search and cue
 * matching compare strings, so every variant is rewritten to one form here.
 *
 * The chosen placement is the "old" style used by most official documents: in an open
 * syllable with two vowels the tone sits on the first (hòa, thủy, khỏe); a vowel carrying a
 * quality mark (ă â ê ô ơ ư) always takes it; with a final consonant it sits on the last vowel.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const QUALITY_VOWELS = 'ăâêôơư';
const SYLLABLE = /^(ngh|ng|gh|nh|ch|tr|th|ph|kh|gi|qu|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]+)(ch|nh|ng|[cmnpt])?$/;
/** Consonants after which a lone i and y are the same sound and spelled either way. */
const I_Y_INITIALS = new Set(['k', 'l', 'm', 't', 's', 'qu']);

/** Rewrite one lower-case word to the canonical spelling; anything not a syllable is returned unchanged. */
export function canonicalSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones && tones.length > 1) return word;
  const tone = tones?.[0] ?? '';
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  // The regex tries "gi"/"qu" as the initial first and backtracks, so "gì" parses as g + i.
  const m = SYLLABLE.exec(base);
  if (!m) return word;
  const initial = m[1] ?? '';
  let vowels = m[2];
  const final = m[3] ?? '';
  if (vowels.length > 3) return word;
  if (vowels === 'i' || vowels === 'y') {
    if (final === '' && I_Y_INITIALS.has(initial)) vowels = 'y';
  }
  if (!tone) return initial + vowels + final;
  const pos = tonePosition(vowels, final !== '');
  const marked = vowels.slice(0, pos) + (vowels[pos] + tone).normalize('NFC') + vowels.slice(pos + 1);
  return (initial + marked + final).normalize('NFC');
}

function tonePosition(vowels: string, closed: boolean): number {
  for (let i = vowels.length - 1; i >= 0; i--) {
    if (QUALITY_VOWELS.includes(vowels[i])) return i;
  }
  if (closed) return vowels.length - 1;
  if (vowels.length === 3) return 1;
  return 0;
}
