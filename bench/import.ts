/**
 * Import benchmark: parse + validate the whole portal crawl (2,642 records), then load and
 * validate them back from knowledge-format files. Prints one JSON object. Runs each phase
 * `RUNS` times (default 3) and reports the median; the machine is shared, so figures are
 * taken under contention.
 *
 *   npx tsx bench/import.ts [path/to/procedures.jsonl]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../src/knowledge/importer.js';
import { writeKnowledgeDir } from '../src/knowledge/knowledge-dir.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { portalCrawl } from '../test/support/shared.js';

const input = process.argv[2] ?? portalCrawl;
const runs = Math.max(1, Math.min(5, Number(process.env.RUNS ?? 3)));
const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (ms: number): number => Math.round(ms);

try {
  const importMs: number[] = [];
  const writeMs: number[] = [];
  const loadMs: number[] = [];
  let imported = 0;
  let rejected = 0;
  let loaded = 0;
  let problems = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const result = await importFiles([input]);
    importMs.push(performance.now() - t);
    imported = result.procedures.length;
    rejected = result.rejected.length;

    t = performance.now();
    const out = join(work, `kb-${i}`);
    await writeKnowledgeDir(out, result.procedures);
    writeMs.push(performance.now() - t);

    t = performance.now();
    const knowledge = await loadKnowledge(out);
    loadMs.push(performance.now() - t);
    loaded = knowledge.procedures.length;
    problems = knowledge.problems.length;
  }
  process.stdout.write(`${JSON.stringify({
    bench: 'import',
    input,
    runs,
    imported,
    rejected,
    importMs: { median: round(median(importMs)), min: round(Math.min(...importMs)), targetMs: 10000 },
    writeMs: { median: round(median(writeMs)), min: round(Math.min(...writeMs)) },
    importAndWriteMs: { median: round(median(importMs.map((t, i) => t + writeMs[i]!))), targetMs: 10000 },
    loadValidateMs: { median: round(median(loadMs)), min: round(Math.min(...loadMs)), targetMs: 2000, loaded, problems },
    node: process.version,
    note: 'shared 2-core machine, other engineers running tests: figures taken under contention',
  })}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
