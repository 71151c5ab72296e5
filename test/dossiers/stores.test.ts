import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedProvider } from '../../src/dossiers/embedded-provider.js';
import { findDossierCode } from '../../src/dossiers/dossier-code.js';
import type { DossierSubscriptionStore } from '../../src/dossiers/subscription.js';
import { createEmbeddedSubscriptionStore } from '../../src/store/dossier-subscriptions-embedded.js';
import { createRedisSubscriptionStore } from '../../src/store/dossier-subscriptions-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { UnavailableError } from '../../src/errors.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { record, vn } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-store-'));

describe('embedded provider (DATA_DIR/dossiers.json)', () => {
  it('creates a clearly fictional demo file on first start, with one dossier per situation', async () => {
    const file = join(tmp(), 'sub', 'dossiers.json');
    const p = createEmbeddedProvider({ file, now: () => vn('2026-03-10') });
    expect(await p.ready()).toBe(true);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.note).toContain('Dữ liệu minh họa');
    const statuses = [];
    for (const r of written.dossiers) {
      expect(findDossierCode(r.MaHoSo)?.code).toBe(r.MaHoSo); // the demo codes are findable as typed
      const d = await p.find(r.MaHoSo);
      statuses.push(d!.status);
      expect(d!.agency).toContain('minh họa');
    }
    expect(statuses).toEqual([4, 4, 5, 9]);
    const late = await p.find(written.dossiers[1].MaHoSo);
    expect(late!.dueAt!.getTime()).toBeLessThan(vn('2026-03-10').getTime());
  });

  it('a file removed later leaves no dossiers, not the demo ones', async () => {
    const file = join(tmp(), 'dossiers.json');
    writeFileSync(file, JSON.stringify([record()]));
    const p = createEmbeddedProvider({ file });
    expect(await p.find('000.00.12.H23-241115-0001')).not.toBeNull();
    rmSync(file);
    expect(await p.find('000.00.12.H23-241115-0001')).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('does not overwrite an existing file, and re-reads it when it changes', async () => {
    const dir = tmp();
    const file = join(dir, 'dossiers.json');
    writeFileSync(file, JSON.stringify([record()]));
    const p = createEmbeddedProvider({ file });
    expect((await p.find('000.00.12.h23-241115-0001'))?.status).toBe(4);
    writeFileSync(file, JSON.stringify([record({ TrangThaiHoSo: 9 })]));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000)); // a later mtime, as a real edit would have
    expect((await p.find('000.00.12.H23-241115-0001'))?.status).toBe(9);
    expect(await p.find('000.00.12.H23-241115-0002')).toBeNull();
  });

  it.each([
    ['not JSON', '{"dossiers": ['],
    ['not the national vocabulary', JSON.stringify([{ code: 'x' }])],
  ])('a file that is %s makes lookups "busy", not a crash', async (_what, body) => {
    const file = join(tmp(), 'dossiers.json');
    writeFileSync(file, body);
    const p = createEmbeddedProvider({ file });
    await expect(p.find('000.00.12.H23-241115-0001')).rejects.toBeInstanceOf(UnavailableError);
    expect(await p.ready()).toBe(false);
  });
});

function subscriptionContract(name: string, open: () => Promise<DossierSubscriptionStore>) {
  describe(`subscription store (${name})`, () => {
    it('puts, replaces, lists and removes', async () => {
      const s = await open();
      const a = { code: 'A-240101-0001', channel: 'telegram', userId: '1', lastStatus: 4 as const, createdAt: '2026-01-01T00:00:00.000Z' };
      await s.put(a);
      await s.put({ ...a, userId: '2' });
      await s.put({ ...a, lastStatus: 5 });
      const list = await s.list();
      expect(list).toHaveLength(2);
      expect(list.find((x) => x.userId === '1')?.lastStatus).toBe(5);
      await s.remove(a);
      expect((await s.list()).map((x) => x.userId)).toEqual(['2']);
    });
  });
}

subscriptionContract('embedded', async () => createEmbeddedSubscriptionStore(join(tmp(), 'subs.json')));

it('embedded subscriptions survive a restart', async () => {
  const file = join(tmp(), 'subs.json');
  await createEmbeddedSubscriptionStore(file).put({ code: 'B-1', channel: 'zalo', userId: 'u', lastStatus: 2, createdAt: 'x' });
  expect(await createEmbeddedSubscriptionStore(file).list()).toHaveLength(1);
});

describe.skipIf(!hasRedis)('Redis subscriptions', () => {
  let server: RedisServer;
  let redis: Redis;
  let n = 0;
  beforeAll(async () => {
    server = await startRedis();
    redis = connectRedis(server.url, undefined, 'test');
    await redisReady(redis);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
  });
  subscriptionContract('redis', async () => createRedisSubscriptionStore(redis, `subs:${++n}`));
});
