/**
 * Outbox throughput: enqueue (durable) and delivery passes, on the embedded store and on Redis
 * (when redis-server is on PATH). Bounded: N notifications per store. Prints one JSON object.
 *   npx tsx bench/outbox.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../src/log.js';
import { createOutbox } from '../src/notify/outbox.js';
import type { OutboxStore } from '../src/notify/outbox-store.js';
import { openEmbeddedOutboxStore } from '../src/store/outbox-embedded.js';
import { createRedisOutboxStore } from '../src/store/outbox-redis.js';
import { connectRedis, redisReady } from '../src/store/redis.js';
import { hasRedis, startRedis } from '../test/support/redis.js';

const N = Number(process.argv[2] ?? 2000);
const CONCURRENCY = 50;
const log = createLogger('silent');

function pct(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 100) / 100;
}

async function run(store: OutboxStore) {
  const outbox = createOutbox({ store, log, batchSize: 200 });
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < N) {
      const i = next++;
      const s = performance.now();
      await outbox.enqueue({ channel: 'telegram', userId: String(i), kind: 'feedback_status', ref: 'PA-2026-000001', text: 'Phản ánh PA-2026-000001 của bạn đang được xem xét, xử lý.' });
      latencies.push(performance.now() - s);
    }
  }));
  const enqueueMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);

  let delivered = 0;
  outbox.registerSender('telegram', async () => { delivered++; });
  const t1 = performance.now();
  while (delivered < N) {
    const pass = await outbox.deliverDue();
    if (pass.sent === 0) break;
  }
  const deliverMs = performance.now() - t1;
  await store.close();
  return {
    enqueuePerSec: Math.round(N / (enqueueMs / 1000)),
    enqueueP50Ms: pct(latencies, 0.5),
    enqueueP99Ms: pct(latencies, 0.99),
    deliveredPerSec: Math.round(delivered / (deliverMs / 1000)),
    delivered,
  };
}

const result: Record<string, unknown> = { n: N, concurrency: CONCURRENCY, note: 'sender is a no-op; 2-core machine shared with other engineers' };
const dir = mkdtempSync(join(tmpdir(), 'bench-outbox-'));
try {
  result.embedded = await run(await openEmbeddedOutboxStore(dir, log));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (hasRedis) {
  const server = await startRedis();
  try {
    const client = connectRedis(server.url, log, 'bench');
    await redisReady(client);
    result.redis = await run(createRedisOutboxStore(client));
  } finally {
    await server.close();
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
