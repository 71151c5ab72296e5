import { z } from 'zod';
import { normalizeEmail, normalizePhone } from './contact.js';

/**
 * The feedback record (phản ánh, kiến nghị) as stored, and the submission as accepted.
 * The schema is declared once; stores parse what they read back through it.
 */
export const statuses = ['received', 'rejected', 'processing', 'forwarded', 'answered', 'published', 'withdrawn'] as const;
export type FeedbackStatus = (typeof statuses)[number];

/** Decree 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP: how a received feedback is classified. */
export const classifications = ['khong_tiep_nhan', 'hanh_vi', 'thuoc_tham_quyen', 'khong_thuoc_tham_quyen'] as const;
export type Classification = (typeof classifications)[number];

/** Statuses in which the province still owes an action, so the due date is running. */
export const openStatuses: readonly FeedbackStatus[] = ['received', 'processing'];

export const codePattern = /^PA-\d{4}-\d{6}$/;
export const MAX_CONTENT = 4000;

/** Any HTML-looking tag; feedback is plain text and tags are refused rather than escaped. */
const tag = /<\s*\/?\s*[a-z!?][^>]*>/i;
const noTags = (s: string) => !tag.test(s);
const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

const contentSchema = z.string({ error: 'Nội dung phản ánh phải là văn bản.' })
  .refine((s) => s.trim().length > 0, 'Xin bạn cho biết nội dung phản ánh, kiến nghị.')
  .refine((s) => s.length <= MAX_CONTENT, 'Nội dung phản ánh quá dài (tối đa 4.000 ký tự).')
  .refine(noTags, 'Nội dung không được chứa thẻ HTML hoặc mã script.')
  .refine(noControl, 'Nội dung có ký tự không hợp lệ.');

const plainText = (label: string, max: number) => z.string({ error: `${label} phải là văn bản.` })
  .trim()
  .min(1, `Xin bạn cho biết ${label.toLowerCase()}.`)
  .max(max, `${label} quá dài (tối đa ${max} ký tự).`)
  .refine(noTags, `${label} không được chứa thẻ HTML hoặc mã script.`)
  .refine(noControl, `${label} có ký tự không hợp lệ.`);

const phoneSchema = z.string({ error: 'Số điện thoại phải là văn bản.' }).transform((s, ctx) => {
  const phone = normalizePhone(s);
  if (!phone) {
    ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (ví dụ đúng: 0912 345 678 hoặc 024 3823 4567).' });
    return z.NEVER;
  }
  return phone;
});

const emailSchema = z.string({ error: 'Địa chỉ email phải là văn bản.' }).transform((s, ctx) => {
  const email = normalizeEmail(s);
  if (!email) {
    ctx.addIssue({ code: 'custom', message: 'Địa chỉ email không hợp lệ.' });
    return z.NEVER;
  }
  return email;
});

const procedureCodeSchema = z.string().trim().regex(/^[0-9A-Za-z.\-_]{1,40}$/, 'Mã thủ tục không hợp lệ.');
const dossierCodeSchema = z.string().trim().regex(/^[0-9A-Za-z.\-_/]{1,60}$/, 'Mã hồ sơ không hợp lệ.');
const channelSchema = z.string().trim().regex(/^[a-z_]{1,40}$/, 'Kênh không hợp lệ.');

export const consentRecordSchema = z.object({
  noticeVersion: z.string().min(1).max(100),
  at: z.string().datetime({ offset: true }),
  channel: z.string().min(1).max(40),
  messageId: z.string().max(200).optional(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * A submission as the service accepts it (from HTTP or the dialogue). Contact is validated here;
 * a submission with neither phone nor email is still stored, as `khong_tiep_nhan` (lifecycle.ts).
 */
export const submissionSchema = z.object({
  content: contentSchema,
  name: plainText('Họ tên', 200),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  address: plainText('Địa chỉ', 500).optional(),
  consent: z.literal(true, { error: 'Cần sự đồng ý của bạn về việc xử lý dữ liệu cá nhân để tiếp nhận phản ánh.' }),
  consentRecord: consentRecordSchema.optional(),
  channel: channelSchema.optional(),
  channelUserId: z.string().min(1).max(200).optional(),
  procedureCode: procedureCodeSchema.optional(),
  dossierCode: dossierCodeSchema.optional(),
  public: z.boolean({ error: 'Trường public phải là true hoặc false.' }).optional(),
}).strict();
export type ValidSubmission = z.infer<typeof submissionSchema>;

export const historyEntrySchema = z.object({
  at: z.string(),
  /** `citizen`, `system` or `staff:<username>`. */
  actor: z.string(),
  action: z.enum(['submitted', 'transition', 'linked']),
  status: z.enum(statuses),
  from: z.enum(statuses).optional(),
  classification: z.enum(classifications).optional(),
  agency: z.string().optional(),
  /** Shown to the citizen with the status (the answer, the reason, where it went). */
  note: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const feedbackRecordSchema = z.object({
  code: z.string(),
  version: z.number().int().nonnegative(),
  content: z.string(),
  contact: z.object({
    name: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
  }),
  consent: consentRecordSchema,
  channel: z.string(),
  channelUserId: z.string().optional(),
  procedureCode: z.string().optional(),
  dossierCode: z.string().optional(),
  /** False: the citizen asked that their identity not be published with the answer. */
  public: z.boolean(),
  status: z.enum(statuses),
  classification: z.enum(classifications).nullable(),
  agency: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  answer: z.string().nullable(),
  history: z.array(historyEntrySchema),
  /** Open feedback with the same procedure and close text, linked for staff (never merged). */
  similar: z.array(z.string()),
  idempotencyKey: z.string().optional(),
  updatedAt: z.string(),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

/** Placeholder a store replaces with the code it allocates atomically. */
export const PENDING_CODE = 'PA-PENDING';

export function formatCode(year: number | string, sequence: number): string {
  return `PA-${year}-${String(sequence).padStart(6, '0')}`;
}
