import type { AskOutput } from '../assistant/turn.js';
import type { EvalQuestion } from './question.js';

/** Digits compared without thousand separators: "7.000 đồng" and "7,000" both read "7000". */
export function plainDigits(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/(\d)[.,](?=\d{3}(?!\d))/g, '$1');
}

export function factFound(answer: string, fact: string): boolean {
  return plainDigits(answer).includes(plainDigits(fact));
}

export interface Outcome {
  question: EvalQuestion;
  output: AskOutput;
  /** null: not scored for this question. */
  top1: boolean | null;
  intent: boolean | null;
  factsFound: number;
  factsTotal: number;
}

/**
 * Top-1: `code` is one of the expected codes. For a question with no expected codes (greeting,
 * dossier, feedback, out of scope), it is right when no procedure is answered (`code` null).
 * FAQ questions whose title matched no procedure name are not scored for top-1.
 */
export function scoreOne(question: EvalQuestion, output: AskOutput): Outcome {
  let top1: boolean | null;
  if (question.unmatchedTitle) top1 = null;
  else if (question.codes.length === 0) top1 = output.code === null;
  else top1 = output.code !== null && question.codes.includes(output.code);
  const intent = question.intents ? question.intents.includes(output.intent) : null;
  const factsFound = question.facts.filter((f) => factFound(output.text, f)).length;
  return { question, output, top1, intent, factsFound, factsTotal: question.facts.length };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const pct = (a: number, b: number) => (b === 0 ? null : Math.round((1000 * a) / b) / 10);

export interface Summary {
  n: number;
  top1: number | null;
  top1Scored: number;
  intent: number | null;
  intentScored: number;
  facts: number | null;
  factsTotal: number;
  clarifyRate: number | null;
  p50ms: number;
  p99ms: number;
}

export function summarize(outcomes: Outcome[]): Summary {
  const t = outcomes.filter((o) => o.top1 !== null);
  const i = outcomes.filter((o) => o.intent !== null);
  const factsTotal = outcomes.reduce((s, o) => s + o.factsTotal, 0);
  const factsFound = outcomes.reduce((s, o) => s + o.factsFound, 0);
  const ms = outcomes.map((o) => o.output.ms).sort((a, b) => a - b);
  return {
    n: outcomes.length,
    top1: pct(t.filter((o) => o.top1).length, t.length),
    top1Scored: t.length,
    intent: pct(i.filter((o) => o.intent).length, i.length),
    intentScored: i.length,
    facts: pct(factsFound, factsTotal),
    factsTotal,
    clarifyRate: pct(outcomes.filter((o) => o.output.clarify).length, outcomes.length),
    p50ms: percentile(ms, 50),
    p99ms: percentile(ms, 99),
  };
}

export function byStyle(outcomes: Outcome[]): Record<string, Summary> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(o.question.style, [...(groups.get(o.question.style) ?? []), o]);
  return Object.fromEntries([...groups].sort().map(([k, v]) => [k, summarize(v)]));
}
