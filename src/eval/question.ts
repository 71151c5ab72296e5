import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { Procedure } from '../knowledge/procedure.js';
import { foldDiacritics } from '../search/normalize.js';
import { intents, type Intent } from '../assistant/turn.js';

/** One question to score, whatever file format it came from. */
export interface EvalQuestion {
  id: string;
  text: string;
  /** Acceptable procedure codes; empty: the question is not about a procedure. */
  codes: string[];
  /** Acceptable intents; null: the file does not say (not scored). */
  intents: Intent[] | null;
  style: string;
  facts: string[];
  session?: string;
  /** FAQ title that matched no procedure name in the knowledge (excluded from top-1). */
  unmatchedTitle?: string;
}

const intentSchema = z.enum(intents);

/** The project's format (`../shared/eval/dev.jsonl`). */
const devSchema = z.object({
  id: z.string().optional(),
  text: z.string().min(1),
  codes: z.array(z.string()),
  intent: z.union([intentSchema, z.array(intentSchema)]).optional(),
  style: z.string().optional(),
  facts: z.array(z.string()).optional(),
  session: z.string().optional(),
});

/** The official portal FAQ (`dvc_faq_qa_500.jsonl`): a question and the title of its procedure. */
const faqSchema = z.object({
  question: z.string().min(1),
  expected_procedure_title: z.string().min(1),
  reference_answer: z.string().optional(),
});

/** Names compared as citizens' titles are written: folded, lower case, punctuation dropped. */
export function nameKey(name: string): string {
  return foldDiacritics(name.normalize('NFC').toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
}

export function parseQuestions(text: string, procedures: Procedure[]): EvalQuestion[] {
  const byName = new Map<string, string[]>();
  for (const p of procedures) {
    const k = nameKey(p.name);
    byName.set(k, [...(byName.get(k) ?? []), p.code]);
  }
  const out: EvalQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new ValidationError(`line ${i + 1} is not JSON`, `Dòng ${i + 1} không phải JSON hợp lệ.`);
    }
    const dev = devSchema.safeParse(raw);
    if (dev.success) {
      const d = dev.data;
      out.push({
        id: d.id ?? `q${i + 1}`, text: d.text, codes: d.codes,
        intents: d.intent === undefined ? null : Array.isArray(d.intent) ? d.intent : [d.intent],
        style: d.style ?? 'unknown', facts: d.facts ?? [], session: d.session,
      });
      return;
    }
    const faq = faqSchema.safeParse(raw);
    if (faq.success) {
      const codes = byName.get(nameKey(faq.data.expected_procedure_title)) ?? [];
      out.push({
        id: `faq${i + 1}`, text: faq.data.question, codes, intents: null, style: 'faq', facts: [],
        unmatchedTitle: codes.length ? undefined : faq.data.expected_procedure_title,
      });
      return;
    }
    throw new ValidationError(`line ${i + 1} matches no question format`, `Dòng ${i + 1} không đúng định dạng câu hỏi.`);
  });
  return out;
}

export async function readQuestions(file: string, procedures: Procedure[]): Promise<EvalQuestion[]> {
  return parseQuestions(await readFile(file, 'utf8'), procedures);
}
