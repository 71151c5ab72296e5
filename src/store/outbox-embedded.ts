import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UnavailableError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Notification } from '../notify/notification.js';
import type { OutboxEntry, OutboxStore } from '../notify/outbox-store.js';

/**
 * The embedded outbox: every change is a line appended to `DATA_DIR/outbox.jsonl` and fsynced
 * before the call resolves; the state is rebuilt from the file at start-up. Delivered entries are
 * dropped by the compaction that runs at start-up, so the file does not grow without bound.
 *
 * One process owns a DATA_DIR; claims (leases) are therefore kept in memory only. After a crash
 * every pending entry is due again at once, which is what at-least-once delivery wants.
 */
const notificationSchema = z.object({
  id: z.string(),
  channel: z.string(),
  userId: z.string(),
  text: z.string(),
  choices: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  kind: z.string(),
  ref: z.string().optional(),
  createdAt: z.string(),
});
const entrySchema = z.object({
  notification: notificationSchema,
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
const eventSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('entry'), entry: entrySchema }),
  z.object({ op: z.literal('sent'), id: z.string(), at: z.string() }),
  z.object({ op: z.literal('retry'), id: z.string(), attempts: z.number(), next: z.string(), error: z.string(), at: z.string() }),
  z.object({ op: z.literal('failed'), id: z.string(), attempts: z.number(), error: z.string(), at: z.string() }),
  z.object({ op: z.literal('requeue'), id: z.string(), at: z.string() }),
]);
type OutboxEvent = z.infer<typeof eventSchema>;

/** Delivered entries kept in memory for `get` (status checks); older ones are forgotten. */
const KEEP_SENT = 10_000;

export async function openEmbeddedOutboxStore(dataDir: string, log?: Logger): Promise<OutboxStore> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'outbox.jsonl');
  const entries = new Map<string, OutboxEntry>();
  const leases = new Map<string, number>();
  const sentOrder: string[] = [];

  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let event: OutboxEvent;
    try {
      event = eventSchema.parse(JSON.parse(line));
    } catch (err) {
      // A torn last line is what a crash mid-write leaves; it was never acknowledged.
      log?.warn({ file, line: i + 1, err: (err as Error).message }, 'outbox log line skipped');
      return;
    }
    apply(entries, event);
  });

  // Compaction: keep what is still pending or failed, write it to a new file, swap atomically.
  for (const [id, e] of entries) if (e.status === 'sent') entries.delete(id);
  const tmp = `${file}.tmp`;
  const out = await open(tmp, 'w');
  await out.writeFile([...entries.values()].map((entry) => `${JSON.stringify({ op: 'entry', entry })}\n`).join(''));
  await out.sync();
  await out.close();
  await rename(tmp, file);
  const dir = await open(dataDir, 'r');
  await dir.sync().catch(() => undefined);
  await dir.close();

  const writer = groupCommit(await open(file, 'a'));

  const write = async (event: OutboxEvent) => {
    try {
      await writer.append(`${JSON.stringify(event)}\n`);
    } catch (err) {
      throw new UnavailableError('outbox log', err);
    }
    apply(entries, event);
  };

  const list = (status: OutboxEntry['status'], limit: number, order: (a: OutboxEntry, b: OutboxEntry) => number) =>
    [...entries.values()].filter((e) => e.status === status).sort(order).slice(0, limit).map(copy);

  return {
    async add(notification: Notification, at: Date) {
      const entry: OutboxEntry = {
        notification, status: 'pending', attempts: 0, nextAttemptAt: at.toISOString(),
        lastError: null, updatedAt: at.toISOString(), sentAt: null,
      };
      await write({ op: 'entry', entry });
      return copy(entry);
    },
    async claimDue(now, channels, limit, leaseUntil) {
      const t = now.getTime();
      const wanted = new Set(channels);
      const due = [...entries.values()]
        .filter((e) => e.status === 'pending' && wanted.has(e.notification.channel)
          && Date.parse(e.nextAttemptAt) <= t && (leases.get(e.notification.id) ?? 0) <= t)
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
        .slice(0, limit);
      for (const e of due) leases.set(e.notification.id, leaseUntil.getTime());
      return due.map(copy);
    },
    async markSent(id, at) {
      leases.delete(id);
      if (!entries.has(id)) return;
      await write({ op: 'sent', id, at: at.toISOString() });
      sentOrder.push(id);
      if (sentOrder.length > KEEP_SENT) entries.delete(sentOrder.shift()!);
    },
    async markRetry(id, attempts, next, error, at) {
      leases.delete(id);
      if (entries.has(id)) await write({ op: 'retry', id, attempts, next: next.toISOString(), error, at: at.toISOString() });
    },
    async markFailed(id, attempts, error, at) {
      leases.delete(id);
      if (entries.has(id)) await write({ op: 'failed', id, attempts, error, at: at.toISOString() });
    },
    async get(id) {
      const e = entries.get(id);
      return e ? copy(e) : null;
    },
    failed: async (limit) => list('failed', limit, (a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    pending: async (limit) => list('pending', limit, (a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt)),
    async requeue(id, at) {
      const e = entries.get(id);
      if (!e || e.status !== 'failed') return null;
      await write({ op: 'requeue', id, at: at.toISOString() });
      return copy(entries.get(id)!);
    },
    ping: async () => !writer.broken(),
    close: () => writer.close(),
  };
}

function apply(entries: Map<string, OutboxEntry>, event: OutboxEvent): void {
  if (event.op === 'entry') {
    entries.set(event.entry.notification.id, { ...event.entry });
    return;
  }
  const e = entries.get(event.id);
  if (!e) return;
  e.updatedAt = event.at;
  if (event.op === 'sent') {
    e.status = 'sent';
    e.attempts += 1;
    e.sentAt = event.at;
  } else if (event.op === 'retry') {
    e.attempts = event.attempts;
    e.nextAttemptAt = event.next;
    e.lastError = event.error;
  } else if (event.op === 'failed') {
    e.status = 'failed';
    e.attempts = event.attempts;
    e.lastError = event.error;
  } else {
    e.status = 'pending';
    e.attempts = 0;
    e.nextAttemptAt = event.at;
  }
}

function copy(e: OutboxEntry): OutboxEntry {
  return { ...e, notification: { ...e.notification } };
}

/**
 * Appends with group commit: lines that arrive while a write+fsync is in progress are written
 * together by the next one, so a burst costs a few fsyncs instead of one each.
 */
function groupCommit(fh: FileHandle) {
  let queue: { line: string; resolve: () => void; reject: (err: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;
  let failed = false;

  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await fh.write(batch.map((b) => b.line).join(''));
        await fh.datasync();
        failed = false;
        for (const b of batch) b.resolve();
      } catch (err) {
        failed = true;
        for (const b of batch) b.reject(err);
      }
    }
    flushing = null;
  };

  return {
    append(line: string): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ line, resolve, reject });
        flushing ??= flush();
      });
    },
    broken: () => failed,
    async close() {
      if (flushing) await flushing;
      await fh.close();
    },
  };
}
