import {
  BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError, TimeoutStrategy,
  circuitBreaker, handleWhen, retry, timeout, wrap,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { UnavailableError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Dossier } from './dossier.js';
import { fromNationalRecord, nationalRecordSchema } from './national-record.js';
import type { DossierProvider } from './provider.js';

/**
 * The provincial one-stop system's dossier API (CONTRACTS.md §5):
 * `GET {base}/dossiers/{code}` with a bearer token, answering the national sync vocabulary.
 *
 * Provincial systems are slow at peak hours and sometimes down, and a citizen on a chat must
 * get an answer within seconds either way. So each attempt has a timeout; 5xx answers, timeouts
 * and network errors are retried with exponential backoff; after repeated failures a circuit
 * breaker stops calling for a while and answers "hệ thống đang bận" at once; and answers are
 * cached briefly, because a citizen often asks about the same dossier twice in a minute.
 */
export interface HttpProviderOptions {
  baseUrl: string;
  token?: string;
  log?: Logger;
  /** Per attempt (default 3 s). */
  timeoutMs?: number;
  /** For the whole lookup, retries included (default 7 s): a citizen on a chat should not wait longer. */
  totalTimeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay (default 200 ms), doubling up to `maxDelayMs` (default 2 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive failures that open the circuit (default 5), and how long it stays open (default 30 s). */
  breakerThreshold?: number;
  halfOpenAfterMs?: number;
  /** How long answers (and unknown codes) are remembered (default 60 s); 0 turns the cache off. */
  cacheTtlMs?: number;
  fetch?: typeof fetch;
}

/** Worth another attempt: the system is overloaded or unreachable, not wrong. */
class TransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientError';
  }
}

export function createHttpProvider(opts: HttpProviderOptions): DossierProvider {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const log = opts.log;
  const cacheTtl = opts.cacheTtlMs ?? 60_000;
  const cache = cacheTtl > 0 ? new LRUCache<string, { dossier: Dossier | null }>({ max: 1_000, ttl: cacheTtl }) : null;

  const transient = handleWhen((err) => err instanceof TransientError || err instanceof TaskCancelledError);
  const retryPolicy = retry(transient, {
    maxAttempts: opts.retries ?? 2,
    backoff: new ExponentialBackoff({ initialDelay: opts.baseDelayMs ?? 200, maxDelay: opts.maxDelayMs ?? 2_000 }),
  });
  const breaker = circuitBreaker(transient, {
    halfOpenAfter: opts.halfOpenAfterMs ?? 30_000,
    breaker: new ConsecutiveBreaker(opts.breakerThreshold ?? 5),
  });
  const perAttempt = timeout(opts.timeoutMs ?? 3_000, TimeoutStrategy.Aggressive);
  const overall = timeout(opts.totalTimeoutMs ?? 7_000, TimeoutStrategy.Aggressive);
  const policy = wrap(overall, retryPolicy, breaker, perAttempt);
  retryPolicy.onRetry((e) => log?.warn({ provider: 'http', attempt: e.attempt, delay: e.delay, err: 'error' in e ? e.error.message : undefined }, 'dossier provider retry'));
  breaker.onBreak(() => log?.warn({ provider: 'http' }, 'dossier provider circuit opened'));
  breaker.onReset(() => log?.info({ provider: 'http' }, 'dossier provider circuit closed'));

  async function attempt(code: string, signal: AbortSignal): Promise<Dossier | null> {
    let res: Response;
    try {
      res = await doFetch(`${base}/dossiers/${encodeURIComponent(code)}`, {
        headers: { accept: 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
        signal,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new TransientError(`network: ${(err as Error).message}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status >= 500 || res.status === 429) {
      await res.body?.cancel();
      throw new TransientError(`status ${res.status}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`status ${res.status}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new Error('malformed JSON');
    }
    const parsed = nationalRecordSchema.safeParse(body);
    if (!parsed.success) {
      throw new Error(`unexpected answer: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return fromNationalRecord(parsed.data);
  }

  return {
    name: 'http',
    async find(code, findOpts) {
      const cached = findOpts?.fresh ? undefined : cache?.get(code);
      if (cached) return cached.dossier;
      try {
        const dossier = await policy.execute(({ signal }) => attempt(code, signal));
        cache?.set(code, { dossier });
        return dossier;
      } catch (err) {
        const reason = err instanceof BrokenCircuitError ? 'circuit open'
          : err instanceof TaskCancelledError ? 'timed out' : (err as Error).message;
        log?.warn({ provider: 'http', err: reason }, 'dossier provider unavailable');
        throw new UnavailableError('dossier provider', new Error(reason));
      }
    },
    async ready() {
      return breaker.state !== CircuitState.Open && breaker.state !== CircuitState.Isolated;
    },
  };
}
