/**
 * Feedback submissions per second and latency on loopback, embedded store then Redis.
 * The server runs as a child process (`node --import tsx src/cli.ts serve`, LOG_LEVEL=warn),
 * autocannon drives it from this process. Prints one JSON object.
 *
 *   npx tsx bench/feedback.ts [--duration 10] [--connections 32]
 *
 * Figures depend on the machine: on the shared 2-core box other engineers' builds and tests
 * compete for the same cores, so treat them as lower bounds.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { freePort, hasRedis, startRedis } from '../test/support/redis.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 32);
const root = resolve(import.meta.dirname, '..');

const bodies = Array.from({ length: 16 }, (_, i) => JSON.stringify({
  content: `Phản ánh ${i}: tôi nộp hồ sơ tại bộ phận một cửa ${['xã', 'huyện', 'tỉnh'][i % 3]} từ ngày ${i + 1}/11 nhưng đến nay vẫn chưa nhận được kết quả, cán bộ không giải thích lý do chậm trễ.`,
  name: `Người dân ${i}`, phone: `09${String(12_345_600 + i)}`, consent: true,
  ...(i % 2 ? { procedureCode: `1.00${1000 + (i % 5)}` } : {}),
}));

async function serverUp(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(label: string, env: Record<string, string>) {
  const port = await freePort();
  const knowledge = mkdtempSync(join(tmpdir(), 'bench-knowledge-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KNOWLEDGE_DIR: knowledge, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await serverUp(url, child);
    let n = 0;
    // Warm-up (JIT, connection pools), not measured.
    await autocannon({ url: `${url}/api/feedback`, method: 'POST', connections: 8, amount: 500, headers: { 'content-type': 'application/json' }, body: bodies[0] });
    const result = await autocannon({
      url: `${url}/api/feedback`, connections, duration,
      requests: [{
        method: 'POST', headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length], headers: { ...req.headers, 'idempotency-key': `bench-${label}-${n}` } }),
      }],
    });
    return {
      store: label,
      submissionsPerSecond: Math.round(result.requests.average),
      total2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(knowledge, { recursive: true, force: true });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-feedback-'));
const results = [await run('embedded', { DATA_DIR: dataDir })];
rmSync(dataDir, { recursive: true, force: true });
if (hasRedis) {
  const redis = await startRedis();
  try {
    results.push(await run('redis', { DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-feedback-r-')), REDIS_URL: redis.url }));
  } finally {
    await redis.close();
  }
}
process.stdout.write(`${JSON.stringify({
  bench: 'feedback', durationSeconds: duration, connections, cpus: (await import('node:os')).cpus().length,
  note: 'loopback, server and load generator on the same shared 2-core machine under contention from other engineers',
  results,
})}\n`);
