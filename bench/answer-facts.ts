/**
 * Facts from the record found in the answer: for every question of the given sets answered with
 * an accepted code and asking fees, deadline or papers, the record's fee amounts, durations and
 * first paper must appear in the reply (digits compared without separators, as `eval` does).
 * Needs no fact labels, so it runs on any question set. Prints one JSON object.
 *
 *   npx tsx bench/answer-facts.ts [--knowledge /tmp/kb-all] <set.jsonl...>
 */
import { ask } from '../src/assistant/ask.js';
import { loadEngine } from '../src/assistant/engine.js';
import { factFound } from '../src/eval/score.js';
import { evalArgs } from './eval-args.js';

const { knowledge, files, questions } = evalArgs();
const engine = await loadEngine({ knowledgeDir: knowledge });
const byCode = new Map(engine.procedures.map((p) => [p.code, p]));
const byIntent: Record<string, { found: number; total: number }> = {};
const missing: string[] = [];
for (const q of questions) {
  const out = await ask(engine.assistant, { text: q.text });
  if (!out.code || !q.codes.includes(out.code)) continue;
  const p = byCode.get(out.code)!;
  let facts: string[] = [];
  if (out.intent === 'fees') facts = [...new Set(p.methods.flatMap((m) => m.fees.map((f) => String(f.amount))))].filter((f) => f !== '0');
  if (out.intent === 'deadline') facts = [...new Set(p.methods.flatMap((m) => (m.duration ? [String(m.duration.value)] : [])))];
  if (out.intent === 'papers') facts = p.papers.slice(0, 1).map((x) => x.name.slice(0, 30));
  for (const fact of facts) {
    const b = (byIntent[out.intent] ??= { found: 0, total: 0 });
    b.total++;
    if (factFound(out.text, fact)) b.found++;
    else missing.push(`${q.id}: ${fact}`);
  }
}
const found = Object.values(byIntent).reduce((s, b) => s + b.found, 0);
const total = Object.values(byIntent).reduce((s, b) => s + b.total, 0);
process.stdout.write(`${JSON.stringify({
  bench: 'answer-facts', knowledge, sets: files.length, found, total, pct: Number((100 * found / Math.max(1, total)).toFixed(1)), byIntent, missing: missing.slice(0, 20),
})}\n`);
