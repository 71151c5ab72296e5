import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { UnavailableError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';

/**
 * The Zalo OA access token lives about 25 hours and is renewed with a refresh token that can be
 * used exactly once: the answer carries the next refresh token, which must be saved before
 * anything else, or the OA is locked out until someone re-authorizes it by hand. Hence:
 * one refresh at a time (a Redis lock across instances, a promise chain within one), the pair
 * re-read after taking the lock (another instance may have refreshed already), and the new pair
 * persisted (Redis or a DATA_DIR file) before it is used.
 */
export interface TokenPair { accessToken: string; refreshToken: string; expiresAt: number }

export interface TokenStore {
  get(): Promise<TokenPair | null>;
  set(pair: TokenPair): Promise<void>;
}

export interface RefreshLock {
  /** Run `fn` while holding the lock. */
  with<T>(fn: () => Promise<T>): Promise<T>;
}

const pairSchema = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1), expiresAt: z.number() });

export function fileTokenStore(path: string): TokenStore {
  return {
    async get() {
      const text = await readFile(path, 'utf8').catch(() => null);
      if (!text) return null;
      const parsed = pairSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    async set(pair) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(pair), { mode: 0o600 });
      const fh = await open(tmp, 'r+');
      await fh.sync();
      await fh.close();
      await rename(tmp, path);
    },
  };
}

export function redisTokenStore(redis: Redis, key = 'zalo:oa:token'): TokenStore {
  return {
    async get() {
      const text = await redis.get(key);
      if (!text) return null;
      const parsed = pairSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    async set(pair) {
      await redis.set(key, JSON.stringify(pair));
    },
  };
}

export function processLock(): RefreshLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    with(fn) {
      const run = tail.then(fn, fn);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** A lease in Redis (SET NX PX) so only one instance spends the refresh token; released only by its holder. */
export function redisLock(redis: Redis, key = 'zalo:oa:token:lock', leaseMs = 15_000, waitMs = 20_000): RefreshLock {
  const local = processLock();
  return {
    with(fn) {
      return local.with(async () => {
        const me = randomUUID();
        const deadline = Date.now() + waitMs;
        while ((await redis.set(key, me, 'PX', leaseMs, 'NX')) !== 'OK') {
          if (Date.now() > deadline) throw new UnavailableError('zalo token refresh lock');
          await new Promise((r) => setTimeout(r, 100));
        }
        try {
          return await fn();
        } finally {
          await redis.eval(releaseScript, 1, key, me).catch(() => undefined);
        }
      });
    },
  };
}

const refreshAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

export interface ZaloTokens {
  /** The current access token (refreshed first when known to be expired). */
  access(): Promise<string>;
  /** Called after Zalo rejected `stale`; returns a fresh token, refreshing only if nobody else did. */
  renew(stale: string): Promise<string>;
}

export function createZaloTokens(opts: {
  appId: string;
  appSecret: string;
  oauthRoot: string;
  initial: { accessToken?: string; refreshToken?: string };
  store: TokenStore;
  lock: RefreshLock;
  log: Logger;
  now?: () => number;
}): ZaloTokens {
  const now = opts.now ?? Date.now;
  let cached: TokenPair | null = null;

  const load = async (): Promise<TokenPair | null> => {
    const stored = await opts.store.get();
    if (stored) return (cached = stored);
    if (opts.initial.refreshToken) {
      // First start: the configured pair; its expiry is unknown, so trust it until Zalo says otherwise.
      return (cached = { accessToken: opts.initial.accessToken ?? '', refreshToken: opts.initial.refreshToken, expiresAt: Number.MAX_SAFE_INTEGER });
    }
    return null;
  };

  const refresh = (stale: string | null) => opts.lock.with(async () => {
    const current = await load();
    if (!current) throw new UnavailableError('zalo oa token (no refresh token configured)');
    // Someone else refreshed while we waited for the lock.
    if (current.accessToken && current.accessToken !== stale && current.expiresAt > now()) return current.accessToken;
    const body = new URLSearchParams({ app_id: opts.appId, grant_type: 'refresh_token', refresh_token: current.refreshToken });
    let answer: unknown;
    try {
      const res = await fetch(`${opts.oauthRoot.replace(/\/$/, '')}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: opts.appSecret },
        body,
      });
      answer = await res.json();
    } catch (err) {
      throw new UnavailableError('zalo oauth', err);
    }
    const parsed = refreshAnswer.safeParse(answer);
    if (!parsed.success) {
      opts.log.error({ answer: describe(answer) }, 'zalo token refresh refused; the OA may need to be re-authorized');
      throw new UnavailableError('zalo oauth refresh');
    }
    // Renew a little early so a token never expires between the check and the call.
    const pair: TokenPair = {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: now() + (parsed.data.expires_in - 300) * 1000,
    };
    await opts.store.set(pair);
    cached = pair;
    opts.log.info({ expiresInSeconds: parsed.data.expires_in }, 'zalo access token refreshed');
    return pair.accessToken;
  });

  return {
    async access() {
      const pair = cached ?? (await load());
      if (pair && pair.accessToken && pair.expiresAt > now()) return pair.accessToken;
      return refresh(pair?.accessToken ?? null);
    },
    renew: (stale) => refresh(stale),
  };
}

function describe(answer: unknown): unknown {
  if (answer && typeof answer === 'object') {
    const { error, error_name, error_description, message } = answer as Record<string, unknown>;
    return { error, error_name, error_description, message };
  }
  return typeof answer;
}
