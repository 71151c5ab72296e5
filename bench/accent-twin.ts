/**
 * Accent gap on real questions: every accented question of the given sets, asked as written and
 * again with its diacritics stripped; top-1 (a clear answer with an accepted code) both ways.
 * Prints one JSON object.
 *
 *   npx tsx bench/accent-twin.ts [--knowledge /tmp/kb-all] <set.jsonl...>
 */
import { loadEngine } from '../src/assistant/engine.js';
import { foldDiacritics } from '../src/search/normalize.js';
import { evalArgs } from './eval-args.js';

const { knowledge, files, questions } = evalArgs();
const engine = await loadEngine({ knowledgeDir: knowledge });
const accented = questions.filter((q) => foldDiacritics(q.text) !== q.text);
let asWritten = 0;
let stripped = 0;
for (const q of accented) {
  const a = await engine.retrieval.search(q.text, 5);
  const u = await engine.retrieval.search(foldDiacritics(q.text), 5);
  if (a.kind === 'clear' && q.codes.includes(a.candidates[0]?.code)) asWritten++;
  if (u.kind === 'clear' && q.codes.includes(u.candidates[0]?.code)) stripped++;
}
const pct = (n: number) => Number((100 * n / Math.max(1, accented.length)).toFixed(1));
process.stdout.write(`${JSON.stringify({
  bench: 'accent-twin', knowledge, sets: files.length, questions: accented.length,
  top1: { accented: pct(asWritten), stripped: pct(stripped) }, gapPoints: Number((pct(asWritten) - pct(stripped)).toFixed(1)),
})}\n`);
