import type { Logger } from '../../log.js';
import type { FeedbackService, FeedbackStatusView } from '../../feedback/service.js';
import { formatDate } from '../date.js';
import type { Skill, SkillContext } from '../skill.js';
import type { AssistantResult, Choice } from '../turn.js';
import { findFeedbackCode, isCancel, isStatusRequest } from './feedback-cues.js';
import { readContact } from './feedback-contact.js';

/**
 * Following up on a feedback: "phản ánh PA-2026-000123 đến đâu rồi". The status is personal, so it
 * is shown only after the phone or email used when filing matches; an unknown code and a wrong
 * contact get the very same answer, so the dialogue cannot be used to probe which codes exist.
 */
export const FEEDBACK_STATUS = 'feedback-status';

type Step = 'code' | 'contact';

export interface FeedbackStatusOptions {
  feedback: FeedbackService;
  log?: Logger;
}

/** Statuses in words. Status-change notifications are worded by src/feedback/status-message.ts. */
export const feedbackStatusLabels: Record<string, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xem xét, xử lý',
  forwarded: 'Đã chuyển đến cơ quan có thẩm quyền',
  answered: 'Đã có văn bản trả lời',
  published: 'Đã công khai kết quả trả lời',
  rejected: 'Không được tiếp nhận',
  withdrawn: 'Đã rút phản ánh',
};

export function feedbackStatusLabel(status: string): string {
  return feedbackStatusLabels[status] ?? status;
}

const cancelChoice: Choice = { label: 'Hủy', value: 'Hủy' };

export const notFoundText = 'Không tìm thấy phản ánh khớp với mã và thông tin liên hệ bạn cung cấp. '
  + 'Xin bạn kiểm tra lại mã phản ánh (dạng PA-2026-000123) và số điện thoại hoặc email đã dùng khi gửi.';

/** The status in words with the dates of its history, for the citizen. */
export function describeFeedbackStatus(v: FeedbackStatusView): string {
  const lines = [`Phản ánh ${v.code}: ${feedbackStatusLabel(v.status)}.`];
  if (v.history.length > 0) {
    lines.push('Quá trình xử lý:');
    for (const h of v.history) {
      lines.push(`• ${formatDate(h.at)}: ${feedbackStatusLabel(h.status)}${h.note?.trim() ? ` (${h.note.trim()})` : ''}`);
    }
  }
  if (v.answer?.trim()) lines.push(`Nội dung trả lời: ${v.answer.trim()}`);
  return lines.join('\n');
}

export function createFeedbackStatusSkill(opts: FeedbackStatusOptions): Skill {
  const { feedback, log } = opts;

  const say = (text: string, choices?: Choice[]): AssistantResult => ({
    intent: 'feedback_status', code: null, codes: [], clarify: false, replies: [choices ? { text, choices } : { text }],
  });
  const keep = (ctx: SkillContext, step: Step, code: string | null, misses = 0) => {
    ctx.session.flow = { skill: FEEDBACK_STATUS, step, data: { ...(code ? { code } : {}), misses } };
  };
  /**
   * The core hands every turn to an active flow; someone who asks about something else instead of
   * answering should not be held here, so a second unusable answer ends the look-up.
   */
  const missed = (ctx: SkillContext, step: Step, code: string | null, hint: string): AssistantResult => {
    const misses = Number(ctx.session.flow?.data.misses ?? 0) + 1;
    if (misses >= 2) {
      ctx.session.flow = null;
      return say(`Tôi dừng tra cứu phản ánh ở đây. Khi cần, bạn nhắn lại “phản ánh ${code ?? 'PA-2026-000123'} đến đâu rồi”; còn câu hỏi khác, xin bạn gửi lại.`);
    }
    keep(ctx, step, code, misses);
    return say(hint, [cancelChoice]);
  };
  const askContact = (ctx: SkillContext, code: string) => {
    keep(ctx, 'contact', code);
    return say(`Để bảo vệ thông tin của bạn, xin cho biết số điện thoại hoặc email đã dùng khi gửi phản ánh ${code}.`, [cancelChoice]);
  };

  async function lookUp(ctx: SkillContext, code: string): Promise<AssistantResult> {
    const contact = readContact(ctx.turn.text);
    if (!contact.ok) return missed(ctx, 'contact', code, contact.userMessage);
    ctx.session.flow = null;
    try {
      const view = await feedback.statusFor(code, contact.phone ?? contact.email!);
      return say(view ? describeFeedbackStatus(view) : notFoundText);
    } catch (err) {
      log?.warn({ err: (err as Error).message }, 'feedback status lookup failed');
      return say('Xin lỗi, hệ thống đang bận nên chưa tra cứu được. Xin bạn thử lại sau ít phút.');
    }
  }

  return {
    name: FEEDBACK_STATUS,
    claims: (ctx) => (isStatusRequest(ctx.turn.text, ctx.folded) ? 'feedback_status' : null),
    async handle(ctx) {
      const flow = ctx.session.flow;
      if (flow && flow.skill === FEEDBACK_STATUS) {
        if (isCancel(ctx.folded)) {
          ctx.session.flow = null;
          return say('Đã dừng tra cứu phản ánh.');
        }
        const known = typeof flow.data.code === 'string' ? flow.data.code : null;
        const typed = findFeedbackCode(ctx.turn.text);
        if (flow.step === 'code' || !known) {
          if (!typed) return missed(ctx, 'code', null, 'Mã phản ánh có dạng PA-2026-000123, in trong tin nhắn xác nhận khi bạn gửi. Xin bạn nhập lại mã.');
          return askContact(ctx, typed);
        }
        // A new code typed instead of the contact starts over with that code.
        if (typed && typed !== known) return askContact(ctx, typed);
        return lookUp(ctx, known);
      }
      const code = findFeedbackCode(ctx.turn.text);
      if (!code) {
        keep(ctx, 'code', null);
        return say('Xin cho biết mã phản ánh của bạn (dạng PA-2026-000123, có trong tin nhắn xác nhận khi gửi).', [cancelChoice]);
      }
      return askContact(ctx, code);
    },
  };
}
