import { mkdtempSync, rmSync, appendFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createOutbox, type Outbox } from '../../src/notify/outbox.js';
import type { OutboxStore } from '../../src/notify/outbox-store.js';
import { UndeliverableError, type Notification } from '../../src/notify/notification.js';
import { openEmbeddedOutboxStore } from '../../src/store/outbox-embedded.js';
import { createRedisOutboxStore } from '../../src/store/outbox-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

const log = createLogger('silent');

/** How a suite opens the store under test, and opens it again as after a restart. */
interface StoreKind {
  name: string;
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  open(): Promise<OutboxStore>;
}

let dir = '';
const embedded: StoreKind = {
  name: 'embedded',
  skip: false,
  async setup() { dir = mkdtempSync(join(tmpdir(), 'outbox-')); },
  async teardown() { rmSync(dir, { recursive: true, force: true }); },
  open: () => openEmbeddedOutboxStore(dir, log),
};

let redis: RedisServer | null = null;
let prefix = 'outbox:';
let suiteNo = 0;
const redisKind: StoreKind = {
  name: 'redis',
  skip: !hasRedis,
  async setup() {
    redis ??= await startRedis();
    prefix = `t${++suiteNo}:outbox:`;
  },
  async teardown() { /* server closed once in afterAll */ },
  async open() {
    const client = connectRedis(redis!.url, log, 'outbox-test');
    await redisReady(client);
    return createRedisOutboxStore(client, { prefix });
  },
};

afterAll(async () => { await redis?.close(); });

const notice = (over: Partial<Notification> = {}) => ({
  channel: 'telegram', userId: '12345', kind: 'feedback_status', ref: 'PA-2026-000001',
  text: 'Phản ánh PA-2026-000001 của bạn đang được xử lý.', ...over,
});

for (const kind of [embedded, redisKind]) {
  describe.skipIf(kind.skip)(`outbox on the ${kind.name} store`, () => {
    let t = Date.parse('2026-11-23T01:00:00.000Z');
    const clock = () => new Date(t);
    let stores: OutboxStore[] = [];
    let outboxes: Outbox[] = [];

    const open = async (opts: { maxAttempts?: number } = {}) => {
      const store = await kind.open();
      stores.push(store);
      const outbox = createOutbox({ store, log, maxAttempts: opts.maxAttempts ?? 4, baseDelayMs: 1000, now: clock, random: () => 0.5 });
      outboxes.push(outbox);
      return outbox;
    };

    beforeEach(async () => {
      t = Date.parse('2026-11-23T01:00:00.000Z');
      await kind.setup();
    });
    afterEach(async () => {
      for (const o of outboxes) await o.stop();
      for (const s of stores) await s.close();
      stores = [];
      outboxes = [];
      await kind.teardown();
    });

    it('keeps an enqueued notification pending until a pass delivers it once', async () => {
      const outbox = await open();
      const got: Notification[] = [];
      outbox.registerSender('telegram', async (n) => { got.push(n); });
      const n = await outbox.enqueue(notice());
      expect((await outbox.get(n.id))?.status).toBe('pending');

      expect(await outbox.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(got.map((g) => g.id)).toEqual([n.id]);
      expect(got[0].text).toBe('Phản ánh PA-2026-000001 của bạn đang được xử lý.');
      const entry = await outbox.get(n.id);
      expect(entry?.status).toBe('sent');
      expect(entry?.attempts).toBe(1);

      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(got).toHaveLength(1);
    });

    it('retries with growing delays and delivers when the channel recovers', async () => {
      const outbox = await open();
      let calls = 0;
      outbox.registerSender('telegram', async () => {
        calls++;
        if (calls < 3) throw new Error('Telegram 502 Bad Gateway');
      });
      const n = await outbox.enqueue(notice());

      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
      let entry = await outbox.get(n.id);
      expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Telegram 502 Bad Gateway' });
      const first = Date.parse(entry!.nextAttemptAt) - t;
      expect(first).toBe(750); // 1000 ms base, jitter 0.5 -> between 500 and 1000

      // not due yet: nothing is tried
      t += first - 1;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(calls).toBe(1);

      t += 1;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
      entry = await outbox.get(n.id);
      const second = Date.parse(entry!.nextAttemptAt) - t;
      expect(second).toBe(1500);
      expect(second).toBeGreaterThan(first);

      t += second;
      expect(await outbox.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await outbox.get(n.id)).toMatchObject({ status: 'sent', attempts: 3 });
    });

    it('gives up after maxAttempts, lists the failure for staff, and delivers again on retry', async () => {
      const outbox = await open({ maxAttempts: 2 });
      let down = true;
      const got: string[] = [];
      outbox.registerSender('telegram', async (n) => {
        if (down) throw new Error('connect ECONNREFUSED');
        got.push(n.id);
      });
      const n = await outbox.enqueue(notice());
      await outbox.deliverDue();
      t += 60_000;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });

      const failed = await outbox.failed();
      expect(failed.map((f) => f.notification.id)).toEqual([n.id]);
      expect(failed[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: 'connect ECONNREFUSED' });
      t += 3_600_000;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

      down = false;
      const again = await outbox.retry(n.id);
      expect(again).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await outbox.failed()).toEqual([]);
      expect(await outbox.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(got).toEqual([n.id]);
      expect(await outbox.retry(n.id)).toBeNull(); // only failed ones can be retried
      expect(await outbox.retry('no-such-id')).toBeNull();
    });

    it('sends an UndeliverableError straight to the failed list', async () => {
      const outbox = await open();
      outbox.registerSender('zalo', async () => { throw new UndeliverableError('Zalo: user has not interacted in 7 days'); });
      const n = await outbox.enqueue(notice({ channel: 'zalo' }));
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect(await outbox.failed()).toMatchObject([{ notification: { id: n.id }, attempts: 1, lastError: 'Zalo: user has not interacted in 7 days' }]);
    });

    it('keeps a notification whose channel has no sender pending, and delivers it once one registers', async () => {
      const outbox = await open();
      const got: string[] = [];
      outbox.registerSender('telegram', async (n) => { got.push(n.id); });
      const n = await outbox.enqueue(notice({ channel: 'zalo_bot' }));
      t += 86_400_000;
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect((await outbox.get(n.id))?.status).toBe('pending');
      expect((await outbox.pending()).map((e) => e.notification.id)).toEqual([n.id]);

      outbox.registerSender('zalo_bot', async (x) => { got.push(x.id); });
      expect(await outbox.deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(got).toEqual([n.id]);
    });

    it('still has pending and failed notifications after a restart', async () => {
      const before = await open({ maxAttempts: 1 });
      before.registerSender('zalo', async () => { throw new Error('Zalo 500'); });
      const pending = await before.enqueue(notice({ channel: 'telegram', ref: 'PA-2026-000002' }));
      const failed = await before.enqueue(notice({ channel: 'zalo', ref: 'PA-2026-000003' }));
      await before.deliverDue();
      await before.stop();
      await stores.pop()!.close();

      const after = await open();
      expect((await after.pending()).map((e) => e.notification.ref)).toEqual(['PA-2026-000002']);
      expect((await after.failed()).map((e) => e.notification.id)).toEqual([failed.id]);
      const got: string[] = [];
      after.registerSender('telegram', async (n) => { got.push(n.id); });
      await after.deliverDue();
      expect(got).toEqual([pending.id]);
    });

    it('hands each due notification to exactly one of two instances sharing the store', async () => {
      const a = await open();
      const b = kind.name === 'embedded' ? createOutbox({ store: stores[0], log, now: clock }) : await open();
      const seen = new Map<string, number>();
      const sender = async (n: Notification) => { seen.set(n.id, (seen.get(n.id) ?? 0) + 1); };
      a.registerSender('telegram', sender);
      b.registerSender('telegram', sender);
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await a.enqueue(notice({ userId: String(i) }))).id);
      await Promise.all([a.deliverDue(), b.deliverDue(), a.deliverDue(), b.deliverDue()]);
      expect([...seen.keys()].sort()).toEqual([...ids].sort());
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    });

    it('tries a claimed notification again once the lease of an instance that died has run out', async () => {
      const store = await kind.open();
      stores.push(store);
      const n = await createOutbox({ store, log, now: clock }).enqueue(notice());
      const claimed = await store.claimDue(clock(), ['telegram'], 10, new Date(t + 30_000));
      expect(claimed.map((e) => e.notification.id)).toEqual([n.id]);
      expect(await store.claimDue(clock(), ['telegram'], 10, new Date(t + 30_000))).toEqual([]);
      t += 30_001;
      expect((await store.claimDue(clock(), ['telegram'], 10, new Date(t + 30_000))).map((e) => e.notification.id)).toEqual([n.id]);
    });

    it('refuses an invalid notification and stores nothing', async () => {
      const outbox = await open();
      await expect(outbox.enqueue(notice({ text: '' }))).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(outbox.enqueue({ ...notice(), extra: 1 } as never)).rejects.toMatchObject({ code: 'invalid_input' });
      expect(await outbox.pending()).toEqual([]);
    });

    it('delivers from its own loop once started', async () => {
      const outbox = await open();
      const delivered = new Promise<Notification>((resolve) => outbox.registerSender('telegram', async (n) => resolve(n)));
      outbox.start();
      const n = await outbox.enqueue(notice());
      expect((await delivered).id).toBe(n.id);
      await outbox.stop();
    });
  });
}

describe('embedded outbox log', () => {
  let d = '';
  beforeAll(() => { d = mkdtempSync(join(tmpdir(), 'outbox-log-')); });
  afterAll(() => rmSync(d, { recursive: true, force: true }));

  it('skips a torn last line left by a crash and drops delivered entries when it compacts', async () => {
    const store = await openEmbeddedOutboxStore(d, log);
    const outbox = createOutbox({ store, log });
    outbox.registerSender('telegram', async () => undefined);
    const sent = await outbox.enqueue(notice());
    await outbox.deliverDue();
    const kept = await outbox.enqueue(notice({ channel: 'zalo' }));
    await store.close();
    appendFileSync(join(d, 'outbox.jsonl'), '{"op":"entry","entry":{"notif');

    const reopened = await openEmbeddedOutboxStore(d, log);
    expect(await reopened.get(sent.id)).toBeNull();
    expect((await reopened.get(kept.id))?.status).toBe('pending');
    const lines = readFileSync(join(d, 'outbox.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    await reopened.close();
  });
});

describe.skipIf(!hasRedis)('outbox while Redis restarts', () => {
  let server: RedisServer;
  beforeAll(async () => { server = await startRedis(); });
  afterAll(async () => { await server?.close(); });

  it('refuses new notifications cleanly while Redis is down, keeps the acknowledged ones, and the loop carries on', async () => {
    const client = connectRedis(server.url, log, 'outbox-restart');
    await redisReady(client);
    const store = createRedisOutboxStore(client, { prefix: 'restart:' });
    const outbox = createOutbox({ store, log, pollMs: 50 });
    const before = await outbox.enqueue(notice({ ref: 'PA-2026-000010' }));

    await server.stop(); // graceful: the append-only file is flushed
    await expect(outbox.enqueue(notice({ ref: 'PA-2026-000011' }))).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    const got: string[] = [];
    let resolveBoth: () => void;
    const both = new Promise<void>((r) => { resolveBoth = r; });
    outbox.registerSender('telegram', async (n) => {
      got.push(n.ref!);
      if (got.length === 2) resolveBoth();
    });
    outbox.start(); // passes fail while Redis is down; the loop keeps polling

    await server.restart();
    await redisReady(client, 10_000).catch(() => undefined);
    let after: Notification | null = null;
    for (let i = 0; i < 50 && !after; i++) {
      after = await outbox.enqueue(notice({ ref: 'PA-2026-000012' })).catch(() => null);
      if (!after) await new Promise((r) => setTimeout(r, 100)); // reconnecting in the background
    }
    expect(after).not.toBeNull();
    await both;
    await outbox.stop();
    expect(got.sort()).toEqual(['PA-2026-000010', 'PA-2026-000012']);
    expect((await outbox.get(before.id))?.status).toBe('sent');
    await store.close();
  });
});
