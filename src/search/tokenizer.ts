import type { Tokenizer } from '@orama/orama';
import type { Lexicon } from './lexicon.js';
import { foldDiacritics, normalizeText } from './normalize.js';
import type { Spelling } from './spelling.js';
import type { StopList } from './stop-words.js';
import { expandSynonyms } from './synonym.js';

/**
 * How procedure text and questions become index terms.
 *
 * Orama has no Vietnamese support (its default tokenizer splits "Đăng ký" into `ng, k`), so
 * this tokenizer replaces it. Every syllable is indexed in its folded form ("dang") and, when
 * it carries marks, in its accented form too ("đăng"): an unaccented question matches the
 * folded terms, an accented one matches both and gains precision. Adjacent syllables also form
 * a bigram ("khai_sinh") because Vietnamese words are mostly two syllables: "sinh" alone must
 * not decide that a question about "khai sinh" is about "sinh viên".
 *
 * Every term ends in `~`. Orama always matches by prefix ("ho" would find "hoa", "hoc"), and no
 * term is a prefix of another term once both end in the same mark, so lookups become exact and
 * cheap without Orama's `exact` option (which checks ASCII word boundaries and fails here).
 */
export const TERM_END = '~';
const BIGRAM_JOIN = '_';

/** What a document field indexes; a question emits every kind. */
export type FieldKind = 'unigrams' | 'bigrams' | 'words' | 'folded' | 'foldedBigrams' | 'code';

export interface Word {
  /** Normalized, accented (as typed: may lack marks). */
  text: string;
  folded: string;
}

const PIECE = /[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*|[^\p{L}\p{N}\s]+/gu;
const MARKED = /[^\u0000-\u007f]/;

const foldCache = new Map<string, string>();
function foldWord(word: string): string {
  let f = foldCache.get(word);
  if (f === undefined) {
    if (foldCache.size > 100_000) foldCache.clear();
    f = foldDiacritics(word);
    foldCache.set(word, f);
  }
  return f;
}

export function hasMarks(text: string): boolean {
  return MARKED.test(text.normalize('NFC'));
}

/**
 * Whether a (normalized) question was typed with accents. Normalization itself adds marks
 * ("gi" -> "gì", "ko" -> "không", "cccd" -> "căn cước công dân"), so one marked word does not
 * make a question accented: "lam giay khai sinh cho con can gì" must be read folded, or its
 * unmarked everyday phrases would be looked up among accented ones and never rewritten.
 * Accented Vietnamese marks most syllables; half is the line.
 */
export function typedWithMarks(text: string): boolean {
  const syllables = text.split(/[^\p{L}]+/u).filter(Boolean);
  if (syllables.length === 0) return false;
  return syllables.filter((w) => hasMarks(w)).length * 2 >= syllables.length;
}

export interface TermContext {
  lexicon: Lexicon;
  /** Replace everyday names by official ones (questions only; documents get aliases instead). */
  synonyms?: boolean;
  stop?: StopList;
  spelling?: Spelling;
}

/**
 * Split text into runs of words. A run ends at punctuation and at question filler, so bigrams
 * never join words that were not next to each other in meaning.
 */
export function wordRuns(text: string, ctx: TermContext, accented: boolean): Word[][] {
  let normalized = normalizeText(text, ctx.lexicon);
  if (ctx.synonyms) normalized = expandSynonyms(normalized, ctx.lexicon, accented);
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  const pieces = [...normalized.matchAll(PIECE)].map((m) => m[0]);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!/[\p{L}\p{N}]/u.test(piece)) {
      flush();
      continue;
    }
    let folded = foldWord(piece);
    let word = accented ? piece : folded;
    if (ctx.spelling && !ctx.spelling.has(folded)) {
      const next = pieces[i + 1];
      const fixed = ctx.spelling.correct(folded, run.at(-1)?.folded, next ? foldWord(next) : undefined);
      if (fixed) {
        folded = fixed;
        word = fixed;
      }
    }
    run.push({ text: word, folded });
  }
  flush();
  if (!ctx.stop) return runs;
  return runs.flatMap((r) => dropFiller(r, ctx.stop!, accented));
}

function dropFiller(run: Word[], stop: StopList, accented: boolean): Word[][] {
  const out: Word[][] = [];
  let current: Word[] = [];
  let i = 0;
  while (i < run.length) {
    let matched = 0;
    for (let n = Math.min(stop.maxWords, run.length - i); n >= 1; n--) {
      const phrase = run.slice(i, i + n).map((w) => (accented ? w.text : w.folded)).join(' ');
      if (stop.has(phrase, accented)) {
        matched = n;
        break;
      }
    }
    if (matched) {
      if (current.length) out.push(current);
      current = [];
      i += matched;
    } else {
      current.push(run[i]);
      i++;
    }
  }
  if (current.length) out.push(current);
  return out;
}

function isCode(word: string): boolean {
  return /[./-]/.test(word);
}

/** Terms for one field kind (documents) or for a question (`kind` undefined: every kind). */
export function terms(runs: Word[][], kind?: FieldKind): string[] {
  const out: string[] = [];
  const uni = kind === undefined || kind === 'unigrams' || kind === 'words' || kind === 'folded';
  const bi = kind === undefined || kind === 'bigrams' || kind === 'words' || kind === 'folded' || kind === 'foldedBigrams';
  const accents = kind !== 'folded' && kind !== 'foldedBigrams';
  for (const run of runs) {
    for (let i = 0; i < run.length; i++) {
      const w = run[i];
      if (isCode(w.text)) {
        if (kind === undefined || kind === 'code') out.push(w.text.toLowerCase() + TERM_END);
        continue;
      }
      if (kind === 'code') continue;
      if (uni) {
        out.push(w.folded + TERM_END);
        if (accents && w.text !== w.folded) out.push(w.text + TERM_END);
      }
      const next = run[i + 1];
      if (bi && next && !isCode(next.text)) {
        const f = w.folded + BIGRAM_JOIN + next.folded;
        out.push(f + TERM_END);
        const a = w.text + BIGRAM_JOIN + next.text;
        if (accents && a !== f) out.push(a + TERM_END);
      }
    }
  }
  return out;
}

/**
 * The Orama tokenizer component. Document fields are tokenized by their kind (`fieldKinds`);
 * a search term (no property) yields every kind, deduplicated, accented only when the question
 * itself was typed with accents.
 */
export function createTokenizer(ctx: TermContext, fieldKinds: Record<string, FieldKind>): Tokenizer {
  const docCtx: TermContext = { lexicon: ctx.lexicon, stop: ctx.stop };
  return {
    language: 'vietnamese-custom',
    normalizationCache: new Map(),
    tokenize(raw: string, _language?: string, prop?: string): string[] {
      if (typeof raw !== 'string' || raw === '') return [];
      if (prop) {
        // Deduplicated: Orama counts each token's frequency with a scan of the whole list, which is
        // quadratic in field length; presence is what matters for names and paper lists anyway.
        const kind = fieldKinds[prop] ?? 'words';
        return [...new Set(terms(wordRuns(raw, docCtx, true), kind))];
      }
      const accented = typedWithMarks(raw);
      return [...new Set(terms(wordRuns(raw, ctx, accented)))];
    },
  };
}
