import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { dossierRoutes } from '../../src/http/dossiers.js';
import { createLogger } from '../../src/log.js';
import { createDossierService } from '../../src/dossiers/dossier-service.js';
import { createLookupLimiter } from '../../src/dossiers/lookup-limit.js';
import { createEmbeddedProvider } from '../../src/dossiers/embedded-provider.js';
import { createHttpProvider } from '../../src/dossiers/http-provider.js';
import type { DossierProvider } from '../../src/dossiers/provider.js';
import type { Services } from '../../src/services.js';
import { record } from './fixtures.js';

const code = '000.00.12.H23-241115-0001';

function fileProvider(): DossierProvider {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-http-'));
  const file = join(dir, 'dossiers.json');
  writeFileSync(file, JSON.stringify({ dossiers: [record(), record({ MaHoSo: '38.98.H29-210519-0013', SoDienThoai: '+84987654321', Email: null, TrangThaiHoSo: 10, NgayKetThucXuLy: '20210601100000', NgayTiepNhan: '20210519080000', NgayHenTra: '20210602170000' })] }));
  return createEmbeddedProvider({ file, createDemo: false });
}

async function server(provider: DossierProvider, attempts = 50) {
  const lines: string[] = [];
  const log = createLogger('info', new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } }) as never);
  const dossiers = createDossierService({ provider, log, limiter: createLookupLimiter(undefined, { attempts, attemptWindowSeconds: 600, failuresPerCode: 20, failureWindowSeconds: 3600 }) });
  const services: Services = { config: {} as never, log, procedures: [], readinessChecks: [], closers: [], dossiers };
  const app = await buildApp(services, [{ plugin: dossierRoutes }]);
  return { app, lines };
}

describe('GET /api/dossiers/:code?contact= (CONTRACTS.md §3)', () => {
  it('answers the status with the last 4 phone digits, name masked, no contact details', async () => {
    const { app } = await server(fileProvider());
    const res = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=5678` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code, status: 4, statusText: 'Đang xử lý', procedure: 'Đăng ký thường trú', procedureCode: '1.004222',
      applicant: 'Nguyễn V. A.', receivedAt: '2024-11-15T01:30:00.000Z', dueAt: '2024-11-26T10:00:00.000Z', finishedAt: null,
    });
    expect(typeof body.overdue).toBe('boolean');
    expect(body.steps).toEqual([
      { note: 'Tiếp nhận hồ sơ', at: '2024-11-15T01:30:00.000Z', department: 'Bộ phận Một cửa' },
      { note: 'Chuyển Công an phường thẩm định', at: '2024-11-18T02:00:00.000Z', department: 'Công an phường' },
    ]);
    expect(res.body).not.toContain('0912345678');
    expect(res.body).not.toContain('example.com');
  });

  it.each([
    ['the whole phone', '0912345678'], ['the phone with +84', '%2B84912345678'], ['the e-mail', 'AN.NGUYEN%40example.com'],
  ])('accepts %s as contact', async (_what, contact) => {
    const { app } = await server(fileProvider());
    expect((await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=${contact}` })).statusCode).toBe(200);
  });

  it('accepts the code typed in lower case and without dots', async () => {
    const { app } = await server(fileProvider());
    const res = await app.inject({ method: 'GET', url: '/api/dossiers/0000012h23-241115-0001?contact=5678' });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe(code);
  });

  it('an old short code with a +84 phone on file, returned', async () => {
    const { app } = await server(fileProvider());
    const res = await app.inject({ method: 'GET', url: '/api/dossiers/38.98.H29-210519-0013?contact=4321' });
    expect(res.json()).toMatchObject({ status: 10, statusText: 'Đã trả kết quả', finishedAt: '2021-06-01T03:00:00.000Z', overdue: false });
  });

  it('a wrong contact and an unknown code give the same 404', async () => {
    const { app } = await server(fileProvider());
    const wrong = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=1111` });
    const unknown = await app.inject({ method: 'GET', url: '/api/dossiers/000.00.12.H23-241115-0999?contact=5678' });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json().error.message).toMatch(/Không tìm thấy hồ sơ/);
  });

  it.each([
    ['no contact', `/api/dossiers/${code}`], ['a contact that is neither digits nor e-mail', `/api/dossiers/${code}?contact=abcdef`],
    ['a code too long', `/api/dossiers/${'9'.repeat(100)}?contact=5678`],
  ])('400 for %s', async (_what, url) => {
    const { app } = await server(fileProvider());
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
  });

  it('429 with Retry-After once an address has used its attempts', async () => {
    const { app } = await server(fileProvider(), 3);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'GET', url: `/api/dossiers/000.00.12.H23-241115-000${i}?contact=1234` })).statusCode);
    expect(codes).toEqual([404, 404, 404, 429, 429]);
    const res = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=5678` });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error.message).toMatch(/quá nhiều lần/);
  });

  it('never writes the phone number to the log', async () => {
    const { app, lines } = await server(fileProvider());
    await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=0912345678` });
    await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=0912000000` });
    const log = lines.join('');
    expect(log).toContain('contact=[masked]');
    expect(log).not.toContain('0912345678');
    expect(log).not.toContain('0912000000');
    expect(log).toContain('dossier lookup');
  });
});

describe('GET /api/dossiers/:code when the provincial system is down', () => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => { nock.cleanAll(); nock.enableNetConnect(); });

  it('503 "hệ thống đang bận", and the server keeps serving', async () => {
    nock('http://province.test').get(/\/dossiers\//).times(3).reply(503).get(/\/dossiers\//).reply(200, record());
    const provider = createHttpProvider({ baseUrl: 'http://province.test', retries: 2, baseDelayMs: 1, maxDelayMs: 2, timeoutMs: 500, cacheTtlMs: 0 });
    const { app } = await server(provider);
    const down = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=5678` });
    expect(down.statusCode).toBe(503);
    expect(down.json().error).toEqual({ code: 'unavailable', message: 'Hệ thống đang bận, xin bạn vui lòng thử lại sau ít phút.' });
    const up = await app.inject({ method: 'GET', url: `/api/dossiers/${code}?contact=5678` });
    expect(up.statusCode).toBe(200);
  });
});
