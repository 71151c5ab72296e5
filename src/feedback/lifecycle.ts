import { AppError, ValidationError } from '../errors.js';
import type { HolidaySet } from './holidays.js';
import type { Classification, FeedbackRecord, FeedbackStatus } from './record.js';
import { openStatuses } from './record.js';
import { addWorkingDays, endOfVnDay } from './working-days.js';

/**
 * The legal lifecycle of a feedback (Decree 20/2008/NĐ-CP on receiving and handling feedback
 * on administrative regulations, as amended by Decree 92/2017/NĐ-CP):
 *
 *   received ──> processing ──> answered ──> published (admin)
 *      │  │           │  ▲          │
 *      │  │           │  └──────────┘ reopen (admin)
 *      │  └──> forwarded ──> answered (the competent agency's answer relayed)
 *      └──> rejected (khong_tiep_nhan)      received/processing/forwarded ──> withdrawn
 *
 * Pure: no clock, no store. The service passes `now` and stores what comes back.
 */
export type StaffRole = 'reviewer' | 'admin';
export interface Actor { username: string; role: StaffRole }

/** Answer deadlines, in working days from receipt; configuration with legal defaults. */
export interface Deadlines {
  /** Feedback within the province's competence: 10 working days by default. */
  thuoc_tham_quyen: number;
  /** Feedback about officials' conduct: 10 working days by default. */
  hanh_vi: number;
  /** Not the province's: must be forwarded to the competent agency within 5 working days. */
  khong_thuoc_tham_quyen: number;
}
export const defaultDeadlines: Deadlines = { thuoc_tham_quyen: 10, hanh_vi: 10, khong_thuoc_tham_quyen: 5 };

export interface TransitionInput {
  to: FeedbackStatus;
  note?: string;
  agency?: string;
  classification?: Classification;
}

interface Rule {
  from: readonly FeedbackStatus[];
  role: StaffRole;
}

/** Who may move a feedback where. Anything not listed is refused with 409. */
export const transitions: Record<FeedbackStatus, Rule | null> = {
  received: null,
  processing: { from: ['received', 'answered'], role: 'reviewer' },
  rejected: { from: ['received'], role: 'reviewer' },
  forwarded: { from: ['received', 'processing'], role: 'reviewer' },
  answered: { from: ['processing', 'forwarded'], role: 'reviewer' },
  published: { from: ['answered'], role: 'admin' },
  withdrawn: { from: ['received', 'processing', 'forwarded'], role: 'reviewer' },
};

export class TransitionError extends AppError {
  constructor(from: FeedbackStatus, to: FeedbackStatus) {
    super('forbidden_transition', `transition ${from} -> ${to} is not allowed`,
      `Không thể chuyển phản ánh từ trạng thái "${statusLabel[from]}" sang "${statusLabel[to]}".`, 409);
    this.name = 'TransitionError';
  }
}

export class RoleError extends AppError {
  constructor(what: string) {
    super('forbidden', `role may not ${what}`, 'Tài khoản của bạn không có quyền thực hiện thao tác này.', 403);
    this.name = 'RoleError';
  }
}

export const statusLabel: Record<FeedbackStatus, string> = {
  received: 'Đã tiếp nhận',
  rejected: 'Không tiếp nhận',
  processing: 'Đang xử lý',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
  answered: 'Đã trả lời',
  published: 'Đã công khai kết quả',
  withdrawn: 'Đã rút',
};

export const classificationLabel: Record<Classification, string> = {
  khong_tiep_nhan: 'Không tiếp nhận',
  hanh_vi: 'Phản ánh về hành vi của cán bộ, công chức',
  thuoc_tham_quyen: 'Thuộc thẩm quyền xử lý',
  khong_thuoc_tham_quyen: 'Không thuộc thẩm quyền xử lý',
};

/** The due date of a classification: the end of the n-th working day after receipt. */
export function dueDate(receivedAt: Date, classification: Classification | null, deadlines: Deadlines, holidays: HolidaySet): Date {
  const days = classification === null || classification === 'khong_tiep_nhan'
    ? deadlines.thuoc_tham_quyen
    : deadlines[classification];
  return endOfVnDay(addWorkingDays(receivedAt, days, holidays));
}

/**
 * Where a fresh submission starts. Without a phone or an e-mail the province cannot answer,
 * so the decree's "không tiếp nhận" applies at once; everything else waits for classification.
 */
export function initialState(contact: { phone?: string; email?: string }): { status: FeedbackStatus; classification: Classification | null; note?: string } {
  if (!contact.phone && !contact.email) {
    return { status: 'rejected', classification: 'khong_tiep_nhan', note: 'Không tiếp nhận do thiếu thông tin liên hệ để trả lời.' };
  }
  return { status: 'received', classification: null };
}

export function isOpen(status: FeedbackStatus): boolean {
  return openStatuses.includes(status);
}

export function isOverdue(record: Pick<FeedbackRecord, 'status' | 'dueAt'>, now: Date): boolean {
  return isOpen(record.status) && Date.parse(record.dueAt) < now.getTime();
}

/**
 * Apply a staff transition. Returns the next record (version + 1, history appended) or throws:
 * TransitionError (409) for a move the lifecycle forbids, RoleError (403), ValidationError (400)
 * when the move lacks what the decree needs (a reason, an agency, the answer).
 */
export function applyTransition(
  record: FeedbackRecord, input: TransitionInput, actor: Actor, now: Date,
  deadlines: Deadlines, holidays: HolidaySet,
): FeedbackRecord {
  const rule = transitions[input.to];
  if (!rule || !rule.from.includes(record.status)) throw new TransitionError(record.status, input.to);
  const reopening = record.status === 'answered' && input.to === 'processing';
  if ((rule.role === 'admin' || reopening) && actor.role !== 'admin') throw new RoleError(`move ${record.code} to ${input.to}`);

  const note = input.note?.trim() || undefined;
  const agency = input.agency?.trim() || undefined;
  let classification = input.classification ?? record.classification;
  let dueAt = record.dueAt;
  let answer = record.answer;
  const receivedAt = new Date(record.receivedAt);

  switch (input.to) {
    case 'processing':
      if (!reopening) {
        classification = input.classification ?? (record.classification === 'hanh_vi' ? 'hanh_vi' : 'thuoc_tham_quyen');
        if (classification !== 'thuoc_tham_quyen' && classification !== 'hanh_vi') {
          throw new ValidationError(`classification ${classification} cannot be processed`,
            'Chỉ xử lý phản ánh được phân loại "thuộc thẩm quyền" hoặc "hành vi".');
        }
        dueAt = dueDate(receivedAt, classification, deadlines, holidays).toISOString();
      }
      break;
    case 'rejected':
      if (input.classification && input.classification !== 'khong_tiep_nhan') throw new ValidationError('reject needs khong_tiep_nhan', 'Từ chối tiếp nhận phải có phân loại "không tiếp nhận".');
      if (!note) throw new ValidationError('reject needs a reason', 'Xin ghi rõ lý do không tiếp nhận.');
      classification = 'khong_tiep_nhan';
      break;
    case 'forwarded':
      if (input.classification && input.classification !== 'khong_thuoc_tham_quyen') throw new ValidationError('forward needs khong_thuoc_tham_quyen', 'Chuyển đi phải có phân loại "không thuộc thẩm quyền".');
      if (!agency) throw new ValidationError('forward needs an agency', 'Xin ghi rõ cơ quan có thẩm quyền nhận phản ánh.');
      classification = 'khong_thuoc_tham_quyen';
      break;
    case 'answered':
      if (!note) throw new ValidationError('answer needs its text', 'Xin nhập nội dung trả lời phản ánh.');
      answer = note;
      break;
    default:
      break;
  }

  const at = now.toISOString();
  return {
    ...record,
    version: record.version + 1,
    status: input.to,
    classification,
    agency: agency ?? record.agency,
    dueAt,
    answer,
    updatedAt: at,
    history: [...record.history, {
      at, actor: `staff:${actor.username}`, action: 'transition', status: input.to, from: record.status,
      ...(classification && classification !== record.classification ? { classification } : {}),
      ...(agency ? { agency } : {}),
      ...(note ? { note } : {}),
    }],
  };
}

/**
 * When a `khong_thuoc_tham_quyen` feedback is still here, the 5-working-day forwarding clock
 * applies instead of the answer deadline; staff can classify first and forward later.
 */
export function forwardDeadline(receivedAt: Date, deadlines: Deadlines, holidays: HolidaySet): Date {
  return endOfVnDay(addWorkingDays(receivedAt, deadlines.khong_thuoc_tham_quyen, holidays));
}
