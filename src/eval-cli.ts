#!/usr/bin/env node
import { ask } from './assistant/ask.js';
import { openAskRuntime } from './cli/ask.js';
import { loadKnowledge } from './knowledge/loader.js';
import { readQuestions } from './eval/question.js';
import { byStyle, scoreOne, summarize, type Outcome } from './eval/score.js';

/**
 * `npm run -s eval -- <questions.jsonl> [--knowledge <dir>] [--misses]`: run every question
 * through the same engine as `ask` and print one JSON report: top-1 procedure accuracy, intent
 * accuracy, facts found, clarify rate and p50/p99 ms, overall and by style.
 */
async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  let knowledgeDir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  let showMisses = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--knowledge' && argv[i + 1]) knowledgeDir = argv[++i];
    else if (argv[i] === '--misses') showMisses = true;
    else if (!file && !argv[i].startsWith('--')) file = argv[i];
    else {
      process.stderr.write(`unknown option ${argv[i]}\n`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write('Cách dùng: eval <câu hỏi.jsonl> [--knowledge <thư mục>] [--misses]\n');
    return 2;
  }
  // The same assistant as `ask` (and the server): skills included.
  const started = Date.now();
  const runtime = await openAskRuntime(knowledgeDir);
  const startupMs = Date.now() - started;
  const { procedures } = await loadKnowledge(knowledgeDir);
  const questions = await readQuestions(file, procedures);
  const outcomes: Outcome[] = [];
  for (const q of questions) {
    const output = await ask(runtime.assistant, { text: q.text, ...(q.session ? { session: q.session } : {}) }, 'cli');
    outcomes.push(scoreOne(q, output));
  }
  await runtime.close();
  const misses = outcomes
    .filter((o) => o.top1 === false || o.intent === false || o.factsFound < o.factsTotal)
    .map((o) => ({
      id: o.question.id, text: o.question.text, expected: { codes: o.question.codes, intents: o.question.intents, facts: o.question.facts },
      got: { code: o.output.code, codes: o.output.codes, intent: o.output.intent, clarify: o.output.clarify },
    }));
  const report = {
    file,
    knowledge: knowledgeDir,
    procedures: runtime.procedures,
    skills: runtime.skills,
    startupMs,
    unmatchedTitles: questions.filter((q) => q.unmatchedTitle).length,
    overall: summarize(outcomes),
    byStyle: byStyle(outcomes),
    ...(showMisses ? { misses } : { missCount: misses.length }),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
