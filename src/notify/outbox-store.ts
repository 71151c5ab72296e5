import type { Notification } from './notification.js';

/**
 * Where the outbox keeps notifications until they are delivered. Two implementations pass the
 * same contract tests: the embedded one (append-only JSONL under DATA_DIR) and Redis.
 */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  notification: Notification;
  status: OutboxStatus;
  /** Delivery attempts made so far. */
  attempts: number;
  /** When the next attempt may start (ISO); meaningful while pending. */
  nextAttemptAt: string;
  /** The sender's last error, kept so staff can see why a delivery failed. */
  lastError: string | null;
  updatedAt: string;
  sentAt: string | null;
}

export interface OutboxStore {
  /** Durable before it resolves: the notification survives a crash from then on. */
  add(notification: Notification, at: Date): Promise<OutboxEntry>;
  /**
   * Take up to `limit` pending entries of the given channels that are due at `now`, and hide them
   * from other claimers until `leaseUntil`. The claim is atomic, so two instances sharing a store
   * never hand the same entry to two senders at once; an instance that dies mid-send lets the
   * lease run out and the entry is tried again (delivery is at least once).
   */
  claimDue(now: Date, channels: string[], limit: number, leaseUntil: Date): Promise<OutboxEntry[]>;
  markSent(id: string, at: Date): Promise<void>;
  /** Record a failed attempt and when to try again. */
  markRetry(id: string, attempts: number, nextAttemptAt: Date, error: string, at: Date): Promise<void>;
  /** Give up: the entry leaves the delivery queue and shows in `failed()` for staff. */
  markFailed(id: string, attempts: number, error: string, at: Date): Promise<void>;
  get(id: string): Promise<OutboxEntry | null>;
  /** Failed entries, most recent first. */
  failed(limit: number): Promise<OutboxEntry[]>;
  /** Pending entries (due or not), oldest first; for staff visibility and tests. */
  pending(limit: number): Promise<OutboxEntry[]>;
  /** Put a failed entry back in the queue with a fresh attempt count; null when not failed/unknown. */
  requeue(id: string, at: Date): Promise<OutboxEntry | null>;
  /** True when the store answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
