import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { RedisFeedbackStore } from '../../src/store/feedback-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { newFeedback } from './fixtures.js';

/**
 * One contract for both feedback stores. `make` opens a store over the current backing data;
 * `reset` wipes it; opening twice without reset must see the same data (durability / restart).
 */
interface Backend { make(): Promise<FeedbackStore>; reset(): Promise<void> }

function contract(name: string, backend: () => Backend, enabled = true) {
  describe.skipIf(!enabled)(`FeedbackStore contract: ${name}`, () => {
    let store: FeedbackStore;
    beforeEach(async () => {
      await backend().reset();
      store = await backend().make();
      return () => store.close();
    });

    it('allocates PA-<year>-<6 digits> codes in sequence, per year', async () => {
      const a = await store.create(newFeedback());
      const b = await store.create(newFeedback());
      const c = await store.create(newFeedback({}, { year: 2027 }));
      expect([a.record.code, b.record.code, c.record.code]).toEqual(['PA-2026-000001', 'PA-2026-000002', 'PA-2027-000001']);
      expect(a.created).toBe(true);
      expect(await store.get('PA-2026-000002')).toEqual(b.record);
    });

    it('keeps the sequence atomic under 100 concurrent creates', async () => {
      const results = await Promise.all(Array.from({ length: 100 }, () => store.create(newFeedback())));
      const codes = results.map((r) => r.record.code).sort();
      expect(new Set(codes).size).toBe(100);
      expect(codes[0]).toBe('PA-2026-000001');
      expect(codes[99]).toBe('PA-2026-000100');
    });

    it('an idempotency key yields one record, even for concurrent retries', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => store.create(newFeedback({}, { idempotencyKey: 'req-1' }))));
      expect(new Set(results.map((r) => r.record.code)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const again = await store.create(newFeedback({ content: 'khác' }, { idempotencyKey: 'req-1' }));
      expect(again).toMatchObject({ created: false, record: { code: results[0]!.record.code } });
      expect((await store.list({ offset: 0, limit: 10 })).total).toBe(1);
    });

    it('unknown codes are null', async () => {
      expect(await store.get('PA-2026-999999')).toBeNull();
    });

    it('update is compare-and-set and keeps the status index in step', async () => {
      const { record } = await store.create(newFeedback());
      const next = { ...record, version: 1, status: 'processing' as const };
      expect(await store.update(next, 5)).toBe(false);
      expect(await store.update(next, 0)).toBe(true);
      expect(await store.update({ ...next, version: 2, status: 'answered' }, 0)).toBe(false); // stale writer
      expect((await store.get(record.code))!.status).toBe('processing');
      expect((await store.list({ status: 'processing', offset: 0, limit: 10 })).items.map((r) => r.code)).toEqual([record.code]);
      expect((await store.list({ status: 'received', offset: 0, limit: 10 })).total).toBe(0);
    });

    it('lists newest first with filters: status, overdue, folded text, period, pages', async () => {
      const early = await store.create(newFeedback({ receivedAt: '2026-10-01T02:00:00.000Z', dueAt: '2026-10-15T16:59:59.999Z', content: 'Thu phí chứng thực sai quy định' }));
      const mid = await store.create(newFeedback({ receivedAt: '2026-11-02T02:00:00.000Z', dueAt: '2026-11-16T16:59:59.999Z', content: 'Cấp giấy khai sinh chậm' }));
      const late = await store.create(newFeedback({ receivedAt: '2026-11-20T02:00:00.000Z', dueAt: '2026-12-04T16:59:59.999Z', content: 'Cán bộ hướng dẫn thiếu nhiệt tình' }));
      await store.update({ ...early.record, version: 1, status: 'answered' }, 0);

      const all = await store.list({ offset: 0, limit: 10 });
      expect(all.items.map((r) => r.code)).toEqual([late.record.code, mid.record.code, early.record.code]);
      const overdue = await store.list({ overdueAt: new Date('2026-11-25T00:00:00Z'), offset: 0, limit: 10 });
      expect(overdue.items.map((r) => r.code)).toEqual([mid.record.code]); // early is answered, late not yet due
      expect((await store.list({ q: 'khai sinh', offset: 0, limit: 10 })).items.map((r) => r.code)).toEqual([mid.record.code]);
      expect((await store.list({ q: 'thu phi chung thuc', offset: 0, limit: 10 })).items.map((r) => r.code)).toEqual([early.record.code]);
      const period = await store.list({ from: new Date('2026-11-01T00:00:00+07:00'), to: new Date('2026-11-20T00:00:00+07:00'), offset: 0, limit: 10 });
      expect(period.items.map((r) => r.code)).toEqual([mid.record.code]);
      const page2 = await store.list({ offset: 1, limit: 1 });
      expect(page2).toMatchObject({ total: 3, items: [{ code: mid.record.code }] });
      const statusAndPeriod = await store.list({ status: 'received', from: new Date('2026-11-10T00:00:00Z'), offset: 0, limit: 10 });
      expect(statusAndPeriod.items.map((r) => r.code)).toEqual([late.record.code]);
    });

    it('offers open records of the same procedure as duplicate candidates, until they close', async () => {
      const a = await store.create(newFeedback({ procedureCode: '1.001193' }));
      await store.create(newFeedback({ procedureCode: '2.000001' }));
      const cands = await store.openCandidates('1.001193', 50);
      expect(cands.map((c) => c.code)).toEqual([a.record.code]);
      expect(cands[0]!.tokens).toContain('khai');
      await store.update({ ...a.record, version: 1, status: 'answered' }, 0);
      expect(await store.openCandidates('1.001193', 50)).toEqual([]);
      expect(await store.openCandidates(undefined, 50)).toEqual([]);
    });

    it('indexes duplicate links in reverse', async () => {
      const a = await store.create(newFeedback());
      const b = await store.create(newFeedback({ similar: [a.record.code] }));
      const c = await store.create(newFeedback({ similar: [a.record.code, b.record.code] }));
      expect(await store.linkedFrom(a.record.code)).toEqual([b.record.code, c.record.code]);
      expect(await store.linkedFrom(b.record.code)).toEqual([c.record.code]);
      expect(await store.linkedFrom(c.record.code)).toEqual([]);
    });

    it('keeps staff accounts and sessions', async () => {
      await store.putStaff({ username: 'canbo1', role: 'reviewer', passwordHash: 'scrypt$x', createdAt: '2026-11-22T00:00:00.000Z' });
      expect(await store.getStaff('canbo1')).toMatchObject({ role: 'reviewer' });
      expect(await store.getStaff('khongco')).toBeNull();
      const session = { username: 'canbo1', role: 'reviewer' as const, expiresAt: new Date(Date.now() + 60_000).toISOString() };
      await store.putSession('abc', session, 60);
      expect(await store.getSession('abc')).toEqual(session);
      expect(await store.getSession('def')).toBeNull();
    });

    it('survives a restart: records, idempotency keys and the sequence', async () => {
      const a = await store.create(newFeedback({}, { idempotencyKey: 'k-restart' }));
      await store.update({ ...a.record, version: 1, status: 'processing' }, 0);
      await store.close();
      store = await backend().make();
      expect((await store.get(a.record.code))!.status).toBe('processing');
      expect(await store.create(newFeedback({}, { idempotencyKey: 'k-restart' }))).toMatchObject({ created: false, record: { code: a.record.code } });
      expect((await store.create(newFeedback())).record.code).toBe('PA-2026-000002');
      expect(await store.ping()).toBe(true);
    });
  });
}

let dir = '';
contract('embedded', () => ({
  make: () => EmbeddedFeedbackStore.open(dir),
  reset: async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'fb-embedded-'));
  },
}));

let redis: RedisServer | undefined;
describe.skipIf(!hasRedis)('redis server', () => {
  beforeAll(async () => { redis = await startRedis(); });
  afterAll(async () => { await redis?.close(); });
  contract('redis', () => ({
    make: async () => {
      const client = connectRedis(redis!.url, undefined, 'test');
      await redisReady(client);
      return new RedisFeedbackStore(client);
    },
    reset: async () => {
      const client = connectRedis(redis!.url, undefined, 'reset');
      await redisReady(client);
      await client.flushall();
      await client.quit();
    },
  }), hasRedis);
});
