import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { askJsonl as runAsk } from '../support/ask-process.js';
import { loadEngine } from '../../src/assistant/engine.js';
import { buildApp } from '../../src/http/app.js';
import { askRoutes } from '../../src/http/ask.js';
import { procedureRoutes } from '../../src/http/procedures.js';
import { createLogger } from '../../src/log.js';
import { readConfig } from '../../src/config.js';
import type { Services } from '../../src/services.js';

const outputKeys = ['session', 'intent', 'code', 'codes', 'clarify', 'text', 'speak', 'ms'];
/** Additive fields beyond the contract: present only when the reply has them. */
const extraKeys = new Set(['choices', 'link']);
const contractKeys = (o: object) => Object.keys(o).filter((k) => !extraKeys.has(k)).sort();

const askJsonl = (lines: string[]) => runAsk(lines, { args: ['--knowledge', 'knowledge'], env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'b2-ask-')) } });


describe('ask --jsonl (child process)', () => {
  it('answers one JSON line per input line, in order, with the contract fields', async () => {
    const { out, code, stderr } = await askJsonl([
      JSON.stringify({ text: 'lệ phí đăng ký tạm trú', session: 's1' }),
      JSON.stringify({ text: 'nộp ở đâu?', session: 's1' }),
      JSON.stringify({ text: 'nộp ở đâu?' }),
      'not json',
      JSON.stringify({ text: 'xin chào', channel: 'zalo' }),
      JSON.stringify({ text: 'dang ky ket hon can giay to gi', session: 's2' }),
      JSON.stringify({ text: 'phản ánh mã PA-2026-000045 xử lý đến đâu rồi' }),
    ]);
    expect(code, stderr).toBe(0);
    expect(out).toHaveLength(7);
    for (const line of [out[0], out[1], out[2], out[4], out[5], out[6]]) {
      expect(contractKeys(line)).toEqual([...outputKeys].sort());
      expect(typeof line.ms).toBe('number');
      expect((line.codes as string[]).length).toBeLessThanOrEqual(5);
      expect(typeof line.speak).toBe('string');
    }
    expect(out[0]).toMatchObject({ session: 's1', intent: 'fees', code: '1.004194', clarify: false });
    expect(out[1]).toMatchObject({ session: 's1', intent: 'where', code: '1.004194' });
    expect(out[2]).toMatchObject({ session: null, code: null });
    expect(out[3]).toMatchObject({ error: { code: 'invalid_input' } });
    expect(out[4]).toMatchObject({ intent: 'smalltalk', code: null });
    expect(out[5]).toMatchObject({ session: 's2', intent: 'papers', code: '1.000894' });
    expect(out[0].text as string).toContain('7.000 đồng');
    expect(out[6]).toMatchObject({ intent: 'feedback_status', code: null });
  });
});

describe('ask (interactive, child process)', () => {
  it('answers each typed line in one conversation and stops on "thoát"', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'src/cli.ts', 'ask', '--knowledge', 'knowledge'], {
        stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'b2-ask-')) },
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
      child.stdin.end('lệ phí đăng ký tạm trú\nnộp ở đâu\nthoát\nxin chào\n');
    });
    const answers = out.split('Trợ lý: ').slice(1);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toContain('7.000 đồng');
    expect(answers[1]).toMatch(/Nơi nộp hồ sơ của thủ tục "Đăng ký tạm trú"/);
  });
});

describe('HTTP: /api/ask and /api/procedures', async () => {
  const engine = await loadEngine({ knowledgeDir: 'knowledge', snapshotPath: null });
  const services: Services = {
    config: readConfig({}), log: createLogger('silent'), procedures: engine.procedures,
    readinessChecks: [], closers: [], assistant: engine.assistant, index: engine.index, retrieval: engine.retrieval,
  };
  const app = await buildApp(services, [{ plugin: askRoutes }, { plugin: procedureRoutes }]);
  afterAll(() => app.close());

  it('POST /api/ask answers like ask --jsonl and keeps the session', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: 'đăng ký thường trú cần giấy tờ gì', session: 'h1' } });
    expect(a.statusCode).toBe(200);
    expect(contractKeys(a.json())).toEqual([...outputKeys].sort());
    // The record it cites, as a link the web page shows.
    expect(a.json().link).toMatchObject({ url: expect.stringMatching(/^https:\/\/dichvucong\.gov\.vn\//) });
    expect(a.json()).toMatchObject({ session: 'h1', intent: 'papers', code: '1.004222', clarify: false });
    const b = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: 'lệ phí bao nhiêu', session: 'h1' } });
    expect(b.json()).toMatchObject({ intent: 'fees', code: '1.004222' });
  });

  it('POST /api/ask gives a clarifying question\'s choices as data, and a choice\'s value picks it', async () => {
    const q = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: 'xóa đăng ký', session: 'h2' } });
    expect(q.json().clarify).toBe(true);
    const choices = q.json().choices as Array<{ label: string; value: string }>;
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(4);
    const second = q.json().codes[1];
    const picked = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: choices[1].value, session: 'h2' } });
    expect(picked.json()).toMatchObject({ clarify: false, code: second });
    expect(picked.json().choices).toBeUndefined();
  });

  it.each([
    [{}, 400],
    [{ text: 12 }, 400],
    [{ text: 'x'.repeat(4001) }, 400],
    [{ text: 'chào', extra: true }, 400],
    [{ text: 'chào', session: '' }, 400],
  ])('rejects %j with a Vietnamese message', async (payload, status) => {
    const r = await app.inject({ method: 'POST', url: '/api/ask', payload });
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe('invalid_input');
    expect(r.json().error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  });

  it('GET /api/procedures searches', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/procedures?q=dang%20ky%20tam%20tru&limit=3' });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as Array<{ code: string; name: string; score: number }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items.map((i) => i.code)).toContain('1.004194');
    expect(typeof items[0].score).toBe('number');
  });

  it('GET /api/procedures lists in the order chat answers (base procedure before follow-on actions)', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/procedures?q=h%E1%BB%99%20chi%E1%BA%BFu&limit=5' });
    const items = r.json().items as Array<{ code: string; name: string }>;
    expect(items[0].name).toMatch(/^Cấp hộ chiếu/);
    const chat = await engine.assistant.handle({ channel: 'api', userId: 'u', session: null, text: 'hộ chiếu' });
    expect(chat.code).toBe(items[0].code);
  });

  it.each(['/api/procedures', '/api/procedures?q=', '/api/procedures?q=a&limit=0', '/api/procedures?q=a&limit=abc'])('GET %s is a 400', async (url) => {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('invalid_input');
  });

  it('GET /api/procedures/:code returns the canonical record, 404 in Vietnamese when unknown', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/procedures/1.004194' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(engine.procedures.find((p) => p.code === '1.004194'));
    const missing = await app.inject({ method: 'GET', url: '/api/procedures/9.999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/Không tìm thấy thủ tục/);
  });
});
