import type { FeedbackRecord, FeedbackStatus } from './record.js';
import type { StaffAccount, StaffSession } from './staff.js';

/**
 * Storage of feedback and staff accounts. Two implementations (src/store/feedback-redis.ts,
 * src/store/feedback-embedded.ts) pass one contract suite (test/feedback/store-contract.test.ts).
 * Every method that cannot reach its store throws UnavailableError (503).
 */
export interface NewFeedback {
  /** The record with `code` = PENDING_CODE; the store fills in the allocated code. */
  record: FeedbackRecord;
  /** Year of the sequence (Vietnamese local year of receipt). */
  year: number;
  /** Folded tokens for duplicate detection while the record is open. */
  tokens: string[];
  idempotencyKey?: string;
}

export interface ListQuery {
  status?: FeedbackStatus;
  /** Only open records whose due date is before this instant. */
  overdueAt?: Date;
  /** Folded-text filter over content, code, agency and procedure code. */
  q?: string;
  /** receivedAt within [from, to). */
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

export interface FeedbackStore {
  readonly kind: 'redis' | 'embedded';
  /**
   * Allocate the next `PA-<year>-<6 digits>` code and store the record atomically, durable
   * before it resolves. With an idempotency key already used, returns the first record and
   * `created: false` and stores nothing.
   */
  create(input: NewFeedback): Promise<{ record: FeedbackRecord; created: boolean }>;
  get(code: string): Promise<FeedbackRecord | null>;
  /**
   * Replace a record if its stored version is still `expectedVersion` (compare-and-set), keeping
   * the indexes and the event stream in step. Returns false when someone else changed it first.
   */
  update(record: FeedbackRecord, expectedVersion: number): Promise<boolean>;
  /** Newest first. */
  list(query: ListQuery): Promise<{ items: FeedbackRecord[]; total: number }>;
  /** Codes of later feedback that was linked to this one as a near duplicate (the reverse of `similar`). */
  linkedFrom(code: string): Promise<string[]>;
  /** Fingerprints of the most recent open records about the same procedure (undefined: none named). */
  openCandidates(procedureCode: string | undefined, limit: number): Promise<{ code: string; tokens: string[] }[]>;

  putStaff(account: StaffAccount): Promise<void>;
  getStaff(username: string): Promise<StaffAccount | null>;
  putSession(digest: string, session: StaffSession, ttlSeconds: number): Promise<void>;
  getSession(digest: string): Promise<StaffSession | null>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}
