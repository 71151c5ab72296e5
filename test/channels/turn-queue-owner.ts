/**
 * A consumer process for the durability test in turn-queue.test.ts: it pushes turns, starts
 * consuming, and every handler hangs, so each shard's first turn sits in its active list. The test
 * kills it with SIGKILL (no stop, no lease release) and checks that another process runs everything.
 *
 *   node --import tsx test/channels/turn-queue-owner.ts <redis url> <prefix> <count>
 */
import { createRedisTurnQueue } from '../../bots/turn-queue-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';

const [url, prefix, count] = process.argv.slice(2);
const redis = connectRedis(url, undefined, 'turn-queue-owner');
await redisReady(redis);
const queue = createRedisTurnQueue({ redis, prefix, dedupePrefix: `${prefix}dedupe:`, shards: 4, leaseMs: 500, blockSeconds: 1 });
queue.register('test', async (payload) => {
  process.stdout.write(`started ${JSON.stringify(payload)}\n`);
  await new Promise(() => undefined);
});
for (let n = 0; n < Number(count); n++) {
  const key = `person-${n % 6}`;
  await queue.push({ channel: 'test', key, payload: { n, key } }, { id: `delivery-${n}`, ttlSeconds: 600 });
}
process.stdout.write('pushed\n');
queue.start();
