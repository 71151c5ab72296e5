/**
 * Webhook load test: Telegram updates with distinct update_ids and chats, POSTed on loopback at a
 * fixed overall rate, to the real server (real assistant, real knowledge) whose Telegram API root
 * points at a stub Bot API on loopback. Prints one JSON object.
 *
 *   npx tsx bench/webhooks.ts [--rate 1000] [--duration 30] [--connections 40] [--warmup 5] [--floor 1] [--redis 0|1]
 *
 * The server and the stub each run in a child process, so neither shares an event loop with the
 * load generator. Latency is the webhook's answer time (check, dedupe, enqueue, 200); the assistant's replies
 * are sent from the queue afterwards, and the report says how many arrived at the stub and how long
 * the queue took to drain after the load stopped.
 *
 * Two things about autocannon shape what its p99 means, so the report carries both views:
 * - Pacing: with `overallRate`, each connection sends its per-second quota back to back at the
 *   start of every second, then waits; the server sees a burst each second, not an even stream.
 * - Coordinated-omission correction: it records each response with an expected interval of
 *   ceil(1 / per-connection rate) = 1 ms, so one 60 ms response also adds samples at 59, 58, ... 1 ms.
 *   `latencyMs` is autocannon's corrected figure (the conservative one, compared with the target);
 *   `latencyPerRequestMs` is each request's own response time, recorded from autocannon's events.
 * `--floor 1` (default) first runs the same load against a server that does nothing but answer 200
 * (the Bot API stub), in the same run: the load generator's own floor on this machine.
 * Connections default to 40, Telegram's default `max_connections` for webhook delivery.
 */
import autocannon from 'autocannon';
import { startRedis } from '../test/support/redis.js';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';

const token = '123456:BENCH-token';
const secret = 'bench-secret';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function runServer(): Promise<void> {
  const { readConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/log.js');
  const { createServer: createApp, createServices, startBackgroundWork } = await import('../src/main.js');
  const { channelKit } = await import('../bots/kit.js');
  const config = readConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const services = await createServices(config, createLogger('silent'));
  const app = await createApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  // Consumers of the Redis turn queue (a no-op for the in-memory one), as `serve` does.
  startBackgroundWork(services);
  const { port } = app.server.address() as { port: number };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  // Server-side answer time of each webhook, from the request event to the last byte written.
  const answer = createHistogram();
  let measuring = false;
  app.server.on('request', (_req, res) => {
    if (!measuring) return;
    const t = process.hrtime.bigint();
    res.once('finish', () => answer.record(Math.max(1, Number(process.hrtime.bigint() - t))));
  });
  process.send!({ port });
  process.on('message', async (m: { drain?: boolean; measure?: boolean }) => {
    if (m.measure) {
      loop.reset();
      loop.enable();
      measuring = true;
      return;
    }
    if (!m.drain) return;
    loop.disable();
    measuring = false;
    const started = Date.now();
    const backlog = channelKit(services).queue.size;
    await channelKit(services).queue.idle();
    process.send!({
      drained: true, drainMs: Date.now() - started, backlog, rss: process.memoryUsage().rss,
      answerMs: { p50: answer.percentile(50) / 1e6, p90: answer.percentile(90) / 1e6, p99: answer.percentile(99) / 1e6, max: answer.max / 1e6 },
      loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    });
    await app.close();
    process.exit(0);
  });
}

/** A Bot API stand-in on loopback, in its own process: answers every method, counts sendMessage. */
function runStub(): void {
  let sent = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const method = req.url?.split('/').pop();
      let result: unknown = true;
      if (method === 'getMe') result = { id: 123456, is_bot: true, first_name: 'Bench', username: 'bench_bot' };
      if (method === 'sendMessage') {
        sent++;
        result = { message_id: sent, date: 0, chat: { id: 1, type: 'private' }, text: '' };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  process.on('message', (m: { count?: boolean }) => {
    if (!m.count) return;
    process.send!({ sent });
    server.close();
    process.exit(0);
  });
}

function spawnRole(role: string, env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(import.meta.filename, [role], { execArgv: process.execArgv, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ child, port: m.port })));
}

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    child.on('message', (m: Record<string, unknown>) => { if (key in m) resolve(m as T); });
    child.send(message);
  });
}

const questions = [
  'lệ phí đăng ký khai sinh', 'làm căn cước cần giấy tờ gì', 'đăng ký thường trú mất bao lâu',
  'cấp lại giấy phép lái xe nộp ở đâu', 'xin chào', 'thủ tục đăng ký kết hôn', 'chung thuc ban sao bao nhieu tien',
];

let updateId = 1;

/** One autocannon run of Telegram updates; also records each request's own response time. */
async function measure(url: string, path: string, overallRate: number, seconds: number, connections: number) {
  const own = createHistogram();
  const instance = autocannon({
    url,
    connections,
    overallRate,
    duration: seconds,
    requests: [{
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      setupRequest: (req) => {
        const id = updateId++;
        const chat = 100_000 + id;
        return {
          ...req,
          body: JSON.stringify({
            update_id: id,
            message: { message_id: id, date: 1_763_000_000, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'B' }, text: questions[id % questions.length] },
          }),
        };
      },
    }],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  // The returned tracker is both an event emitter and a promise of the result.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => own.record(Math.max(1, Math.round(ms * 1000))));
  const result = await instance;
  const at = (p: number) => Number((own.percentile(p) / 1000).toFixed(1));
  return { result, perRequest: { p50: at(50), p90: at(90), p99: at(99), max: Number((own.max / 1000).toFixed(1)) } };
}

async function main(): Promise<void> {
  const rate = arg('rate', 1000);
  const duration = arg('duration', 30);
  const connections = arg('connections', 40);
  const warmup = arg('warmup', 5);
  const stub = await spawnRole('--stub');
  // --redis 1: the production set-up — durable turn queue, dedupe and rate limits on a real redis-server.
  const redis = arg('redis', 0) ? await startRedis() : null;
  // The generator's floor: the same load against the stub, which answers 200 and does nothing else.
  const floor = arg('floor', 1) ? await measure(`http://127.0.0.1:${stub.port}`, '/floor', rate, duration, connections) : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-webhooks-'));
  const { child, port } = await spawnRole('--server', {
    ...process.env,
    // Distinct chats, but a benchmark must not be throttled by the per-user limit either.
    CHANNEL_RATE_LIMIT_PER_MINUTE: '1000000',
    TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_API_ROOT: `http://127.0.0.1:${stub.port}`,
    DATA_DIR: dataDir, REDIS_URL: redis?.url ?? '',
  });

  // Warm-up (JIT, lazy bot init, connection pools), not measured: a running server is warm.
  const url = `http://127.0.0.1:${port}`;
  const warm = await measure(url, '/webhooks/telegram', Math.min(rate, 300), warmup, connections);
  child.send({ measure: true });
  const { result, perRequest } = await measure(url, '/webhooks/telegram', rate, duration, connections);

  const drained = await ask<{ drainMs: number; backlog: number; rss: number; loopDelayMs: Record<string, number>; answerMs: Record<string, number> }>(child, { drain: true }, 'drained');
  const { sent } = await ask<{ sent: number }>(stub.child, { count: true }, 'sent');
  rmSync(dataDir, { recursive: true, force: true });
  await redis?.stop();

  const non2xx = result.non2xx;
  process.stdout.write(`${JSON.stringify({
    bench: 'webhooks',
    channel: 'telegram',
    turnQueue: redis ? 'redis' : 'memory',
    channelConcurrency: Number(process.env.CHANNEL_CONCURRENCY ?? 8),
    target: { ratePerSecond: rate, durationSeconds: duration, p99Ms: 100, errors: 0 },
    connections,
    warmup: { seconds: warmup, requests: warm.result.requests.total, errors: warm.result.errors + warm.result.timeouts + warm.result.non2xx },
    requests: result.requests.total,
    ratePerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    latencyPerRequestMs: perRequest,
    generatorFloor: floor && {
      note: 'the same load against a server that only answers 200, in this run',
      latencyMs: { p50: floor.result.latency.p50, p90: floor.result.latency.p90, p99: floor.result.latency.p99, max: floor.result.latency.max },
      latencyPerRequestMs: floor.perRequest,
    },
    errors: result.errors + result.timeouts + non2xx,
    detail: { socketErrors: result.errors, timeouts: result.timeouts, non2xx, status2xx: result['2xx'] },
    replies: { sentToStub: sent, backlogWhenLoadStopped: drained.backlog, drainMs: drained.drainMs },
    serverRssMb: Math.round(drained.rss / 1024 / 1024),
    /** The same latency measured inside the server (request in to response written), free of the load generator's own delays. */
    serverAnswerMs: Object.fromEntries(Object.entries(drained.answerMs).map(([k, v]) => [k, Number(v.toFixed(2))])),
    /** How late the server's event loop ran its timers during the measured load (GC pauses, CPU starvation). */
    serverEventLoopDelayMs: Object.fromEntries(Object.entries(drained.loopDelayMs).map(([k, v]) => [k, Math.round(v)])),
    machine: { cpus: cpus().length, loadavg1m: Number(loadavg()[0].toFixed(2)), note: '2 cores shared with other engineers running builds and tests: figures taken under contention' },
  })}\n`);
}

if (process.argv.includes('--server')) await runServer();
else if (process.argv.includes('--stub')) runStub();
else await main();
