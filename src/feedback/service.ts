import type { ChannelName } from '../assistant/turn.js';

/**
 * The feedback (phản ánh, kiến nghị) capability as the dialogue, the HTTP API and the
 * channels see it. The implementation (lifecycle, stores, deadlines) sits behind it.
 */
export interface FeedbackSubmission {
  content: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  consent: true;
  /** Which notice the citizen agreed to, when, where and in which message. */
  consentRecord?: { noticeVersion: string; at: string; channel: ChannelName; messageId?: string };
  channel?: ChannelName;
  /** The citizen's id on that channel, so status changes reach them where they wrote. */
  channelUserId?: string;
  procedureCode?: string;
  dossierCode?: string;
  public?: boolean;
}

export interface FeedbackReceipt {
  code: string;
  /** 'rejected' only when the submission had no usable contact (khong_tiep_nhan, lifecycle.ts). */
  status: 'received' | 'rejected';
  receivedAt: string;
  dueAt: string;
}

export interface FeedbackStatusView {
  code: string;
  status: string;
  history: { status: string; at: string; note?: string }[];
  answer?: string;
}

export interface FeedbackService {
  /** Durable before it resolves: the citizen is told "received" only after this returns. */
  submit(input: FeedbackSubmission, opts?: { idempotencyKey?: string; now?: Date }): Promise<FeedbackReceipt>;
  /** Null when the code is unknown or the contact (phone or email) does not match. */
  statusFor(code: string, contact: string): Promise<FeedbackStatusView | null>;
}
