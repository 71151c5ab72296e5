import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { createLexicon, loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { buildProcedureIndex, closeCandidates, scoreRatio, type SearchHit } from '../../src/search/procedure-index.js';

const shipped = join(import.meta.dirname, '..', '..', 'knowledge');

describe('index snapshot', () => {
  let dir: string;
  let procedures: Procedure[];
  let lexicon: Lexicon;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'search-snapshot-'));
    ({ procedures } = await loadKnowledge(shipped));
    lexicon = await loadLexicon();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const questions = ['đăng ký khai sinh', 'lam ho chieu het bao nhieu tien', 'cấp đổi sổ đỏ', 'thủ tục 1.004222', 'đăng kí tạm trú online đc ko'];

  it('is written on first build and restored on the next, with identical results', async () => {
    const path = join(dir, 'index.json');
    const built = await buildProcedureIndex(procedures, lexicon, { snapshotPath: path });
    expect(built.origin).toBe('built');
    const restored = await buildProcedureIndex(procedures, lexicon, { snapshotPath: path });
    expect(restored.origin).toBe('snapshot');
    expect(restored.size).toBe(built.size);
    for (const q of questions) {
      const a = await built.search(q);
      expect(a.length, q).toBeGreaterThan(0);
      expect(await restored.search(q)).toEqual(a);
    }
  });

  it('is rebuilt when the records change', async () => {
    const path = join(dir, 'records.json');
    await buildProcedureIndex(procedures, lexicon, { snapshotPath: path });
    const changed = procedures.map((p, i) => (i === 0 ? { ...p, name: `${p.name} (sửa)` } : p));
    expect((await buildProcedureIndex(changed, lexicon, { snapshotPath: path })).origin).toBe('built');
  });

  it('is rebuilt when the lexicon changes', async () => {
    const path = join(dir, 'lexicon.json');
    await buildProcedureIndex(procedures, lexicon, { snapshotPath: path });
    const other = createLexicon({ synonyms: [{ phrase: 'giấy tạm vắng', means: ['tạm vắng'] }] });
    expect((await buildProcedureIndex(procedures, other, { snapshotPath: path })).origin).toBe('built');
  });

  it('is rebuilt, not trusted, when the file is damaged', async () => {
    const path = join(dir, 'damaged.json');
    await writeFile(path, '{"hash": "x", "raw": ');
    const index = await buildProcedureIndex(procedures, lexicon, { snapshotPath: path });
    expect(index.origin).toBe('built');
    expect(JSON.parse(await readFile(path, 'utf8')).hash).not.toBe('x');
  });
});

describe('score helpers', () => {
  const hits = (...scores: number[]): SearchHit[] => scores.map((score, i) => ({ code: `1.00000${i}`, name: `n${i}`, score }));

  it('scoreRatio tells how close the runner-up is', () => {
    expect(scoreRatio(hits(10, 5))).toBe(0.5);
    expect(scoreRatio(hits(10))).toBe(0);
    expect(scoreRatio([])).toBe(0);
  });

  it('closeCandidates keeps the hits near the best, at most four', () => {
    expect(closeCandidates(hits(10, 9.5, 9, 3)).map((h) => h.score)).toEqual([10, 9.5, 9]);
    expect(closeCandidates(hits(10, 9.9, 9.8, 9.7, 9.6))).toHaveLength(4);
    expect(closeCandidates(hits(10, 2))).toHaveLength(1);
  });
});

describe('index snapshot in a place that cannot be written', () => {
  it('still builds and answers', async () => {
    const { procedures } = await loadKnowledge(shipped);
    const lexicon = await loadLexicon();
    // A path below a regular file can never be created.
    const file = join(tmpdir(), `search-snapshot-file-${process.pid}`);
    await writeFile(file, 'not a directory');
    try {
      const index = await buildProcedureIndex(procedures, lexicon, { snapshotPath: join(file, 'sub', 'index.json') });
      expect(index.origin).toBe('built');
      expect((await index.search('đăng ký khai sinh')).length).toBeGreaterThan(0);
    } finally {
      await rm(file, { force: true });
    }
  });
});
