import type { Logger } from '../src/log.js';
import type { DedupeStore } from '../src/store/dedupe-store.js';
import { createWorkQueue } from './work-queue.js';

/**
 * A turn waiting for the assistant, as data rather than a closure: with REDIS_URL set it is
 * written to Redis before the webhook answers 200, so whichever process consumes it, possibly
 * after the one that acknowledged it died, can still run it.
 */
export interface TurnJob {
  /** The channel whose registered handler runs it ('telegram', 'zalo'...). */
  channel: string;
  /** Jobs with the same key run one after another in push order: one person's messages. */
  key: string;
  /** JSON-serializable: the validated update or event, plus whatever the handler needs. */
  payload: unknown;
}

/** Runs one job's payload; a rejection is logged and the job dropped (no retries, as for a closure). */
export type TurnHandler = (payload: unknown) => Promise<void>;

/** A platform's delivery id, remembered for `ttlSeconds` so its redelivery is recognised. */
export interface Delivery {
  id: string;
  ttlSeconds: number;
}

/** 'full': answer 503 and the platform retries; the delivery was not marked as seen. */
export type PushResult = 'queued' | 'duplicate' | 'full';

/**
 * Where webhooks leave turns for the assistant (docs/turn-queue.md). Work for one key runs in
 * order, different keys concurrently up to the configured concurrency; `limit` bounds what may
 * wait, so a flood becomes 503s that the platform retries instead of unbounded growth.
 */
export interface TurnQueue {
  /** Called once per channel when the channel is created; a later call for the same channel replaces it. */
  register(channel: string, handler: TurnHandler): void;
  /**
   * Store a job unless its delivery was seen before. The delivery is marked in the same step as
   * the job is stored, so a 'full' answer or a failure (UnavailableError: 503) leaves the
   * platform's retry free to be queued. The webhook answers 200 only after this resolves.
   */
  push(job: TurnJob, delivery?: Delivery): Promise<PushResult>;
  /** False while a push would be refused as full: a cheap check before any work. */
  hasRoom(): boolean;
  /** Resolves when nothing is queued or running (tests and the load test wait on it). */
  idle(): Promise<void>;
  /** Start consuming (the Redis queue takes shards; the in-memory one always runs). */
  start(): void;
  /** Stop taking work and let what runs here settle; in memory that means running everything queued. */
  stop(): Promise<void>;
  /** Jobs this process holds (in memory: queued and running; on Redis: claimed and running here). */
  readonly size: number;
}

export interface MemoryTurnQueueOptions {
  dedupe: DedupeStore;
  concurrency?: number;
  limit?: number;
  log?: Logger;
}

/**
 * The embedded default: the in-process WorkQueue (bots/work-queue.ts, with its event-loop-aware
 * scheduling) running registered handlers. Nothing survives a restart, as before.
 */
export function createMemoryTurnQueue(opts: MemoryTurnQueueOptions): TurnQueue {
  const limit = opts.limit ?? 10_000;
  const work = createWorkQueue({ concurrency: opts.concurrency, limit, log: opts.log });
  const handlers = new Map<string, TurnHandler>();
  // Pushes waiting on the dedupe store hold a place, so the push after it can never be refused
  // once the delivery has been marked as seen.
  let reserved = 0;
  return {
    register(channel, handler) {
      handlers.set(channel, handler);
    },
    async push(job, delivery) {
      const handler = handlers.get(job.channel);
      if (!handler) throw new Error(`no turn handler registered for channel ${job.channel}`);
      if (work.size + reserved >= limit) return 'full';
      reserved++;
      let first = true;
      try {
        if (delivery) first = await opts.dedupe.first(delivery.id, delivery.ttlSeconds);
      } finally {
        reserved--;
      }
      if (!first) return 'duplicate';
      work.push(job.key, () => handler(job.payload));
      return 'queued';
    },
    hasRoom: () => work.size + reserved < limit,
    idle: () => work.idle(),
    start() {},
    stop: () => work.idle(),
    get size() {
      return work.size;
    },
  };
}
