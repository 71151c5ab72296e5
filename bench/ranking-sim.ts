/**
 * The ranking's outcome on question sets, fast (about 10 s for 3,500 questions): retrieval only,
 * no answers. Each question is right (the first candidate is accepted and the ranking is clear),
 * wrong (clear on another record), or held back (close / weak / none, split by whether the
 * first candidate was right). `--settings '<json>'` overrides rankingSettings to try a threshold;
 * `--misses` lists every question not right.
 *
 *   npx tsx bench/ranking-sim.ts --knowledge /tmp/kb-all ../shared/eval/dev.jsonl test/eval/citizen*.jsonl
 *
 * The eval (`npm run -s eval`) remains the reference: it also answers weak matches tentatively,
 * which this counts as held back.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadEngine } from '../src/assistant/engine.js';
import { rankingSettings } from '../src/assistant/ranking.js';
import { evalArgs } from './eval-args.js';

const argv = process.argv.slice(2);
const settingsAt = argv.indexOf('--settings');
const overrides = settingsAt >= 0 ? JSON.parse(argv[settingsAt + 1]) as Partial<typeof rankingSettings> : {};
const showMisses = argv.includes('--misses');
const { knowledge, files } = evalArgs(argv.filter((a, i) => a !== '--misses' && a !== '--settings' && argv[i - 1] !== '--settings'));
Object.assign(rankingSettings, overrides);

const engine = await loadEngine({ knowledgeDir: knowledge, snapshotPath: null });

const tally = { n: 0, right: 0, wrong: 0, heldRight: 0, heldWrong: 0 };
const bySet: Record<string, number[]> = {};
const misses: string[] = [];
for (const file of files) {
  const set = basename(file, '.jsonl');
  const questions = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; codes?: string[]; style?: string })
    .filter((q) => Array.isArray(q.codes) && q.codes.length > 0 && q.style !== 'code');
  const s = (bySet[set] = [0, 0]);
  for (const q of questions) {
    const r = await engine.retrieval.search(q.text, 5);
    const first = r.candidates[0]?.code;
    const ok = first !== undefined && q.codes!.includes(first);
    tally.n++;
    s[0]++;
    if (r.kind === 'clear' && ok) { tally.right++; s[1]++; continue; }
    if (r.kind === 'clear') tally.wrong++;
    else if (ok) tally.heldRight++;
    else tally.heldWrong++;
    if (showMisses) misses.push(`${r.kind}${ok ? '+' : '-'} ${set} ${q.id} ${q.text} -> ${first ?? 'none'}`);
  }
}
const pct = (x: number, n: number) => Math.round((1000 * x) / Math.max(n, 1)) / 10;
process.stdout.write(`${JSON.stringify({
  bench: 'ranking-sim',
  knowledge,
  settings: overrides,
  questions: tally.n,
  top1: pct(tally.right, tally.n),
  wrong: tally.wrong,
  heldBackRightFirst: tally.heldRight,
  heldBackWrongFirst: tally.heldWrong,
  bySet: Object.fromEntries(Object.entries(bySet).map(([k, [n, r]]) => [k, pct(r, n)])),
  ...(showMisses ? { misses } : {}),
}, null, 2)}\n`);
