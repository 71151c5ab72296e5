/**
 * Lexicon ablation: each candidate synonym (a JSON array of {phrase, means}) is added alone to the
 * shipped lexicon, the index rebuilt, and every given question set rerun through retrieval. Prints
 * one JSON line for the baseline, then one per candidate with the change in right / wrong / clarify
 * and the questions that changed. This is how the helper-drafted lexicon batches were screened
 * (docs/assistant.md): keep what changes nothing or helps, drop what makes any question worse.
 *
 *   npx tsx bench/lexicon-ablation.ts --candidates c.json [--knowledge /tmp/kb-all] <set.jsonl...>
 */
import { readFileSync } from 'node:fs';
import { createRetrieval } from '../src/assistant/retrieval.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { createLexicon, loadLexicon } from '../src/search/lexicon.js';
import { buildProcedureIndex } from '../src/search/procedure-index.js';
import { evalArgs } from './eval-args.js';

const { knowledge, candidates, questions } = evalArgs();
if (!candidates) throw new Error('--candidates <file.json> is required');
const { procedures } = await loadKnowledge(knowledge);
const shipped = await loadLexicon();
const list = JSON.parse(readFileSync(candidates, 'utf8')) as Array<{ phrase: string; means: string[] }>;

/** R: answered with an accepted code, W: answered with another, C: asked instead. */
async function run(extra: Array<{ phrase: string; means: string[] }>) {
  const lexicon = createLexicon({
    abbreviations: [...shipped.abbreviations], synonyms: [...shipped.synonyms, ...extra],
    stopPhrases: shipped.stopPhrases, variants: shipped.variants,
  });
  const retrieval = createRetrieval({ procedures, index: await buildProcedureIndex(procedures, lexicon), lexicon });
  const verdicts = new Map<string, string>();
  for (const q of questions) {
    const r = await retrieval.search(q.text, 5);
    const right = q.codes.includes(r.candidates[0]?.code);
    verdicts.set(`${q.id} ${q.text}`, r.kind !== 'clear' ? 'C' : right ? 'R' : 'W');
  }
  const count = (v: string) => [...verdicts.values()].filter((x) => x === v).length;
  return { right: count('R'), wrong: count('W'), clarify: count('C'), verdicts };
}

const base = await run([]);
process.stdout.write(`${JSON.stringify({ base: { right: base.right, wrong: base.wrong, clarify: base.clarify, n: questions.length } })}\n`);
for (const c of list) {
  const t = await run([{ phrase: c.phrase, means: c.means }]);
  const changed = [...t.verdicts].filter(([k, v]) => base.verdicts.get(k) !== v).map(([k, v]) => `${base.verdicts.get(k)}>${v} ${k.slice(0, 80)}`);
  process.stdout.write(`${JSON.stringify({ phrase: c.phrase, delta: { right: t.right - base.right, wrong: t.wrong - base.wrong, clarify: t.clarify - base.clarify }, changed })}\n`);
}
