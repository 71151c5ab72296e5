import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, ConfigError } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { buildApp } from '../../src/http/app.js';
import type { Services } from '../../src/services.js';

function services(procedures: Services['procedures'], checks: Services['readinessChecks'] = []): Services {
  return { config: readConfig({}), log: createLogger('silent'), procedures, readinessChecks: checks, closers: [] };
}

const record = JSON.parse(JSON.stringify({
  code: '1.004222', name: 'Đăng ký thường trú', field: null, levels: [], agencies: [], audience: [], steps: [],
  methods: [], papers: [], requirements: [], results: [], legalBases: [],
  source: { url: 'https://dichvucong.gov.vn/x', decision: null, retrievedAt: '2026-07-20' },
}));

describe('configuration', () => {
  it('has embedded defaults for every variable', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', KNOWLEDGE_DIR: './knowledge', DATA_DIR: './data' });
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TELEGRAM_API_ROOT: 'not a url' }, 'TELEGRAM_API_ROOT'],
  ])('names the bad variable in %j', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });
});

describe('health routes', () => {

  it('healthz is always ok', async () => {
    const app = await buildApp(services([]));
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('readyz is 503 without knowledge and when a store does not answer', async () => {
    const empty = await buildApp(services([]));
    expect((await empty.inject('/readyz')).statusCode).toBe(503);
    const down = await buildApp(services([record], [{ name: 'store', check: async () => { throw new Error('down'); } }]));
    const res = await down.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().checks).toEqual({ knowledge: true, store: false });
  });

  it('readyz is 200 when knowledge is loaded and stores answer', async () => {
    const app = await buildApp(services([record], [{ name: 'store', check: async () => true }]));
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });

  it('unknown routes answer a Vietnamese 404 in the error shape', async () => {
    const app = await buildApp(services([]));
    const res = await app.inject('/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/Không tìm thấy/);
  });
});

describe('knowledge loader', () => {
  it('reports a bad file with its name and field and still loads the rest', async () => {
    const { loadKnowledge } = await import('../../src/knowledge/loader.js');
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(dir, 'procedures'));
    writeFileSync(join(dir, 'procedures', '1.004222.json'), JSON.stringify(record));
    writeFileSync(join(dir, 'procedures', '1.000001.json'), JSON.stringify({ ...record, code: '1.000001', methods: 'x' }));
    writeFileSync(join(dir, 'procedures', '1.000002.json'), '{"code": "1.0');
    const { procedures, problems } = await loadKnowledge(dir);
    expect(procedures.map((p) => p.code)).toEqual(['1.004222']);
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: expect.stringContaining('1.000001.json'), field: 'methods' }),
      expect.objectContaining({ file: expect.stringContaining('1.000002.json'), field: '' }),
    ]));
  });
});
