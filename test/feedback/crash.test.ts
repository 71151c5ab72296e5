import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../src/feedback/record.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { RedisFeedbackStore } from '../../src/store/feedback-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { freePort, hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { startServer, until, type ServerProcess } from './server-process.js';

/**
 * Must-show crash safety (issue 4): kill -9 the real server in the middle of a burst of 1,000
 * submissions; after a restart every submission answered 201 is stored exactly once, and
 * retrying with the same Idempotency-Key creates nothing new. With Redis, restarting Redis
 * mid-burst gives clean 503s and loses nothing acknowledged.
 */
const TOTAL = 1000;
const CONCURRENCY = 16;

interface Outcome { status: number; code?: string }

function submission(i: number) {
  return {
    key: `burst-${i}`,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    body: {
      content: `Phản ánh số ${i}: bộ phận một cửa hẹn trả kết quả hồ sơ ${i} nhưng đã quá hạn ${i % 17} ngày.`,
      name: `Người dân ${i}`, phone: `09${String(10_000_000 + i).slice(-8)}`, consent: true,
    },
  };
}

async function send(url: string, i: number): Promise<Outcome> {
  const s = submission(i);
  try {
    const res = await fetch(`${url}/api/feedback`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': s.key }, body: JSON.stringify(s.body),
    });
    const body = (await res.json()) as { code?: string };
    return { status: res.status, code: body.code };
  } catch {
    return { status: 0 }; // connection refused or reset: the server is gone
  }
}

/** Fire TOTAL submissions, CONCURRENCY at a time; `outcomes[i]` fills in as answers arrive. */
function burst(url: () => string, outcomes: Outcome[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      outcomes[i] = await send(url(), i);
    }
  };
  return Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => undefined);
}

async function allRecords(store: FeedbackStore): Promise<FeedbackRecord[]> {
  return (await store.list({ offset: 0, limit: 100_000 })).items;
}

/** Checks shared by both stores once the server is back. */
async function verify(server: ServerProcess, outcomes: Outcome[], openStore: () => Promise<FeedbackStore>) {
  const acked = outcomes.map((o, i) => ({ ...o, i })).filter((o) => o.status === 201);
  expect(acked.length).toBeGreaterThan(0);
  expect(outcomes.every((o) => [0, 201, 503].includes(o.status))).toBe(true);

  // Every acknowledged submission answers its status query after the restart.
  for (const a of acked.filter((_, n) => n % 10 === 0)) {
    const res = await fetch(`${server.url}/api/feedback/${a.code}?contact=${submission(a.i).phone}`);
    expect(res.status).toBe(200);
  }

  // Retry everything with the same keys: acknowledged ones come back with their first code.
  const retried: Outcome[] = [];
  for (let i = 0; i < TOTAL; i += CONCURRENCY) {
    const batch = await Promise.all(Array.from({ length: Math.min(CONCURRENCY, TOTAL - i) }, (_, k) => send(server.url, i + k)));
    retried.push(...batch);
  }
  expect(retried.every((o) => o.status === 201)).toBe(true);
  for (const a of acked) expect(retried[a.i]!.code).toBe(a.code);

  // Exactly once: one record per key, no more records than submissions, codes unique.
  await server.kill('SIGTERM');
  const store = await openStore();
  try {
    const records = await allRecords(store);
    const keys = records.map((r) => r.idempotencyKey);
    expect(records.length).toBe(TOTAL);
    expect(new Set(keys).size).toBe(TOTAL);
    expect(new Set(records.map((r) => r.code)).size).toBe(TOTAL);
    const byKey = new Map(records.map((r) => [r.idempotencyKey, r]));
    for (const a of acked) {
      const r = byKey.get(`burst-${a.i}`)!;
      expect(r.code).toBe(a.code);
      expect(r.content).toBe(submission(a.i).body.content);
    }
  } finally {
    await store.close();
  }
  return acked.length;
}

describe('crash safety: embedded store', () => {
  it('kill -9 mid-burst loses no acknowledged submission and duplicates none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fb-crash-'));
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir };
    let server = await startServer(env);
    const outcomes: Outcome[] = [];
    const running = burst(() => server.url, outcomes);
    await until(() => outcomes.filter((o) => o?.status === 201).length >= 300);
    await server.kill('SIGKILL');
    await running;
    expect(outcomes.filter((o) => o.status === 0).length).toBeGreaterThan(0); // the kill really hit mid-burst
    // A power cut could also leave half a line behind; the restart must shrug it off.
    appendFileSync(join(dataDir, 'feedback.jsonl'), '{"t":"c","r":{"code":"PA-2026-0009');

    server = await startServer(env);
    await verify(server, outcomes, () => EmbeddedFeedbackStore.open(dataDir));
  }, 180_000);
});

describe.skipIf(!hasRedis)('crash safety: Redis store', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await startRedis(); });
  afterAll(async () => { await redis.close(); });

  const openRedisStore = async () => {
    const client = connectRedis(redis.url, undefined, 'verify');
    await redisReady(client);
    return new RedisFeedbackStore(client);
  };
  const flush = async () => {
    const client = connectRedis(redis.url, undefined, 'flush');
    await redisReady(client);
    await client.flushall();
    await client.quit();
  };

  it('kill -9 of the server mid-burst', async () => {
    await flush();
    const env = { PORT: String(await freePort()), DATA_DIR: mkdtempSync(join(tmpdir(), 'fb-crash-r-')), REDIS_URL: redis.url };
    let server = await startServer(env);
    const outcomes: Outcome[] = [];
    const running = burst(() => server.url, outcomes);
    await until(() => outcomes.filter((o) => o?.status === 201).length >= 300);
    await server.kill('SIGKILL');
    await running;
    server = await startServer(env);
    await verify(server, outcomes, openRedisStore);
  }, 180_000);

  it('Redis restarted mid-burst: clean 503s while it is down, nothing acknowledged lost', async () => {
    await flush();
    const env = { PORT: String(await freePort()), DATA_DIR: mkdtempSync(join(tmpdir(), 'fb-crash-r2-')), REDIS_URL: redis.url };
    const server = await startServer(env);
    const outcomes: Outcome[] = [];
    const running = burst(() => server.url, outcomes);
    await until(() => outcomes.filter((o) => o?.status === 201).length >= 300);
    await redis.stop();
    await until(() => outcomes.filter((o) => o?.status === 503).length >= 20);
    await redis.restart();
    await running;
    // 503s are fast, so the burst can end before the server's client has reconnected: wait for its readiness check.
    let ready = false;
    while (!ready) {
      const body = (await fetch(`${server.url}/readyz`).then((r) => r.json(), () => ({}))) as { checks?: { feedback?: boolean } };
      ready = body.checks?.feedback === true;
      if (!ready) await new Promise((r) => setTimeout(r, 50));
    }
    const unavailable = outcomes.filter((o) => o.status === 503).length;
    expect(unavailable).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((o) => o.status === 0)).toHaveLength(0); // the server itself never dropped a connection
    await verify(server, outcomes, openRedisStore);
  }, 180_000);
});
