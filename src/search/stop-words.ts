import type { Lexicon } from './lexicon.js';
import { foldDiacritics } from './normalize.js';

/**
 * Question filler ("cho hỏi", "bao nhiêu", "ở đâu"...) removed before retrieval so it cannot
 * drive ranking. Accented words must match a filler word exactly. Unaccented typing is
 * ambiguous: "dau" may be "đâu" (filler) or "đầu" (as in "đầu tư"); a single unaccented
 * syllable is only dropped when the corpus has no content word that folds to the same letters.
 * Multi-syllable phrases ("bao nhieu", "o dau") are distinctive enough to drop folded.
 */
export class StopList {
  private readonly accented = new Set<string>();
  private readonly folded = new Set<string>();
  readonly maxWords: number;

  constructor(lexicon: Lexicon, corpusSyllables: Iterable<string>) {
    const singles = new Set<string>();
    let maxWords = 1;
    for (const phrase of lexicon.stopPhrases) {
      const words = phrase.split(' ');
      maxWords = Math.max(maxWords, words.length);
      this.accented.add(phrase);
      if (words.length > 1) this.folded.add(foldDiacritics(phrase));
      else singles.add(phrase);
    }
    // Which folded syllables stand for a content word somewhere in the corpus?
    const contentFolds = new Set<string>();
    for (const syllable of corpusSyllables) {
      if (!singles.has(syllable)) contentFolds.add(foldDiacritics(syllable));
    }
    for (const s of singles) {
      const f = foldDiacritics(s);
      if (!contentFolds.has(f)) this.folded.add(f);
    }
    this.maxWords = maxWords;
  }

  /** Is `phrase` (space-joined words) filler, given whether the question was typed with accents? */
  has(phrase: string, accented: boolean): boolean {
    return accented ? this.accented.has(phrase) : this.folded.has(phrase);
  }

  /** Folded single syllables treated as filler in unaccented questions (for tests and docs). */
  foldedSingles(): string[] {
    return [...this.folded].filter((p) => !p.includes(' ')).sort();
  }
}
