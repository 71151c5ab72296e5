/**
 * Common typing slips repaired against the vocabulary of the indexed records: Telex keystrokes
 * left unconverted ("ddawng kys" -> "dang ky"), one letter dropped, added, swapped or mistyped
 * ("khai sihn" -> "khai sinh"). Only words the index has never seen are touched, so an exact
 * match is never rewritten. Works on folded syllables; a repaired word loses its accents.
 */
export class Spelling {
  constructor(private readonly vocabulary: Map<string, number>) {}

  has(folded: string): boolean {
    return this.vocabulary.has(folded);
  }

  /** The known folded syllable closest to `folded`, or null when nothing is near enough. */
  correct(folded: string): string | null {
    if (this.vocabulary.has(folded) || folded.length < 2 || /\d/.test(folded)) return null;
    const telex = fromTelex(folded);
    if (telex !== folded && this.vocabulary.has(telex)) return telex;
    if (folded.length < 4) return null;
    let best: string | null = null;
    let bestCount = 0;
    for (const candidate of editsOne(folded)) {
      const count = this.vocabulary.get(candidate) ?? 0;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
}

const ALPHABET = 'abcdeghiklmnopqrstuvxy';

function* editsOne(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const c of ALPHABET) {
      if (tail) yield head + c + tail.slice(1);
      yield head + c + tail;
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
