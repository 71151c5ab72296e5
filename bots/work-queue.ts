import { performance } from 'node:perf_hooks';
import type { Logger } from '../src/log.js';

/**
 * Webhooks must be answered fast (Zalo gives 2 seconds, Telegram retries slow ones), so the
 * route only checks, deduplicates and enqueues; the assistant runs here. Work for one person
 * runs in order (their second message is answered after their first), different people run
 * concurrently up to `concurrency`. `limit` bounds what may wait, so a flood turns into 503s
 * that the platform retries instead of unbounded memory.
 */
export interface WorkQueue {
  /** False when the queue is full; the caller answers 503 so the platform retries later. */
  push(key: string, task: () => Promise<void>): boolean;
  /** Resolves when nothing is queued or running (tests and shutdown wait on it). */
  idle(): Promise<void>;
  /** True while a push would be accepted; checked before a delivery is marked as seen. */
  hasRoom(): boolean;
  readonly size: number;
}

export function createWorkQueue(opts: { concurrency?: number; limit?: number; busyLagMs?: number; log?: Logger } = {}): WorkQueue {
  const concurrency = opts.concurrency ?? 16;
  const limit = opts.limit ?? 10_000;
  const perKey = new Map<string, Array<() => Promise<void>>>();
  const ready: string[] = [];
  let running = 0;
  let size = 0;
  let waiters: Array<() => void> = [];

  const settle = () => {
    if (size === 0) {
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    }
  };

  const start = (key: string) => {
    const tasks = perKey.get(key)!;
    running++;
    tasks[0]()
      .catch((err: unknown) => opts.log?.error({ err, key: key.split(':')[0] }, 'channel task failed'))
      .finally(() => {
        running--;
        size--;
        tasks.shift();
        if (tasks.length > 0) ready.push(key);
        else perKey.delete(key);
        pump();
        settle();
      });
  };

  // At most one task starts per turn of the event loop, after the webhooks already waiting have
  // been acknowledged. Up to `concurrency` tasks may wait on channel APIs at once (their latency is
  // what limits throughput in production), but while the loop is busy (a burst of webhooks: the
  // time from scheduling to running a turn exceeds `busyLagMs`) only one runs, so the assistant's
  // CPU work never delays acknowledgements; the backlog waits in the queue instead.
  let scheduled = false;
  let lagMs = 0;
  const busyLagMs = opts.busyLagMs ?? 2;
  const pump = () => {
    const allowed = lagMs > busyLagMs ? 1 : concurrency;
    if (scheduled || running >= allowed || ready.length === 0) return;
    scheduled = true;
    const asked = performance.now();
    setImmediate(() => {
      scheduled = false;
      // A smoothed measure of how long the loop takes to come back to us.
      lagMs = lagMs * 0.5 + (performance.now() - asked) * 0.5;
      if (running < (lagMs > busyLagMs ? 1 : concurrency) && ready.length > 0) start(ready.shift()!);
      pump();
    });
  };

  return {
    push(key, task) {
      if (size >= limit) return false;
      size++;
      const tasks = perKey.get(key);
      if (tasks) tasks.push(task);
      else {
        perKey.set(key, [task]);
        ready.push(key);
      }
      pump();
      return true;
    },
    idle() {
      if (size === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    hasRoom() {
      return size < limit;
    },
    get size() {
      return size;
    },
  };
}
