/**
 * Per-turn latency of the assistant (`ask`), start-up excluded: p50/p99 on the full corpus and on
 * the corpus replicated to 50,000 records. Questions: the dev set, the project's extra set and the
 * official FAQ, each asked as a stand-alone turn, after one warm-up pass.
 *
 *   npx tsx bench/ask.ts [--knowledge /tmp/kb-all] [--rounds 3] [--replicate 50000] [--no-replicate]
 *
 * Prints one JSON object. Figures depend on machine load: the team shares 2 cores.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ask } from '../src/assistant/ask.js';
import { loadEngine, type Engine } from '../src/assistant/engine.js';
import type { Procedure } from '../src/knowledge/procedure.js';
import { loadKnowledge } from '../src/knowledge/loader.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const knowledgeDir = opt('knowledge', existsSync('/tmp/kb-all') ? '/tmp/kb-all' : 'knowledge');
const rounds = Number(opt('rounds', '3'));
const replicateTo = args.includes('--no-replicate') ? 0 : Number(opt('replicate', '50000'));
const shared = process.env.SHARED_DIR ?? '../shared';

function questions(): string[] {
  const files = [`${shared}/eval/dev.jsonl`, 'test/eval/extra.jsonl', `${shared}/data/dvc_faq_drpie143/dvc_faq_qa_500.jsonl`];
  const out: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const q = JSON.parse(line) as { text?: string; question?: string };
      const text = q.text ?? q.question;
      if (text) out.push(text);
    }
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round2 = (n: number) => Math.round(n * 100) / 100;

async function measure(engine: Engine, texts: string[]) {
  for (const text of texts) await ask(engine.assistant, { text }); // warm-up pass, not counted
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) ms.push((await ask(engine.assistant, { text })).ms);
  }
  ms.sort((a, b) => a - b);
  return {
    procedures: engine.procedures.length, startupMs: engine.startupMs, turns: ms.length,
    p50ms: round2(pct(ms, 50)), p95ms: round2(pct(ms, 95)), p99ms: round2(pct(ms, 99)), maxMs: round2(ms[ms.length - 1]),
    meanMs: round2(ms.reduce((a, b) => a + b, 0) / ms.length),
  };
}

/** Copies with fresh codes (11.000000, 12.000000...) so the index really holds `target` records. */
function replicate(procedures: Procedure[], target: number): Procedure[] {
  const out = [...procedures];
  for (let k = 1; out.length < target; k++) {
    procedures.forEach((p, i) => {
      if (out.length < target) out.push({ ...p, code: `${10 + k}.${String(i).padStart(6, '0')}` });
    });
  }
  return out;
}

const texts = questions();
const loaded = await loadKnowledge(knowledgeDir);
const full = await loadEngine({ knowledgeDir, procedures: loaded.procedures });
const result: Record<string, unknown> = {
  bench: 'ask',
  knowledge: knowledgeDir,
  questions: texts.length,
  rounds,
  note: 'per-turn ms as reported by ask (start-up excluded); 2 shared cores under contention from other engineers',
  full: await measure(full, texts),
};
if (replicateTo > loaded.procedures.length) {
  const started = performance.now();
  const big = await loadEngine({ knowledgeDir, procedures: replicate(loaded.procedures, replicateTo), snapshotPath: null });
  result.replicated = { ...(await measure(big, texts)), buildMs: Math.round(performance.now() - started) };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
