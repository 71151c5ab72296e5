import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { normalizeText } from './normalize.js';

/**
 * Hand-written word lists that let the engine read questions the way citizens type them:
 * abbreviations and teen code expanded in place, everyday names of papers mapped to the
 * official words used in procedure records, question filler ignored, and the phrases that
 * mark special variants of a procedure. The files live in `knowledge/lexicon/` so that
 * reviewers can edit them without touching code.
 */
export interface Lexicon {
  /** Short form (lower case, one word) -> expansion. Abbreviations and teen code together. */
  abbreviations: Map<string, string>;
  /** Everyday phrase -> official phrases it stands for (all lower case, NFC). */
  synonyms: Array<{ phrase: string; means: string[] }>;
  /** Question filler, removed only for retrieval (never for intent detection). */
  stopPhrases: string[];
  /** Special variants of a procedure (foreign element, mobile, border...): how names and questions say them. */
  variants: VariantGroup[];
  /** Content hash: changes whenever a list changes, so index snapshots are rebuilt. */
  hash: string;
}

export interface VariantGroup {
  id: string;
  /** Phrases in a procedure name that make it this variant. */
  name: string[];
  /** Phrases in a question that ask for this variant. */
  question: string[];
  /**
   * Phrases that say the question is NOT this case although it uses a cue word ("đi nước ngoài
   * du lịch", "nuôi con nuôi trong nước", "mã số thuế cá nhân" at a "công ty").
   */
  unless?: string[];
  /** Ids of groups whose case a name of this group also serves (no mismatch when they are asked). */
  covers?: string[];
}

export const defaultLexiconDir = resolve(import.meta.dirname, '..', '..', 'knowledge', 'lexicon');

const abbreviationFile = z.object({
  entries: z.array(z.object({ short: z.string().min(1), long: z.string().min(1), note: z.string().optional() })),
});
const synonymFile = z.object({
  entries: z.array(z.object({ phrase: z.string().min(1), means: z.array(z.string().min(1)).min(1), note: z.string().optional() })),
});
const phraseFile = z.object({ phrases: z.array(z.string().min(1)) });
const variantFile = z.object({
  groups: z.array(z.object({
    id: z.string().min(1), name: z.array(z.string().min(1)).min(1), question: z.array(z.string().min(1)),
    unless: z.array(z.string().min(1)).optional(),
    covers: z.array(z.string().min(1)).optional(),
  })),
});

export class LexiconError extends AppError {
  constructor(file: string, reason: string) {
    super('lexicon_invalid', `lexicon file ${file} is invalid: ${reason}`,
      'Hệ thống đang gặp sự cố khi đọc từ điển, xin bạn vui lòng thử lại sau.', 500);
    this.name = 'LexiconError';
  }
}

async function readList<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<{ data: T; raw: string }> {
  const file = join(dir, name);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new LexiconError(file, (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new LexiconError(file, (err as Error).message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LexiconError(file, `${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { data: parsed.data, raw };
}

/** Lexicon entries are compared against normalized text, so they are normalized the same way. */
function clean(s: string): string {
  return normalizeText(s);
}

export async function loadLexicon(dir: string = defaultLexiconDir): Promise<Lexicon> {
  const abbr = await readList(dir, 'abbreviations.json', abbreviationFile);
  const teen = await readList(dir, 'teencode.json', abbreviationFile);
  const syn = await readList(dir, 'synonyms.json', synonymFile);
  const stop = await readList(dir, 'stopwords.json', phraseFile);
  const variants = await readList(dir, 'variants.json', variantFile);
  return createLexicon({
    abbreviations: [...abbr.data.entries, ...teen.data.entries].map((e) => [e.short, e.long] as [string, string]),
    synonyms: syn.data.entries,
    stopPhrases: stop.data.phrases,
    variants: variants.data.groups,
    hashInput: [abbr.raw, teen.raw, syn.raw, stop.raw, variants.raw].join('\u0000'),
  });
}

/** Build a lexicon from plain lists (tests and tools); `loadLexicon` reads the shipped files. */
export function createLexicon(input: {
  abbreviations?: Array<[string, string]>;
  synonyms?: Array<{ phrase: string; means: string[] }>;
  stopPhrases?: string[];
  variants?: VariantGroup[];
  hashInput?: string;
}): Lexicon {
  const abbreviations = new Map<string, string>();
  for (const [short, long] of input.abbreviations ?? []) abbreviations.set(clean(short), clean(long));
  const synonyms = (input.synonyms ?? []).map((s) => ({ phrase: clean(s.phrase), means: s.means.map(clean) }));
  const stopPhrases = [...new Set((input.stopPhrases ?? []).map(clean))];
  const variants = (input.variants ?? []).map((g) => ({ id: g.id, name: g.name.map(clean), question: g.question.map(clean), unless: g.unless?.map(clean), covers: g.covers }));
  const hash = createHash('sha256')
    .update(input.hashInput ?? JSON.stringify([[...abbreviations], synonyms, stopPhrases, variants]))
    .digest('hex')
    .slice(0, 16);
  return { abbreviations, synonyms, stopPhrases, variants, hash };
}
