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

export function createWorkQueue(opts: { concurrency?: number; limit?: number; log?: Logger } = {}): WorkQueue {
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

  const pump = () => {
    while (running < concurrency && ready.length > 0) {
      const key = ready.shift()!;
      const tasks = perKey.get(key)!;
      const task = tasks[0];
      running++;
      // Start on a later turn of the event loop so webhook requests already waiting are acknowledged first.
      new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
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
    }
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
