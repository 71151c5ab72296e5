import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServer, createServices } from '../../src/main.js';

/**
 * The dossier feature as `serve` wires it (src/main.ts): embedded provider with the demo file
 * written at start-up, the route, and the skill inside /api/ask.
 */
let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dossier-server-'));
  const config = readConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'silent' });
  const services = await createServices(config, createLogger('silent'));
  app = await createServer(services);
});
afterAll(async () => { await app?.close(); });

describe('dossiers wired into the server', () => {
  it('writes the fictional demo file at start-up and answers GET /api/dossiers/:code from it', async () => {
    const demo = JSON.parse(readFileSync(join(dataDir, 'dossiers.json'), 'utf8'));
    expect(demo.note).toContain('minh họa');
    const late = demo.dossiers[1];
    const res = await app.inject({ method: 'GET', url: `/api/dossiers/${late.MaHoSo}?contact=${late.SoDienThoai.slice(-4)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: late.MaHoSo, status: 4, overdue: true });
  });

  it('the dossier dialogue runs inside POST /api/ask', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: 'tra cứu hồ sơ 000.00.12.H99-000001-0001', session: 'srv-1' } });
    expect(first.json()).toMatchObject({ intent: 'dossier_status' });
    expect(first.json().text).toContain('4 số cuối');
    const second = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: '0001', session: 'srv-1' } });
    expect(second.json().text).toContain('Tình trạng: Đang xử lý.');
    expect(second.json().speak).toContain('không không không chấm');
  });

  it('readiness includes the dossier stores', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.json().checks).toMatchObject({ 'dossier-stores': true });
  });
});
