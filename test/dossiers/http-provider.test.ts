import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpProvider, type HttpProviderOptions } from '../../src/dossiers/http-provider.js';
import { statusNames } from '../../src/dossiers/dossier-status.js';
import { createDossierService } from '../../src/dossiers/dossier-service.js';
import { createLookupLimiter } from '../../src/dossiers/lookup-limit.js';
import { createDossierLookupSkill, busyText } from '../../src/assistant/skills/dossier-lookup.js';
import type { SkillContext } from '../../src/assistant/skill.js';
import { UnavailableError } from '../../src/errors.js';
import { record, vn } from './fixtures.js';

/**
 * The provincial system's API is a third-party HTTP API, so nock stands in for it; everything
 * on our side (fetch, retries, breaker, cache, schema, the skill) is the real code.
 */
const base = 'http://motcua.test';
const code = '000.00.12.H23-241115-0001';
const path = `/api/dossiers/${encodeURIComponent(code)}`;

function provider(opts: Partial<HttpProviderOptions> = {}) {
  return createHttpProvider({ baseUrl: `${base}/api`, token: 'secret-token', timeoutMs: 300, retries: 2, baseDelayMs: 1, maxDelayMs: 5, cacheTtlMs: 0, ...opts });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('HTTP dossier provider (CONTRACTS.md §5)', () => {
  it.each(Object.keys(statusNames).map(Number))('reads status %d', async (status) => {
    const finished = status === 9 || status === 10 ? '20241125160000' : null;
    nock(base).get(path).matchHeader('authorization', 'Bearer secret-token')
      .reply(200, record({ TrangThaiHoSo: status, NgayKetThucXuLy: finished }));
    const d = await provider().find(code);
    expect(d).toMatchObject({ code, status, procedureName: 'Đăng ký thường trú', applicant: 'Nguyễn Văn An', phone: '0912345678' });
    expect(d!.dueAt!.toISOString()).toBe('2024-11-26T10:00:00.000Z'); // 17:00 in Hanoi
    expect(d!.receivedAt!.toISOString()).toBe('2024-11-15T01:30:00.000Z');
    expect(d!.finishedAt?.toISOString() ?? null).toBe(finished ? '2024-11-25T09:00:00.000Z' : null);
    expect(d!.steps).toHaveLength(2);
    expect(nock.isDone()).toBe(true);
  });

  it('answers null for 404, without retrying', async () => {
    nock(base).get(path).reply(404, { error: 'not found' });
    expect(await provider().find(code)).toBeNull();
    expect(nock.isDone()).toBe(true);
  });

  it('retries a 5xx and succeeds', async () => {
    nock(base).get(path).reply(503, 'busy').get(path).reply(502).get(path).reply(200, record());
    expect((await provider().find(code))?.status).toBe(4);
    expect(nock.isDone()).toBe(true);
  });

  it('retries a network error and succeeds', async () => {
    nock(base).get(path).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }).get(path).reply(200, record());
    expect((await provider().find(code))?.status).toBe(4);
  });

  it('gives up after the retries with UnavailableError', async () => {
    const scope = nock(base).get(path).times(3).reply(500, 'oops');
    await expect(provider().find(code)).rejects.toBeInstanceOf(UnavailableError);
    expect(scope.isDone()).toBe(true);
  });

  it('times out a provider that does not answer, retrying, then reports it busy', async () => {
    const scope = nock(base).get(path).times(3).delay(2_000).reply(200, record());
    const err = await provider({ timeoutMs: 100 }).find(code).catch((e) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err.userMessage).toContain('Hệ thống đang bận');
    expect(scope.isDone()).toBe(true);
  });

  it('gives up when the whole lookup, retries included, takes too long', async () => {
    // Each attempt alone would be allowed to finish (the answer comes after 1.5 s, the attempt limit is 5 s).
    nock(base).get(path).delay(1_500).reply(200, record());
    const err = await provider({ timeoutMs: 5_000, totalTimeoutMs: 150 }).find(code).catch((e) => e);
    expect(err).toBeInstanceOf(UnavailableError);
  });

  it('rejects malformed JSON without retrying', async () => {
    nock(base).get(path).reply(200, '{"MaHoSo": "000.00', { 'content-type': 'application/json' });
    await expect(provider().find(code)).rejects.toBeInstanceOf(UnavailableError);
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    ['status outside 1..10', { TrangThaiHoSo: 11 }],
    ['a date in another format', { NgayHenTra: '2024-11-26' }],
    ['a date that does not exist', { NgayHenTra: '20241131170000' }],
    ['no applicant', { ChuHoSo: '' }],
  ])('rejects an answer with %s', async (_what, bad) => {
    nock(base).get(path).reply(200, record(bad as never));
    await expect(provider().find(code)).rejects.toBeInstanceOf(UnavailableError);
  });

  it('does not retry a 401 (a configuration problem, not a passing one)', async () => {
    const scope = nock(base).get(path).reply(401).get(path).reply(200, record());
    await expect(provider().find(code)).rejects.toBeInstanceOf(UnavailableError);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('opens the circuit after repeated failures and stops calling', async () => {
    const p = provider({ retries: 0, breakerThreshold: 2, halfOpenAfterMs: 60_000 });
    const scope = nock(base).get(path).times(2).reply(500);
    await expect(p.find(code)).rejects.toBeInstanceOf(UnavailableError);
    await expect(p.find(code)).rejects.toBeInstanceOf(UnavailableError);
    expect(scope.isDone()).toBe(true);
    const never = nock(base).get(path).reply(200, record());
    await expect(p.find(code)).rejects.toBeInstanceOf(UnavailableError);
    expect(never.isDone()).toBe(false);
    expect(await p.ready()).toBe(false);
  });

  it('caches an answer briefly, unless asked for a fresh one', async () => {
    const p = provider({ cacheTtlMs: 60_000 });
    nock(base).get(path).reply(200, record({ TrangThaiHoSo: 4 }));
    expect((await p.find(code))?.status).toBe(4);
    expect((await p.find(code))?.status).toBe(4); // no second interceptor: served from cache
    nock(base).get(path).reply(200, record({ TrangThaiHoSo: 9 }));
    expect((await p.find(code, { fresh: true }))?.status).toBe(9);
  });

  it('sends no Authorization header without a token', async () => {
    nock(base, { badheaders: ['authorization'] }).get(path).reply(200, record());
    expect(await createHttpProvider({ baseUrl: `${base}/api`, cacheTtlMs: 0 }).find(code)).not.toBeNull();
  });
});

describe('a slow or broken provider in the conversation', () => {
  function ctx(text: string, session: SkillContext['session']): SkillContext {
    return { turn: { channel: 'telegram', userId: '42', session: 's1', text }, session, normalized: text.toLowerCase(), folded: text.toLowerCase(), now: vn('2024-11-20') };
  }

  it.each([
    ['slow', () => nock(base).get(path).times(3).delay(2_000).reply(200, record())],
    ['5xx', () => nock(base).get(path).times(3).reply(503)],
    ['malformed', () => nock(base).get(path).reply(200, 'not json at all')],
  ])('the citizen gets "hệ thống đang bận" when the provider is %s', async (_kind, stub) => {
    stub();
    const dossiers = createDossierService({ provider: provider({ timeoutMs: 100 }), limiter: createLookupLimiter() });
    const skill = createDossierLookupSkill({ dossiers });
    const session = {};
    const first = await skill.handle(ctx(`hồ sơ ${code} đến đâu rồi`, session), 'dossier_status');
    expect(first.replies[0].text).toContain('4 số cuối');
    const second = await skill.handle(ctx('5678', session), null);
    expect(second.intent).toBe('dossier_status');
    expect(second.replies[0].text).toBe(busyText);
  });
});
