/**
 * Common typing slips repaired against the vocabulary of the indexed records: Telex keystrokes
 * left unconverted ("ddawng kys" -> "dang ky"), one letter dropped, added, swapped or mistyped
 * ("khai sihn" -> "khai sinh"). Only words the index has never seen are touched, so an exact
 * match is never rewritten. Works on folded syllables; a repaired word loses its accents.
 *
 * Among the known syllables one edit away, the one that forms a known word (bigram) with its
 * neighbours wins, then a swap of two letters (the commonest slip on a phone), then the most
 * frequent: "thoung tru" becomes "thuong tru", not the more frequent "thong".
 */
export class Spelling {
  constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly bigrams: ReadonlySet<string> = new Set(),
  ) {}

  has(folded: string): boolean {
    return this.vocabulary.has(folded);
  }

  /** The known folded syllable closest to `folded`, or null when nothing is near enough. */
  correct(folded: string, previous?: string, next?: string): string | null {
    if (this.vocabulary.has(folded) || folded.length < 2 || /\d/.test(folded)) return null;
    const telex = fromTelex(folded);
    if (telex !== folded && this.vocabulary.has(telex)) return telex;
    if (folded.length < 4) return null;
    let best: string | null = null;
    let bestRank = -1;
    for (const [candidate, swapped] of editsOne(folded)) {
      const count = this.vocabulary.get(candidate);
      if (!count) continue;
      let context = 0;
      if (previous && this.bigrams.has(`${previous} ${candidate}`)) context++;
      if (next && this.bigrams.has(`${candidate} ${next}`)) context++;
      const rank = context * 1e9 + (swapped ? 1e8 : 0) + count;
      if (rank > bestRank) {
        best = candidate;
        bestRank = rank;
      }
    }
    return best;
  }
}

const ALPHABET = 'abcdeghiklmnopqrstuvxy';

/** Every string one edit away, flagged when the edit is a swap of two adjacent letters. */
function* editsOne(word: string): Generator<[string, boolean]> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) yield [head + tail.slice(1), false];
    if (tail.length > 1) yield [head + tail[1] + tail[0] + tail.slice(2), true];
    for (const c of ALPHABET) {
      if (tail) yield [head + c + tail.slice(1), false];
      yield [head + c + tail, false];
    }
  }
}

/** Undo Telex input typed without an input method: tone keys at the end, doubled vowels, w. */
export function fromTelex(word: string): string {
  let w = word;
  if (/^[a-z]+[sfrxj]$/.test(w) && /[aeiouy]/.test(w.slice(0, -1))) w = w.slice(0, -1);
  return w
    .replace(/dd/g, 'd')
    .replace(/aa|aw/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/oo|ow/g, 'o')
    .replace(/uw/g, 'u')
    .replace(/w/g, 'u');
}
