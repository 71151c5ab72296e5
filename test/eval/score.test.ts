import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { nameKey, parseQuestions } from '../../src/eval/question.js';
import { factFound, plainDigits, scoreOne, summarize } from '../../src/eval/score.js';
import type { AskOutput } from '../../src/assistant/turn.js';
import { devQuestions, hasShared } from '../support/shared.js';

const { procedures } = await loadKnowledge('knowledge');
const output = (o: Partial<AskOutput>): AskOutput => ({
  session: null, intent: 'overview', code: null, codes: [], clarify: false, text: '', speak: null, ms: 1, ...o,
});

describe('facts: digits compared without thousand separators', () => {
  it.each([
    ['Lệ phí: 7.000 đồng/lần', '7000', true],
    ['Lệ phí: 7,000 đồng', '7000', true],
    ['160.000 đồng', '160000', true],
    ['1.500.000 đồng', '1500000', true],
    ['Thời hạn: 3 ngày làm việc', '3 ngày', true],
    ['Thời hạn: 13 ngày làm việc', '3 ngày', true], // substring semantics, as the set defines facts
    ['Lệ phí: 70.000 đồng', '7000', true],
    ['Mã 1.004194', '1004194', false], // a procedure code is not a grouped number
    ['Thời hạn: 5 ngày', '7 ngày', false],
    ['Lệ phí 10.000 đồng', '7000', false],
  ])('%s contains %s: %s', (answer, fact, expected) => {
    expect(factFound(answer, fact)).toBe(expected);
  });
  it('keeps decimals that are not thousands', () => {
    expect(plainDigits('2.5 USD')).toBe('2.5 usd');
  });
});

describe('question formats', () => {
  it('reads the dev format with one or several intents', () => {
    const qs = parseQuestions([
      '{"id":"a","text":"lệ phí đăng ký tạm trú","codes":["1.004194"],"intent":"fees","style":"accented","facts":["7000"]}',
      '{"id":"b","text":"thủ tục 1.001612","codes":["1.001612"],"intent":["overview","steps"],"style":"code"}',
    ].join('\n'), procedures);
    expect(qs[0]).toMatchObject({ id: 'a', codes: ['1.004194'], intents: ['fees'], facts: ['7000'], style: 'accented' });
    expect(qs[1].intents).toEqual(['overview', 'steps']);
  });

  it('maps an official FAQ title to codes by normalized name', () => {
    const p = procedures.find((x) => x.code === '1.004194')!;
    const title = p.name.toUpperCase();
    const [q] = parseQuestions(JSON.stringify({ question: 'Hồ sơ gồm những gì?', expected_procedure_title: title }), procedures);
    expect(q.codes).toContain('1.004194');
    expect(q.intents).toBeNull();
    expect(q.style).toBe('faq');
    expect(nameKey('Đăng ký  tạm trú.')).toBe('dang ky tam tru');
  });

  it('marks a FAQ title that matches no procedure, and rejects unknown formats', () => {
    const [q] = parseQuestions(JSON.stringify({ question: 'x?', expected_procedure_title: 'Không có thủ tục này' }), procedures);
    expect(q.unmatchedTitle).toBe('Không có thủ tục này');
    expect(() => parseQuestions('{"foo":1}', procedures)).toThrow();
    expect(() => parseQuestions('not json', procedures)).toThrow();
  });
});

describe('scoring', () => {
  const [q] = parseQuestions('{"text":"lệ phí đăng ký tạm trú","codes":["1.004194"],"intent":"fees","facts":["7000"]}', procedures);
  const [none] = parseQuestions('{"text":"xin chào","codes":[],"intent":"smalltalk"}', procedures);

  it('top-1 is the code among the expected ones; clarifying is not an answer', () => {
    expect(scoreOne(q, output({ code: '1.004194', intent: 'fees', text: '7.000 đồng' }))).toMatchObject({ top1: true, intent: true, factsFound: 1 });
    expect(scoreOne(q, output({ code: '1.002755', intent: 'fees' })).top1).toBe(false);
    expect(scoreOne(q, output({ code: null, clarify: true, codes: ['1.004194'] })).top1).toBe(false);
  });

  it('a question with no expected codes is right only when no procedure is answered', () => {
    expect(scoreOne(none, output({ intent: 'smalltalk' })).top1).toBe(true);
    expect(scoreOne(none, output({ intent: 'smalltalk', code: '1.004194' })).top1).toBe(false);
  });

  it('summarizes rates and percentiles', () => {
    const outcomes = [1, 2, 3, 4, 100].map((ms, i) => scoreOne(q, output({ ms, code: i < 4 ? '1.004194' : null, intent: 'fees', clarify: i === 4 })));
    const s = summarize(outcomes);
    expect(s).toMatchObject({ n: 5, top1: 80, intent: 100, clarifyRate: 20, p50ms: 3, p99ms: 100 });
  });
});

describe.skipIf(!hasShared)('eval CLI', () => {
  it('prints one JSON report with overall and per-style figures', () => {
    const r = spawnSync('npx', ['tsx', 'src/eval-cli.ts', devQuestions, '--knowledge', 'knowledge'], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'b2-eval-')) },
    });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.overall.n).toBe(40);
    expect(report.skills).toBe(true);
    for (const k of ['top1', 'intent', 'facts', 'clarifyRate', 'p50ms', 'p99ms']) expect(typeof report.overall[k]).toBe('number');
    expect(Object.keys(report.byStyle)).toEqual(expect.arrayContaining(['accented', 'unaccented']));
  });
});
