import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redis } from 'ioredis';

/**
 * Zalo lets an OA write to a person only after that person wrote: consultation messages are
 * free for 48 hours after the person's last message, and nothing may be sent once 7 days have
 * passed. The adapter records each person's last interaction so the outbox can tell, before
 * calling Zalo, whether a notification can still be delivered; one that cannot is reported as
 * undeliverable (staff see it among outbox failures) instead of being retried or silently lost.
 */
export const consultationWindowMs = 48 * 3600 * 1000;
export const outerWindowMs = 7 * 24 * 3600 * 1000;

export type MessagingWindow = 'consultation' | 'extended' | 'closed';

export function messagingWindow(lastInteraction: number | null, now: number): MessagingWindow {
  if (lastInteraction === null) return 'closed';
  const age = now - lastInteraction;
  if (age <= consultationWindowMs) return 'consultation';
  if (age <= outerWindowMs) return 'extended';
  return 'closed';
}

export interface InteractionLog {
  touch(userId: string, at: number): Promise<void>;
  last(userId: string): Promise<number | null>;
}

/** Embedded default: an append-only file replayed at start-up, with the map kept in memory. */
export function fileInteractionLog(path: string): InteractionLog {
  const last = new Map<string, number>();
  let loaded: Promise<void> | null = null;
  const load = () => (loaded ??= (async () => {
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const [user, at] = line.split('\t');
      if (user && at && Number(at) > (last.get(user) ?? 0)) last.set(user, Number(at));
    }
  })());
  return {
    async touch(userId, at) {
      await load();
      last.set(userId, at);
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${userId}\t${at}\n`);
    },
    async last(userId) {
      await load();
      return last.get(userId) ?? null;
    },
  };
}

export function redisInteractionLog(redis: Redis, prefix = 'zalo:oa:last:'): InteractionLog {
  return {
    async touch(userId, at) {
      await redis.set(`${prefix}${userId}`, String(at), 'PX', outerWindowMs);
    },
    async last(userId) {
      const v = await redis.get(`${prefix}${userId}`);
      return v === null ? null : Number(v);
    },
  };
}
