import { isOpen } from './lifecycle.js';
import type { FeedbackRecord, FeedbackStatus } from './record.js';
import { fold } from './similarity.js';
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

/** Whether a record passes a list query's filters; both stores apply the same test. */
export function listFilter(query: ListQuery): (r: FeedbackRecord) => boolean {
  const q = query.q ? fold(query.q) : '';
  return (r) => {
    if (query.status && r.status !== query.status) return false;
    if (query.overdueAt && !(isOpen(r.status) && Date.parse(r.dueAt) < query.overdueAt.getTime())) return false;
    const at = Date.parse(r.receivedAt);
    if (query.from && at < query.from.getTime()) return false;
    if (query.to && at >= query.to.getTime()) return false;
    return !q || fold(`${r.code} ${r.content} ${r.agency ?? ''} ${r.procedureCode ?? ''}`).includes(q);
  };
}

/** Newest first, then one page of the query. */
export function listPage(matches: FeedbackRecord[], query: ListQuery): { items: FeedbackRecord[]; total: number } {
  matches.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.code.localeCompare(a.code));
  return { items: matches.slice(query.offset, query.offset + query.limit), total: matches.length };
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
