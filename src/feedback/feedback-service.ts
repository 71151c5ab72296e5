import { AppError, NotFoundError, ValidationError } from '../errors.js';
import type { Logger } from '../log.js';
import { maskEmail, maskPhone } from '../log.js';
import type { NewNotification } from '../notify/notification.js';
import { contactMatches } from './contact.js';
import type { HolidaySet } from './holidays.js';
import {
  applyTransition, dueDate, forwardDeadline, initialState, isOverdue,
  type Actor, type Deadlines, type StaffRole, type TransitionInput,
} from './lifecycle.js';
import {
  codePattern, PENDING_CODE, submissionSchema,
  type FeedbackRecord, type FeedbackStatus,
} from './record.js';
import { feedbackCsv } from './report.js';
import type { FeedbackReceipt, FeedbackService, FeedbackStatusView, FeedbackSubmission } from './service.js';
import { fingerprint, similarCodes } from './similarity.js';
import { decoyHash, newStaffAccount, newToken, tokenDigest, verifyPassword, type StaffSession } from './staff.js';
import { statusMessage } from './status-message.js';
import type { FeedbackStore } from './store.js';
import { vnDate } from './working-days.js';

/** The notice version recorded when a caller (e.g. the public API) does not name one. */
export const DEFAULT_NOTICE_VERSION = 'pakn-notice-2025-1';
/** How many recent open records of the same procedure a new submission is compared with (bounded: this runs on every submission). */
const DUPLICATE_WINDOW = 50;
const PAGE_SIZE = 20;

export interface Notifier { enqueue(n: NewNotification): Promise<unknown> }

export interface FeedbackDeps {
  store: FeedbackStore;
  deadlines: Deadlines;
  holidays: HolidaySet;
  /** The outbox (src/notify); without one, status changes are stored but nobody is told. */
  notifier?: Notifier;
  log?: Logger;
  tokenTtlSeconds?: number;
  clock?: () => Date;
}

export interface StaffListQuery {
  status?: FeedbackStatus;
  q?: string;
  overdue?: boolean;
  page?: number;
}

/** A record as the staff queue shows it: contact masked, deadline state computed. */
export interface StaffListItem {
  code: string;
  status: FeedbackStatus;
  classification: string | null;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  procedureCode?: string;
  agency: string | null;
  excerpt: string;
  contact: { name: string; phone?: string; email?: string };
  similar: string[];
}

/**
 * The feedback desk: what citizens (through the API or the dialogue) and staff do with feedback.
 * Stores, notifier and clock are injected; lifecycle rules live in lifecycle.ts.
 */
export class FeedbackDesk implements FeedbackService {
  private readonly clock: () => Date;

  constructor(private readonly deps: FeedbackDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  get store(): FeedbackStore {
    return this.deps.store;
  }

  async submit(input: FeedbackSubmission, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<FeedbackReceipt> {
    const parsed = submissionSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      const message = issue?.code === 'unrecognized_keys'
        ? `Trường không được chấp nhận: ${(issue as { keys?: string[] }).keys?.join(', ')}.`
        : issue?.message ?? 'Dữ liệu phản ánh không hợp lệ.';
      throw new ValidationError(`invalid feedback submission (${field}: ${issue?.code})`, message,
        parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    }
    const s = parsed.data;
    const now = opts.now ?? this.clock();
    const at = now.toISOString();
    const start = initialState(s);
    const tokens = fingerprint(s.content);
    const similar = start.status === 'received'
      ? similarCodes(tokens, await this.deps.store.openCandidates(s.procedureCode, DUPLICATE_WINDOW))
      : [];
    const channel = s.channel ?? s.consentRecord?.channel ?? 'api';
    const record: FeedbackRecord = {
      code: PENDING_CODE, // first key: stores swap it for the allocated code
      version: 0,
      content: s.content,
      contact: { name: s.name, ...(s.phone ? { phone: s.phone } : {}), ...(s.email ? { email: s.email } : {}), ...(s.address ? { address: s.address } : {}) },
      consent: s.consentRecord ?? { noticeVersion: DEFAULT_NOTICE_VERSION, at, channel },
      channel,
      ...(s.channelUserId ? { channelUserId: s.channelUserId } : {}),
      ...(s.procedureCode ? { procedureCode: s.procedureCode } : {}),
      ...(s.dossierCode ? { dossierCode: s.dossierCode } : {}),
      public: s.public ?? false,
      status: start.status,
      classification: start.classification,
      agency: null,
      receivedAt: at,
      dueAt: dueDate(now, start.classification, this.deps.deadlines, this.deps.holidays).toISOString(),
      answer: null,
      history: [{ at, actor: 'citizen', action: 'submitted', status: start.status, ...(start.note ? { note: start.note } : {}) }],
      similar,
      updatedAt: at,
    };
    const year = Number(vnDate(now).slice(0, 4)); // the code's year is the Vietnamese year of receipt
    const { record: stored, created } = await this.deps.store.create({ record, year, tokens, idempotencyKey: opts.idempotencyKey });
    if (!created && (stored.content !== s.content || stored.contact.phone !== s.phone || stored.contact.email !== s.email)) {
      // Same key, different feedback: a client bug or a guessed key. Never hand out someone else's receipt.
      throw new AppError('idempotency_conflict', 'Idempotency-Key reused for a different submission',
        'Mã Idempotency-Key này đã được dùng cho một phản ánh khác; xin tạo mã mới cho mỗi phản ánh.', 422);
    }
    if (created) {
      this.deps.log?.info({ code: stored.code, status: stored.status, similar: stored.similar.length, channel }, 'feedback received');
    }
    return {
      code: stored.code,
      status: stored.history[0]?.status === 'rejected' ? 'rejected' : 'received',
      receivedAt: stored.receivedAt,
      dueAt: stored.dueAt,
    };
  }

  async statusFor(code: string, contact: string): Promise<FeedbackStatusView | null> {
    const normalized = code.trim().toUpperCase();
    if (!codePattern.test(normalized)) return null;
    const record = await this.deps.store.get(normalized);
    if (!record || !contactMatches(contact, record.contact)) return null;
    return {
      code: record.code,
      status: record.status,
      history: record.history
        .filter((h) => h.action !== 'linked')
        .map((h) => ({ status: h.status, at: h.at, ...(h.note ? { note: h.note } : {}) })),
      ...(record.answer ? { answer: record.answer } : {}),
    };
  }

  // --- staff ---

  async addStaff(username: string, role: StaffRole, password: string, now = this.clock()): Promise<void> {
    await this.deps.store.putStaff(await newStaffAccount(username, role, password, now));
  }

  /** A bearer token for valid credentials, null otherwise (same answer for unknown user and wrong password). */
  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; role: StaffRole } | null> {
    const account = await this.deps.store.getStaff(username);
    const ok = await verifyPassword(password, account?.passwordHash ?? decoyHash);
    if (!account || !ok) return null;
    const ttl = this.deps.tokenTtlSeconds ?? 8 * 3600;
    const { token, digest } = newToken();
    const expiresAt = new Date(this.clock().getTime() + ttl * 1000).toISOString();
    await this.deps.store.putSession(digest, { username: account.username, role: account.role, expiresAt }, ttl);
    this.deps.log?.info({ staff: account.username }, 'staff login');
    return { token, expiresAt, role: account.role };
  }

  async authenticate(token: string): Promise<StaffSession | null> {
    if (!token || token.length > 200) return null;
    const session = await this.deps.store.getSession(tokenDigest(token));
    if (!session || Date.parse(session.expiresAt) <= this.clock().getTime()) return null;
    return session;
  }

  async list(query: StaffListQuery): Promise<{ items: StaffListItem[]; total: number; page: number; pageSize: number }> {
    const now = this.clock();
    const page = Math.max(1, query.page ?? 1);
    const { items, total } = await this.deps.store.list({
      status: query.status, q: query.q?.trim() || undefined, overdueAt: query.overdue ? now : undefined,
      offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE,
    });
    return {
      items: items.map((r) => ({
        code: r.code, status: r.status, classification: r.classification, receivedAt: r.receivedAt, dueAt: r.dueAt,
        overdue: isOverdue(r, now), ...(r.procedureCode ? { procedureCode: r.procedureCode } : {}), agency: r.agency,
        excerpt: r.content.length > 200 ? `${r.content.slice(0, 197)}...` : r.content,
        contact: {
          name: r.contact.name,
          ...(r.contact.phone ? { phone: maskPhone(r.contact.phone) } : {}),
          ...(r.contact.email ? { email: maskEmail(r.contact.email) } : {}),
        },
        similar: r.similar,
      })),
      total, page, pageSize: PAGE_SIZE,
    };
  }

  /** The full record for the reviewer handling it (contact included: they must answer it). */
  async detail(code: string): Promise<FeedbackRecord & { overdue: boolean; forwardBy: string; linkedFrom: string[] }> {
    const record = await this.deps.store.get(code.trim().toUpperCase());
    if (!record) throw new NotFoundError(`feedback ${code}`, 'Không tìm thấy phản ánh với mã này.');
    return {
      ...record,
      linkedFrom: await this.deps.store.linkedFrom(record.code),
      overdue: isOverdue(record, this.clock()),
      forwardBy: forwardDeadline(new Date(record.receivedAt), this.deps.deadlines, this.deps.holidays).toISOString(),
    };
  }

  /**
   * Move a feedback to its next status (compare-and-set, retried when another reviewer got there
   * first), then tell the citizen through the outbox. The change is stored before the notice is
   * queued, so a failed notice never loses a change.
   */
  async transition(code: string, input: TransitionInput, actor: Actor): Promise<FeedbackRecord> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.deps.store.get(code.trim().toUpperCase());
      if (!current) throw new NotFoundError(`feedback ${code}`, 'Không tìm thấy phản ánh với mã này.');
      const next = applyTransition(current, input, actor, this.clock(), this.deps.deadlines, this.deps.holidays);
      if (!(await this.deps.store.update(next, current.version))) continue;
      this.deps.log?.info({ code: next.code, from: current.status, to: next.status, staff: actor.username }, 'feedback transition');
      await this.notify(next);
      return next;
    }
    throw new AppError('conflict', `feedback ${code} kept changing`, 'Phản ánh vừa được người khác cập nhật, xin bạn tải lại và thử lại.', 409);
  }

  private async notify(record: FeedbackRecord): Promise<void> {
    if (!this.deps.notifier || !record.channelUserId) return;
    try {
      await this.deps.notifier.enqueue({
        channel: record.channel, userId: record.channelUserId, text: statusMessage(record),
        kind: 'feedback_status', ref: record.code,
      });
    } catch (err) {
      this.deps.log?.error({ code: record.code, err: (err as Error).message }, 'feedback status notice could not be queued');
    }
  }

  /** CSV of everything received in [from, to) for the periodic report. */
  async exportCsv(from: Date, to: Date): Promise<string> {
    const all: FeedbackRecord[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { items, total } = await this.deps.store.list({ from, to, offset, limit: 1000 });
      all.push(...items);
      if (offset + 1000 >= total) break;
    }
    all.reverse(); // oldest first reads better in a report
    return feedbackCsv(all, this.clock());
  }
}

/** Deadlines from configuration (FEEDBACK_* variables, CONTRACTS.md §4 and docs/feedback.md). */
export function deadlinesFromConfig(config: {
  FEEDBACK_DUE_DAYS_THUOC_THAM_QUYEN: number; FEEDBACK_DUE_DAYS_HANH_VI: number; FEEDBACK_FORWARD_DAYS: number;
}): Deadlines {
  return {
    thuoc_tham_quyen: config.FEEDBACK_DUE_DAYS_THUOC_THAM_QUYEN,
    hanh_vi: config.FEEDBACK_DUE_DAYS_HANH_VI,
    khong_thuoc_tham_quyen: config.FEEDBACK_FORWARD_DAYS,
  };
}
