/**
 * Turn queue: push latency and throughput of the Redis queue against the in-memory one, in the
 * same run, as a webhook uses them (each push carries a delivery id to deduplicate on). For each
 * queue and handler: N jobs over `--keys` people, pushed by `--connections` concurrent callers
 * (Telegram's default webhook connections) while the queue's consumers run in the same process, then
 * wait until every job has been handled. Handlers: a no-op, then 1 ms of waiting (a channel API
 * call's shape, not CPU). Prints one JSON object; bounded to under a minute.
 *
 *   npx tsx bench/turn-queue.ts [--jobs 20000] [--keys 2000] [--connections 40]
 *
 * Redis is a redis-server started for the run (REDIS_URL to use another); concurrency 8 and
 * 16 shards as in production (CHANNEL_CONCURRENCY default, bots/kit.ts).
 */
import { cpus, loadavg } from 'node:os';
import { createHistogram, performance } from 'node:perf_hooks';
import { createMemoryTurnQueue, type TurnQueue } from '../bots/turn-queue.js';
import { createRedisTurnQueue } from '../bots/turn-queue-redis.js';
import { createLogger } from '../src/log.js';
import { createMemoryDedupe } from '../src/store/dedupe-memory.js';
import { connectRedis, redisReady } from '../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../test/support/redis.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const jobs = arg('jobs', 20_000);
const keys = arg('keys', 2_000);
const connections = arg('connections', 40);
const concurrency = 8;
const budgetMs = 55_000;
const started = performance.now();
const log = createLogger('silent');
const round = (x: number) => Math.round(x * 1000) / 1000;

const handlers = {
  noop: async () => undefined,
  wait1ms: () => new Promise<void>((resolve) => setTimeout(resolve, 1)),
};

async function measure(name: string, queue: TurnQueue, handler: keyof typeof handlers) {
  queue.register('bench', handlers[handler]);
  queue.start();
  const latency = createHistogram();
  let next = 0;
  let refused = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (next < jobs) {
      const n = next++;
      const t = process.hrtime.bigint();
      const result = await queue.push({ channel: 'bench', key: `bench:${n % keys}`, payload: { update_id: n, text: 'lệ phí đăng ký khai sinh' } },
        { id: `bench:${name}:${handler}:${n}`, ttlSeconds: 600 });
      latency.record(Math.max(1, Number(process.hrtime.bigint() - t)));
      if (result !== 'queued') refused++;
    }
  }));
  const pushedMs = performance.now() - t0;
  await queue.idle();
  const doneMs = performance.now() - t0;
  await queue.stop();
  return {
    queue: name,
    handler,
    pushMs: { p50: round(latency.percentile(50) / 1e6), p99: round(latency.percentile(99) / 1e6), max: round(latency.max / 1e6) },
    pushesPerSecond: Math.round(jobs / (pushedMs / 1000)),
    refused,
    allHandledMs: Math.round(doneMs),
    handledPerSecond: Math.round(jobs / (doneMs / 1000)),
  };
}

async function main() {
  let server: RedisServer | null = null;
  let url = process.env.REDIS_URL;
  if (!url && hasRedis) {
    server = await startRedis();
    url = server.url;
  }
  const results: unknown[] = [];
  const skipped: string[] = [];
  let run = 0;
  for (const handler of ['noop', 'wait1ms'] as const) {
    for (const name of ['memory', 'redis'] as const) {
      if (performance.now() - started > budgetMs / 2) {
        skipped.push(`${name}/${handler}: time budget`);
        continue;
      }
      if (name === 'memory') {
        results.push(await measure(name, createMemoryTurnQueue({ dedupe: createMemoryDedupe(), concurrency, limit: 50_000, log }), handler));
      } else if (url) {
        const redis = connectRedis(url, log, 'bench');
        await redisReady(redis);
        const prefix = `bench:${process.pid}:${run++}:`;
        const queue = createRedisTurnQueue({ redis, log, prefix, dedupePrefix: `${prefix}dedupe:`, concurrency, limit: 50_000 });
        results.push(await measure(name, queue, handler));
        redis.disconnect();
      } else {
        skipped.push(`redis/${handler}: no redis-server on PATH and no REDIS_URL`);
      }
    }
  }
  await server?.close();
  process.stdout.write(`${JSON.stringify({
    jobs, keys, connections, concurrency, shards: 16,
    machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    note: 'figures taken on a 2-core machine shared with other work (see loadavg): compare the two queues within one run, not across runs',
    results, skipped, totalMs: Math.round(performance.now() - started),
  })}\n`);
}

// A hard bound: whatever happens, the run ends within a minute.
setTimeout(() => {
  process.stderr.write('bench/turn-queue.ts: over 60 s, aborted\n');
  process.exit(1);
}, 60_000).unref();
await main();
process.exit(0);
