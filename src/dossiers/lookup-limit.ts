import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Limits on dossier lookups so codes cannot be enumerated and the last 4 digits of a phone
 * cannot be guessed: attempts are counted per user (channel user or API caller) and per network
 * address, and wrong contacts are counted per dossier code, whoever sends them. With 5 wrong
 * guesses per code per hour, guessing 4 digits (10,000 choices) would take months.
 *
 * The counters live in memory on the embedded default and in Redis when REDIS_URL is set
 * (src/store/dossier-rate-limit-redis.ts), so several instances share them.
 */
export interface LookupLimits {
  /** Attempts per user or address in `attemptWindowSeconds` (default 10 per 10 minutes). */
  attempts: number;
  attemptWindowSeconds: number;
  /** Wrong contacts per dossier code in `failureWindowSeconds` (default 5 per hour). */
  failuresPerCode: number;
  failureWindowSeconds: number;
}

export const defaultLookupLimits: LookupLimits = { attempts: 10, attemptWindowSeconds: 600, failuresPerCode: 5, failureWindowSeconds: 3600 };

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface LookupLimiter {
  /** Count one attempt against each key (e.g. `user:telegram:42`, `ip:1.2.3.4`). */
  attempt(keys: string[]): Promise<LimitVerdict>;
  /** Whether a code has had too many wrong contacts lately. */
  codeLocked(code: string): Promise<LimitVerdict>;
  /** Count a wrong contact against a code. */
  failure(code: string): Promise<void>;
}

export type LimiterFactory = (opts: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

export const memoryLimiterFactory: LimiterFactory = (opts) => new RateLimiterMemory(opts);

function verdict(err: unknown): LimitVerdict {
  if (err instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
  throw err; // the store failed: let the caller answer "hệ thống đang bận"
}

export function createLookupLimiter(make: LimiterFactory = memoryLimiterFactory, limits: LookupLimits = defaultLookupLimits): LookupLimiter {
  const attempts = make({ keyPrefix: 'dossier-attempt', points: limits.attempts, duration: limits.attemptWindowSeconds });
  const failures = make({ keyPrefix: 'dossier-failure', points: limits.failuresPerCode, duration: limits.failureWindowSeconds });
  return {
    async attempt(keys) {
      let worst: LimitVerdict = { allowed: true };
      for (const key of keys) {
        const v = await attempts.consume(key).then((): LimitVerdict => ({ allowed: true }), verdict);
        if (!v.allowed && (worst.allowed || v.retryAfterSeconds > worst.retryAfterSeconds)) worst = v;
      }
      return worst;
    },
    async codeLocked(code) {
      const res = await failures.get(code);
      if (res && res.consumedPoints >= limits.failuresPerCode) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
      }
      return { allowed: true };
    },
    async failure(code) {
      await failures.consume(code).catch((err) => { verdict(err); });
    },
  };
}
