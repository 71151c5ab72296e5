import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { create, insertMultiple, load, save, search as oramaSearch, type AnyOrama, type RawData } from '@orama/orama';
import { z } from 'zod';
import type { Procedure } from '../knowledge/procedure.js';
import type { Lexicon } from './lexicon.js';
import { foldDiacritics, normalizeText } from './normalize.js';
import { Spelling } from './spelling.js';
import { StopList } from './stop-words.js';
import { createExactIndex, INDEX_CANDIDATES } from './exact-index.js';
import { createTokenizer, wordRuns, type FieldKind, type TermContext } from './tokenizer.js';
import { VariantRule } from './variant.js';

/**
 * One candidate procedure for a question.
 *
 * `score` is comparable across the hits of one search (and only there): BM25 over the fields
 * below, multiplied by the variant rule. Use `scoreRatio` / `closeCandidates` to decide whether the
 * first candidate stands out or a clarifying question is due.
 */
export interface SearchHit {
  code: string;
  name: string;
  score: number;
}

export interface ProcedureIndex {
  size: number;
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  /** Where the index came from at start-up: built from records, or restored from a snapshot. */
  origin: 'built' | 'snapshot';
}

/** Bump when tokenization or the schema changes, so old snapshots are not reused. */
const ENGINE_VERSION = 'b1-search-5';

/** Field weights. The name says what a procedure is; aliases are the lexicon's everyday names. */
export const FIELD_BOOST = { code: 20, nameBi: 3, nameUni: 1.5, nameNote: 0.5, alias: 2.5, field: 0.4 } as const;
type FieldName = keyof typeof FIELD_BOOST;

/**
 * BM25 parameters. b = 0.5 (Orama's default is 0.75): procedure names differ mostly by
 * qualifying tails, and strong length normalization made short but wrong names win
 * ("Trình báo mất hộ chiếu" over "Cấp hộ chiếu ... ở trong nước"). Chosen on the dev set.
 */
const BM25_PARAMS = { k: 1.2, b: 0.5, d: 0.5 };

const FIELD_KINDS: Record<FieldName, FieldKind> = {
  code: 'code',
  nameBi: 'bigrams',
  nameUni: 'unigrams',
  nameNote: 'words',
  alias: 'words',
  field: 'folded',
};

interface IndexedDoc {
  id: string;
  code: string;
  name: string;
  nameBi: string;
  nameUni: string;
  nameNote: string;
  alias: string;
  field: string;
}

interface Snapshot {
  hash: string;
  vocabulary: Array<[string, number]>;
  bigrams: string[];
  raw: RawData;
}

export interface BuildOptions {
  /** File where the built index is saved and restored from when records and lexicon are unchanged. */
  snapshotPath?: string;
  /** Repair unknown words against the index vocabulary (on by default; off to measure its effect). */
  spelling?: boolean;
  /** Rewrite everyday names in questions to official ones (on by default). */
  synonyms?: boolean;
}

export async function buildProcedureIndex(
  procedures: Procedure[],
  lexicon: Lexicon,
  opts: BuildOptions = {},
): Promise<ProcedureIndex> {
  const docs = procedures.map((p) => toDoc(p, lexicon));
  const hash = contentHash(docs, lexicon);
  const stop = new StopList(lexicon, corpusSyllables(docs));
  const baseCtx: TermContext = { lexicon, stop };

  let words: Vocabulary | undefined;
  let raw: RawData | undefined;
  if (opts.snapshotPath) {
    const snap = await readSnapshot(opts.snapshotPath);
    if (snap?.hash === hash) {
      words = { counts: new Map(snap.vocabulary), bigrams: new Set(snap.bigrams) };
      raw = snap.raw;
    }
  }
  const origin = raw ? 'snapshot' : 'built';
  words ??= buildVocabulary(docs, lexicon);
  const spelling = opts.spelling === false ? undefined : new Spelling(words.counts, words.bigrams);
  const ctx: TermContext = { ...baseCtx, synonyms: opts.synonyms !== false, spelling };
  const db = createDb(ctx);
  if (raw) load(db, raw);
  else await insertMultiple(db, docs, 500);
  if (!raw && opts.snapshotPath) {
    await writeSnapshot(opts.snapshotPath, { hash, vocabulary: [...words.counts], bigrams: [...words.bigrams], raw: withoutFrequencies(save(db)) });
  }

  const variants = new VariantRule(lexicon);
  const names = new Map(docs.map((d) => [d.code, { name: d.name, groups: variants.groupsOfName(d.name), listed: variants.listedGroupsOfName(d.name) }]));
  return {
    size: docs.length,
    origin,
    async search(query, { limit = 5 } = {}) {
      const normalized = normalizeText(query, lexicon);
      const result = await oramaSearch(db, {
        term: query,
        properties: Object.keys(FIELD_BOOST) as FieldName[],
        boost: FIELD_BOOST,
        limit: INDEX_CANDIDATES,
        threshold: 1,
        relevance: BM25_PARAMS,
      });
      const asked = variants.groupsOfQuestion(normalized);
      const hits: SearchHit[] = result.hits.map((h) => {
        const entry = names.get(h.id) ?? { name: '', groups: [], listed: [] };
        return { code: h.id, name: entry.name, score: h.score * variants.weight(entry.groups, asked, entry.listed) };
      });
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, limit);
    },
  };
}

function createDb(ctx: TermContext): AnyOrama {
  return create({
    schema: { code: 'string', nameBi: 'string', nameUni: 'string', nameNote: 'string', alias: 'string', field: 'string' } as const,
    // Results are ordered by score only; Orama's per-property sort index would cost build time
    // and snapshot size for nothing.
    sort: { enabled: false },
    components: { tokenizer: createTokenizer(ctx, FIELD_KINDS), index: createExactIndex() },
  });
}

function toDoc(p: Procedure, lexicon: Lexicon): IndexedDoc {
  return {
    id: p.code,
    code: p.code,
    name: p.name,
    nameBi: mainName(p.name),
    nameUni: mainName(p.name),
    nameNote: nameNotes(p.name),
    alias: aliasesFor(p.name, lexicon).join(' . '),
    field: p.field ?? '',
  };
}

/**
 * Parenthetical remarks ("(thực hiện tại cấp tỉnh)", "(áp dụng cho cả trường hợp ...)") are
 * indexed in a field of their own: left in the name they would make it long, and BM25 would
 * rank the procedure below shorter, less relevant ones.
 */
export function mainName(name: string): string {
  return name.replace(/\([^()]*\)/g, ' . ').trim();
}

function nameNotes(name: string): string {
  return [...name.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]).join(' . ');
}

/** Everyday names from the lexicon whose official meaning appears in the procedure's name. */
export function aliasesFor(name: string, lexicon: Lexicon): string[] {
  const folded = ` ${foldDiacritics(normalizeText(name)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return foldedSynonyms(lexicon).filter((s) => s.means.some((m) => folded.includes(m))).map((s) => s.phrase);
}

const foldedSynonymCache = new WeakMap<Lexicon, Array<{ phrase: string; means: string[] }>>();
function foldedSynonyms(lexicon: Lexicon): Array<{ phrase: string; means: string[] }> {
  let list = foldedSynonymCache.get(lexicon);
  if (!list) {
    list = lexicon.synonyms.map((s) => ({ phrase: s.phrase, means: s.means.map((m) => ` ${foldDiacritics(m).replace(/[^\p{L}\p{N}]+/gu, ' ')} `) }));
    foldedSynonymCache.set(lexicon, list);
  }
  return list;
}

function corpusSyllables(docs: IndexedDoc[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    for (const text of [d.name, d.field]) {
      for (const w of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
    }
  }
  return out;
}

interface Vocabulary {
  /** Folded syllable -> how many times it occurs in indexed text. */
  counts: Map<string, number>;
  /** Folded adjacent syllable pairs ("thuong tru"), for typo repair in context. */
  bigrams: Set<string>;
}

function buildVocabulary(docs: IndexedDoc[], lexicon: Lexicon): Vocabulary {
  const vocabulary = new Map<string, number>();
  const bigrams = new Set<string>();
  const add = (w: string, n = 1) => vocabulary.set(w, (vocabulary.get(w) ?? 0) + n);
  for (const d of docs) {
    for (const text of [d.name, d.alias, d.field]) {
      for (const run of wordRuns(text, { lexicon }, true)) {
        for (let i = 0; i < run.length; i++) {
          add(run[i].folded);
          if (i > 0) bigrams.add(`${run[i - 1].folded} ${run[i].folded}`);
        }
      }
    }
  }
  // Filler and lexicon words are known words too: never "repair" them into something else.
  const known = [...lexicon.stopPhrases, ...lexicon.abbreviations.keys(), ...lexicon.abbreviations.values(),
    ...lexicon.synonyms.map((s) => s.phrase)];
  for (const phrase of known) for (const w of foldDiacritics(phrase).split(/[^\p{L}\p{N}]+/u)) if (w) add(w, 0);
  return { counts: vocabulary, bigrams };
}

function contentHash(docs: IndexedDoc[], lexicon: Lexicon): string {
  const h = createHash('sha256').update(ENGINE_VERSION).update(lexicon.hash);
  for (const d of docs) h.update(JSON.stringify([d.code, d.name, d.alias, d.field]));
  return h.digest('hex').slice(0, 24);
}

const snapshotSchema = z.object({
  hash: z.string(),
  vocabulary: z.array(z.tuple([z.string(), z.number()])),
  bigrams: z.array(z.string()),
  raw: z.record(z.string(), z.unknown()),
});

/** A missing, damaged or foreign snapshot is simply rebuilt: it is a cache, never the source. */
async function readSnapshot(path: string): Promise<Snapshot | null> {
  try {
    const parsed = snapshotSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? (parsed.data as unknown as Snapshot) : null;
  } catch {
    return null;
  }
}

/**
 * Orama keeps a term-frequency table per document and field; our index scores term presence
 * (see exact-index.ts) and never reads it, and it is half of a snapshot. Dropped from the file;
 * a restored index is only searched, never inserted into.
 */
function withoutFrequencies(raw: RawData): RawData {
  const r = raw as unknown as { index?: { frequencies?: Record<string, unknown> } };
  if (!r.index?.frequencies) return raw;
  const frequencies = Object.fromEntries(Object.keys(r.index.frequencies).map((prop) => [prop, {}]));
  return { ...raw, index: { ...r.index, frequencies } } as unknown as RawData;
}

/**
 * Written to a temporary file then renamed, so a reader never sees half a snapshot. A failure
 * (read-only or full disk) only costs the next start-up a rebuild, so it does not stop this one.
 */
async function writeSnapshot(path: string, snap: Snapshot): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, JSON.stringify(snap));
    await rename(tmp, path);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** Second score over first (0..1): near 1 means the top two are hard to tell apart. */
export function scoreRatio(hits: SearchHit[]): number {
  if (hits.length < 2 || hits[0].score <= 0) return 0;
  return hits[1].score / hits[0].score;
}

/**
 * The candidates a clarifying question should offer: those within `ratio` of the best score,
 * at most `max`. One element means the first candidate stands out.
 */
export function closeCandidates(hits: SearchHit[], ratio = 0.85, max = 4): SearchHit[] {
  if (!hits.length) return [];
  const floor = hits[0].score * ratio;
  return hits.filter((h) => h.score >= floor).slice(0, max);
}
