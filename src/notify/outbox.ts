import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ChannelName } from '../assistant/turn.js';
import { UndeliverableError, type NewNotification, type Notification, type Sender } from './notification.js';
import type { OutboxEntry, OutboxStore } from './outbox-store.js';
import { retryDelay } from './backoff.js';

/**
 * The outbox: messages to citizens that are not answers to their last turn (a feedback status
 * change, a dossier result). The domain enqueues; the notification is durable before `enqueue`
 * resolves, so a status change is never lost even when the channel is down. Each channel adapter
 * registers a sender at start-up (main.ts wires them), which keeps src/ free of bots/.
 *
 * Delivery is at least once: retried with exponential backoff and jitter until it succeeds,
 * the sender says retrying cannot help (UndeliverableError), or `maxAttempts` is reached; then
 * the entry is listed for staff by `failed()` and can be put back with `retry(id)`.
 */
export interface OutboxOptions {
  store: OutboxStore;
  log: Logger;
  /** Attempts before giving up (default 15: about 2 to 4 hours of retries with the default delays). */
  maxAttempts?: number;
  /** Delay after the first failure; doubles each time (default 2 s). */
  baseDelayMs?: number;
  /** Ceiling of a single delay (default 1 h). */
  maxDelayMs?: number;
  /** How often the loop looks for due entries when nothing wakes it (default 1 s). */
  pollMs?: number;
  /** A send that takes longer is abandoned and retried (default 15 s). */
  sendTimeoutMs?: number;
  /** Entries handed out per pass (default 50). */
  batchSize?: number;
  now?: () => Date;
  random?: () => number;
}

export interface DeliveryPass {
  sent: number;
  retried: number;
  failed: number;
}

export interface Outbox {
  enqueue(n: NewNotification): Promise<Notification>;
  registerSender(channel: ChannelName, sender: Sender): void;
  /** Channels that currently have a sender. */
  channels(): string[];
  start(): void;
  /** Stop the loop and wait for the pass in flight. */
  stop(): Promise<void>;
  /** One delivery pass over due entries; the loop calls it, tests call it with a fake clock. */
  deliverDue(): Promise<DeliveryPass>;
  get(id: string): Promise<OutboxEntry | null>;
  failed(limit?: number): Promise<OutboxEntry[]>;
  pending(limit?: number): Promise<OutboxEntry[]>;
  /** Put a failed notification back in the queue; null when it is unknown or not failed. */
  retry(id: string): Promise<OutboxEntry | null>;
}

const newNotificationSchema = z.object({
  channel: z.string().min(1).max(40),
  userId: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
  choices: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) })).max(10).optional(),
  kind: z.string().min(1).max(60),
  ref: z.string().min(1).max(100).optional(),
}).strict();

export function createOutbox(opts: OutboxOptions): Outbox {
  const { store, log } = opts;
  const maxAttempts = opts.maxAttempts ?? 15;
  const baseDelayMs = opts.baseDelayMs ?? 2_000;
  const maxDelayMs = opts.maxDelayMs ?? 3_600_000;
  const pollMs = opts.pollMs ?? 1_000;
  const sendTimeoutMs = opts.sendTimeoutMs ?? 15_000;
  const batchSize = opts.batchSize ?? 50;
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const senders = new Map<string, Sender>();

  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: Promise<unknown> | null = null;
  let again = false;

  async function deliverOne(entry: OutboxEntry, sender: Sender, pass: DeliveryPass): Promise<void> {
    const n = entry.notification;
    const attempts = entry.attempts + 1;
    try {
      await withTimeout(sender(n), sendTimeoutMs);
      await store.markSent(n.id, now());
      pass.sent++;
      log.info({ outbox: n.id, channel: n.channel, kind: n.kind, attempts }, 'notification delivered');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof UndeliverableError || attempts >= maxAttempts) {
        await store.markFailed(n.id, attempts, message, now());
        pass.failed++;
        log.warn({ outbox: n.id, channel: n.channel, kind: n.kind, attempts, err: message }, 'notification undeliverable');
      } else {
        const next = new Date(now().getTime() + retryDelay(attempts, baseDelayMs, maxDelayMs, random));
        await store.markRetry(n.id, attempts, next, message, now());
        pass.retried++;
        log.info({ outbox: n.id, channel: n.channel, attempts, next: next.toISOString(), err: message }, 'notification delivery will be retried');
      }
    }
  }

  async function deliverDue(): Promise<DeliveryPass> {
    const pass: DeliveryPass = { sent: 0, retried: 0, failed: 0 };
    const channels = [...senders.keys()];
    if (channels.length === 0) return pass;
    const at = now();
    // The lease outlives the slowest allowed send, so nobody else takes an entry still being sent.
    const leaseUntil = new Date(at.getTime() + sendTimeoutMs * 2);
    const due = await store.claimDue(at, channels, batchSize, leaseUntil);
    await Promise.all(due.map(async (entry) => {
      const sender = senders.get(entry.notification.channel);
      if (!sender) return; // unregistered meanwhile: the lease runs out and it stays pending
      await deliverOne(entry, sender, pass).catch((err: Error) =>
        log.warn({ outbox: entry.notification.id, err: err.message }, 'outbox store failed while recording a delivery'));
    }));
    return pass;
  }

  /** Run passes back to back while they find work, then wait for the next poll or wake-up. */
  function loop(): void {
    if (!running || inFlight) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    again = false;
    inFlight = (async () => {
      try {
        let pass = await deliverDue();
        while (running && (again || pass.sent + pass.retried + pass.failed >= batchSize)) {
          again = false;
          pass = await deliverDue();
        }
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'outbox pass failed; will try again');
      } finally {
        inFlight = null;
        if (running) timer = setTimeout(loop, again ? 0 : pollMs); // woken during the last pass: go again now
      }
    })();
  }

  return {
    async enqueue(input) {
      const parsed = newNotificationSchema.safeParse(input);
      if (!parsed.success) {
        throw new ValidationError(`invalid notification: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          'Thông báo không hợp lệ.', parsed.error.issues);
      }
      const at = now();
      const notification: Notification = { ...parsed.data, id: randomUUID(), createdAt: at.toISOString() };
      await store.add(notification, at);
      if (running && senders.has(notification.channel)) loop();
      return notification;
    },
    registerSender(channel, sender) {
      senders.set(channel, sender);
      if (running) loop();
    },
    channels: () => [...senders.keys()],
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      if (inFlight) await inFlight;
    },
    deliverDue,
    get: (id) => store.get(id),
    failed: (limit = 100) => store.failed(limit),
    pending: (limit = 100) => store.pending(limit),
    async retry(id) {
      const entry = await store.requeue(id, now());
      if (entry) {
        log.info({ outbox: id }, 'failed notification put back in the queue');
        if (running) loop();
      }
      return entry;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let t: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new Error(`sender did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}
