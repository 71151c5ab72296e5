import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/feedback/staff.js';
import { DataDirInUseError, EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';
import { StaffFile } from '../../src/store/feedback-staff-file.js';
import { RedisFeedbackStore } from '../../src/store/feedback-redis.js';
import { connectRedis, redisReady } from '../../src/store/redis.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';

const root = resolve(import.meta.dirname, '..', '..');
const cli = (args: string[], input: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root, input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });

describe('cli staff add (embedded)', () => {
  it('creates an account from a password on stdin, while the server could hold the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
    const holder = await EmbeddedFeedbackStore.open(dir); // the "server"
    try {
      const r = cli(['staff', 'add', 'quantri', '--role', 'admin'], 'mat-khau-rat-dai\n', { DATA_DIR: dir });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Đã tạo tài khoản quantri');
      const account = await holder.getStaff('quantri');
      expect(account).toMatchObject({ username: 'quantri', role: 'admin' });
      expect(await verifyPassword('mat-khau-rat-dai', account!.passwordHash)).toBe(true);
      expect(await verifyPassword('mat-khau-khac', account!.passwordHash)).toBe(false);
      expect(account!.passwordHash).not.toContain('mat-khau');
      expect(statSync(new StaffFile(dir).path).mode & 0o077).toBe(0);
    } finally {
      await holder.close();
    }
  });

  it.each([
    [['staff', 'add', 'canbo', '--role', 'admin'], 'ngan\n', 1, 'ít nhất 10 ký tự'],
    [['staff', 'add', 'Cán Bộ', '--role', 'reviewer'], 'mat-khau-rat-dai\n', 1, 'Tên đăng nhập'],
    [['staff', 'add', 'canbo', '--role', 'root'], 'mat-khau-rat-dai\n', 2, 'Cách dùng'],
    [['staff', 'remove', 'canbo'], '', 2, 'Cách dùng'],
  ])('%j is refused', (args, input, status, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
    const r = cli(args, input, { DATA_DIR: dir });
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
  });
});

describe('embedded store lock', () => {
  it('refuses a DATA_DIR owned by another live process, takes over a dead one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'feedback.lock'), String(process.ppid)); // alive, not us
    await expect(EmbeddedFeedbackStore.open(dir)).rejects.toBeInstanceOf(DataDirInUseError);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'feedback.lock'), String(dead));
    const store = await EmbeddedFeedbackStore.open(dir);
    await store.close();
  });
});

describe.skipIf(!hasRedis)('cli staff add (Redis)', () => {
  let redis: RedisServer;
  beforeAll(async () => { redis = await startRedis(); });
  afterAll(async () => { await redis.close(); });
  it('stores the account in Redis', async () => {
    const r = cli(['staff', 'add', 'canbo1'], 'mat-khau-rat-dai\n', { REDIS_URL: redis.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'x-')) });
    expect(r.status).toBe(0);
    const client = connectRedis(redis.url);
    await redisReady(client);
    const store = new RedisFeedbackStore(client);
    expect(await store.getStaff('canbo1')).toMatchObject({ role: 'reviewer' });
    await store.close();
  });
});
