import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLookupLimiter, memoryLimiterFactory, type LimiterFactory } from '../../src/dossiers/lookup-limit.js';
import { createDossierService } from '../../src/dossiers/dossier-service.js';
import type { DossierProvider } from '../../src/dossiers/provider.js';
import { fromNationalRecord } from '../../src/dossiers/national-record.js';
import { redisLimiterFactory } from '../../src/store/dossier-rate-limit-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { UnavailableError } from '../../src/errors.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { record } from './fixtures.js';
import type { Redis } from 'ioredis';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedProvider } from '../../src/dossiers/embedded-provider.js';

/** The real embedded provider over a file holding one dossier. */
function providerWithOne(): DossierProvider {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-limit-'));
  writeFileSync(join(dir, 'dossiers.json'), JSON.stringify([record()]));
  return createEmbeddedProvider({ file: join(dir, 'dossiers.json'), createDemo: false });
}

const code = '000.00.12.H23-241115-0001';
const limits = { attempts: 5, attemptWindowSeconds: 600, failuresPerCode: 3, failureWindowSeconds: 3600 };

function contract(name: string, make: () => LimiterFactory) {
  describe(`enumeration is blocked (${name})`, () => {
    it('one user walking through codes is stopped after the allowed attempts', async () => {
      const service = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(make(), limits) });
      const outcomes = [];
      for (let serial = 1; serial <= 8; serial++) {
        const guess = `000.00.12.H23-241115-${String(serial).padStart(4, '0')}`;
        outcomes.push((await service.lookup({ code: guess, contact: '0000', keys: [`user:${name}:walker`] })).kind);
      }
      expect(outcomes.slice(0, 5).every((k) => k === 'not_found')).toBe(true);
      expect(outcomes.slice(5)).toEqual(['limited', 'limited', 'limited']);
      // Even the right code and contact are refused until the window passes.
      const right = await service.lookup({ code, contact: '5678', keys: [`user:${name}:walker`] });
      expect(right.kind).toBe('limited');
      if (right.kind === 'limited') expect(right.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('guessing the last 4 digits of one code from many users locks that code', async () => {
      const service = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(make(), limits) });
      for (let i = 0; i < 3; i++) {
        const r = await service.lookup({ code, contact: String(1000 + i), keys: [`user:${name}:guesser-${i}`] });
        expect(r.kind).toBe('not_found');
      }
      const lucky = await service.lookup({ code, contact: '5678', keys: [`user:${name}:guesser-9`] });
      expect(lucky.kind).toBe('limited');
      const other = await service.lookup({ code: '000.00.12.H23-241115-0002', contact: '5678', keys: [`user:${name}:guesser-9`] });
      expect(other.kind).toBe('not_found'); // other codes are not affected
    });

    it('an unknown code and a wrong contact look the same', async () => {
      const service = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(make(), limits) });
      const unknown = await service.lookup({ code: '000.00.12.H23-241115-0999', contact: '5678', keys: [`user:${name}:a`] });
      const wrong = await service.lookup({ code, contact: '1111', keys: [`user:${name}:b`] });
      expect(unknown).toEqual(wrong);
      const right = await service.lookup({ code, contact: '5678', keys: [`user:${name}:c`] });
      expect(right.kind).toBe('found');
    });
  });
}

contract('memory', () => memoryLimiterFactory);

describe.skipIf(!hasRedis)('Redis-backed limits', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = connectRedis(server.url, undefined, 'test');
    await redisReady(redis);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
  });

  beforeEach(async () => { await redis.flushall(); }); // each case starts with no counters, as with memory
  contract('redis', () => redisLimiterFactory(redis));

  it('two instances share the counters', async () => {
    const a = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(redisLimiterFactory(redis), limits) });
    const b = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(redisLimiterFactory(redis), limits) });
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).lookup({ code, contact: '0000', keys: ['ip:203.0.113.7'] });
    expect((await a.lookup({ code, contact: '5678', keys: ['ip:203.0.113.7'] })).kind).toBe('limited');
  });

  it('answers "busy" instead of going unlimited when Redis is down', async () => {
    const dead = connectRedis(server.url, undefined, 'dead');
    await redisReady(dead);
    const service = createDossierService({ provider: providerWithOne(), limiter: createLookupLimiter(redisLimiterFactory(dead), limits) });
    dead.disconnect();
    await expect(service.lookup({ code, contact: '5678', keys: ['ip:x'] })).rejects.toBeInstanceOf(UnavailableError);
  });
});

it('the real record fixture parses', () => expect(fromNationalRecord(record()).phone).toBe('0912345678'));
