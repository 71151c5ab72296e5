import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { FeedbackService, FeedbackSubmission } from '../../feedback/service.js';
import { formatDate } from '../date.js';
import { findDossierCode } from '../../dossiers/dossier-code.js';
import type { Skill, SkillContext } from '../skill.js';
import { pushChannels, type AssistantResult, type Choice, type Intent } from '../turn.js';
import {
  editTarget, isCancel, isComplaintOrDenunciation, isConfirm, isConsent, isFeedbackRequest, isRefusal,
  isStatusRequest, plain, type EditTarget,
} from './feedback-cues.js';
import { readContact, readContent, readName } from './feedback-contact.js';
import { FEEDBACK_NOTICE_VERSION, feedbackNotice } from './feedback-notice.js';

/**
 * Feedback intake (phản ánh, kiến nghị) as a conversation: content, then the personal-data notice
 * and an explicit "Đồng ý", then name and contact, one step at a time, then a read-back. Only when
 * the citizen confirms is `feedback.submit` called, and only after it resolves (the record is
 * durable) are they given the tracking code. Until then the draft lives in the session alone, so
 * "hủy" at any step, a refusal, or simply walking away stores nothing.
 *
 * Formal complaints (khiếu nại) and denunciations (tố cáo) have their own laws and procedures;
 * the skill explains where they go instead of taking them as feedback.
 */
export const FEEDBACK_INTAKE = 'feedback-intake';

type Step = 'content' | 'consent' | 'name' | 'contact' | 'confirm';

interface Draft {
  /** Idempotency key of the submission: a retried "thử lại" never files twice. */
  id: string;
  content?: string;
  name?: string;
  phone?: string;
  email?: string;
  consent?: { noticeVersion: string; at: string; channel: string; messageId?: string };
  /** The procedure and dossier the conversation was about when the feedback began (linked for staff). */
  procedureCode?: string;
  dossierCode?: string;
  /** Set while fixing one field from the read-back, which is shown again afterwards. */
  editing?: boolean;
}

export interface FeedbackIntakeOptions {
  feedback: FeedbackService;
  log?: Logger;
}

const cancelChoice: Choice = { label: 'Hủy', value: 'Hủy' };
const consentChoices: Choice[] = [
  { label: 'Đồng ý', value: 'Đồng ý' }, { label: 'Không đồng ý', value: 'Không đồng ý' }, cancelChoice,
];
const confirmChoices: Choice[] = [
  { label: 'Gửi phản ánh', value: 'Gửi' }, { label: 'Sửa nội dung', value: 'Sửa nội dung' }, cancelChoice,
];

/** Channels that can push a later message to the person; the others answer once. */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function createFeedbackIntakeSkill(opts: FeedbackIntakeOptions): Skill {
  const { feedback, log } = opts;

  const say = (intent: Intent, text: string, choices?: Choice[]): AssistantResult => ({
    intent, code: null, codes: [], clarify: false, replies: [choices ? { text, choices } : { text }],
  });
  const keep = (ctx: SkillContext, step: Step, draft: Draft) => {
    ctx.session.flow = { skill: FEEDBACK_INTAKE, step, data: draft as unknown as Record<string, unknown> };
  };
  const end = (ctx: SkillContext) => { ctx.session.flow = null; };

  function summary(d: Draft): string {
    const content = d.content!.length > 400 ? `${d.content!.slice(0, 399)}…` : d.content!;
    return [
      'Xin bạn kiểm tra lại phản ánh trước khi gửi:',
      `• Nội dung: “${content}”`,
      `• Họ và tên: ${d.name}`,
      `• Liên hệ: ${d.phone ?? d.email}`,
      ...(d.dossierCode ? [`• Hồ sơ liên quan: ${d.dossierCode}`] : []),
      ...(d.procedureCode ? [`• Thủ tục liên quan: ${d.procedureCode}`] : []),
      'Danh tính của bạn sẽ không được công khai khi đăng kết quả trả lời.',
      'Trả lời “Gửi” để gửi phản ánh; “Sửa nội dung”, “Sửa tên” hoặc “Sửa liên hệ” để sửa; hoặc “Hủy”.',
    ].join('\n');
  }

  const askFor: Record<EditTarget, string> = {
    content: 'Xin bạn nhập lại nội dung phản ánh.',
    name: 'Xin bạn nhập lại họ và tên.',
    contact: 'Xin bạn nhập lại số điện thoại hoặc email để nhận kết quả.',
  };

  async function submit(ctx: SkillContext, d: Draft): Promise<AssistantResult> {
    const { turn } = ctx;
    const input: FeedbackSubmission = {
      content: d.content!,
      name: d.name!,
      ...(d.phone ? { phone: d.phone } : { email: d.email! }),
      consent: true,
      consentRecord: d.consent!,
      channel: turn.channel,
      // The terminal and the public API cannot push a later message, so no one to notify there.
      ...(pushChannels.has(turn.channel) ? { channelUserId: turn.userId } : {}),
      ...(d.procedureCode ? { procedureCode: d.procedureCode } : {}),
      ...(d.dossierCode ? { dossierCode: d.dossierCode } : {}),
      public: false,
    };
    try {
      const receipt = await feedback.submit(input, { idempotencyKey: `chat:${d.id}`, now: ctx.now });
      end(ctx);
      log?.info({ feedback: receipt.code, channel: turn.channel }, 'feedback filed from chat');
      const follow = `Để theo dõi, bạn nhắn: “phản ánh ${receipt.code} đến đâu rồi”.`
        + (pushChannels.has(turn.channel) ? ' Khi có thay đổi, chúng tôi sẽ báo cho bạn qua kênh này.' : '');
      return say('feedback', [
        'Phản ánh của bạn đã được tiếp nhận. Cảm ơn bạn!',
        `Mã phản ánh: ${receipt.code}`,
        `Ngày tiếp nhận: ${formatDate(receipt.receivedAt)}`,
        `Hạn trả lời dự kiến: ${formatDate(receipt.dueAt)}`,
        `Xin bạn lưu lại mã này. ${follow}`,
      ].join('\n'));
    } catch (err) {
      keep(ctx, 'confirm', d);
      if (err instanceof AppError && err.status < 500) {
        return say('feedback', `Phản ánh chưa gửi được: ${err.userMessage}\nBạn có thể “Sửa nội dung”, “Sửa tên”, “Sửa liên hệ” rồi gửi lại, hoặc “Hủy”.`, confirmChoices);
      }
      log?.warn({ err: (err as Error).message, channel: turn.channel }, 'feedback submission from chat failed; draft kept');
      return say('feedback', 'Xin lỗi, hệ thống đang bận nên chưa lưu được phản ánh của bạn. Thông tin bạn đã nhập vẫn được giữ; '
        + 'xin gõ “Thử lại” sau ít phút, hoặc “Hủy” nếu không muốn gửi nữa.', [{ label: 'Thử lại', value: 'Thử lại' }, cancelChoice]);
    }
  }

  async function proceed(ctx: SkillContext, step: Step, d: Draft): Promise<AssistantResult> {
    const text = ctx.turn.text;
    if (isCancel(ctx.folded)) {
      end(ctx);
      return say('feedback', 'Đã hủy phản ánh. Thông tin bạn vừa nhập không được lưu. Khi cần, bạn cứ nhắn “phản ánh” để bắt đầu lại.');
    }
    switch (step) {
      case 'content': {
        const r = readContent(text);
        if (!r.ok) { keep(ctx, step, d); return say('feedback', r.userMessage, [cancelChoice]); }
        d.content = r.content;
        if (d.editing && d.consent) return review(ctx, d);
        keep(ctx, 'consent', d);
        return say('feedback', `Cảm ơn bạn, tôi đã ghi lại nội dung phản ánh.\n${feedbackNotice}`, consentChoices);
      }
      case 'consent': {
        if (isConsent(ctx.folded)) {
          d.consent = {
            noticeVersion: FEEDBACK_NOTICE_VERSION, at: ctx.now.toISOString(), channel: ctx.turn.channel,
            ...(ctx.turn.messageId ? { messageId: ctx.turn.messageId } : {}),
          };
          keep(ctx, 'name', d);
          return say('feedback', 'Cảm ơn bạn đã đồng ý. Xin cho biết họ và tên của bạn.', [cancelChoice]);
        }
        if (isRefusal(ctx.folded)) {
          end(ctx);
          return say('feedback', 'Tôi tôn trọng lựa chọn của bạn và đã xóa nội dung vừa nhập, không lưu lại gì. '
            + 'Phản ánh cần có họ tên và cách liên lạc thì mới được tiếp nhận, nên chưa thể gửi qua kênh này. '
            + 'Bạn vẫn có thể phản ánh trực tiếp tại Bộ phận Một cửa hoặc gửi văn bản đến cơ quan có thẩm quyền.');
        }
        // A longer message here is the citizen telling more of what happened (the first message was
        // only the topic): add it to the content, never take it as consent, and ask again.
        const more = wordCount(ctx.folded) >= 8 ? readContent(`${d.content}\n${text}`) : null;
        if (more?.ok) {
          d.content = more.content;
          keep(ctx, step, d);
          return say('feedback', 'Tôi đã ghi thêm chi tiết này vào nội dung phản ánh. '
            + 'Để tiếp tục, xin bạn trả lời “Đồng ý” với thông báo xử lý dữ liệu cá nhân ở trên, hoặc “Hủy” để dừng.', consentChoices);
        }
        keep(ctx, step, d);
        return say('feedback', 'Tôi chưa nhận được sự đồng ý của bạn nên chưa thể ghi thông tin cá nhân. '
          + 'Xin trả lời “Đồng ý” để tiếp tục, “Không đồng ý” hoặc “Hủy” để dừng.', consentChoices);
      }
      case 'name': {
        const r = readName(text);
        if (!r.ok) { keep(ctx, step, d); return say('feedback', r.userMessage, [cancelChoice]); }
        d.name = r.name;
        if (d.editing) return review(ctx, d);
        keep(ctx, 'contact', d);
        return say('feedback', 'Cảm ơn bạn. Xin cho biết số điện thoại hoặc email để nhận kết quả và theo dõi phản ánh.', [cancelChoice]);
      }
      case 'contact': {
        const r = readContact(text);
        if (!r.ok) { keep(ctx, step, d); return say('feedback', r.userMessage, [cancelChoice]); }
        delete d.phone;
        delete d.email;
        if (r.phone) d.phone = r.phone; else d.email = r.email;
        return review(ctx, d);
      }
      case 'confirm': {
        const target = editTarget(ctx.folded);
        if (target) {
          d.editing = true;
          d.id = randomUUID(); // a changed draft is a new submission
          keep(ctx, target, d);
          return say('feedback', askFor[target], [cancelChoice]);
        }
        if (isConfirm(ctx.folded)) return submit(ctx, d);
        keep(ctx, step, d);
        return say('feedback', `Phản ánh chưa được gửi.\n${summary(d)}`, confirmChoices);
      }
    }
  }

  function review(ctx: SkillContext, d: Draft): AssistantResult {
    d.editing = false;
    keep(ctx, 'confirm', d);
    return say('feedback', summary(d), confirmChoices);
  }

  function start(ctx: SkillContext): AssistantResult {
    const d: Draft = { id: randomUUID() };
    // Feedback that starts right after a dossier lookup or a procedure answer is usually about it.
    const found = findDossierCode(ctx.turn.text);
    const dossierCode = (found && found.shape !== 'other' ? found.code : null) ?? ctx.session.dossierCode;
    if (dossierCode) d.dossierCode = dossierCode;
    if (ctx.session.procedureCode) d.procedureCode = ctx.session.procedureCode;
    // "tôi muốn phản ánh việc giải quyết hồ sơ bị trễ hạn" already says what happened: keep it as typed.
    const rest = plain(ctx.folded)
      .replace(/^(?:xin chao|chao ban|chao)?\s*(?:toi|em|minh|chau|chung toi)?\s*(?:muon|can|xin|dang muon|co)?\s*(?:gui|co)?\s*(?:y kien)?\s*(?:phan anh|kien nghi|gop y)(?:\s*,?\s*(?:kien nghi|gop y))?\s*(?:ve|voi|rang|la)?\s*/, '')
      .trim();
    const first = readContent(ctx.turn.text);
    if (wordCount(rest) >= 6 && first.ok) {
      d.content = first.content;
      keep(ctx, 'consent', d);
      return say('feedback', `Tôi sẽ giúp bạn gửi phản ánh này đến cơ quan có thẩm quyền. Nội dung ghi nhận: “${first.content}”.\n${feedbackNotice}`, consentChoices);
    }
    keep(ctx, 'content', d);
    return say('feedback', 'Tôi sẽ giúp bạn gửi phản ánh, kiến nghị đến cơ quan có thẩm quyền. '
      + 'Xin bạn cho biết nội dung: sự việc gì, ở đâu, khi nào, liên quan thủ tục hay cán bộ nào (tối đa 4.000 ký tự). '
      + 'Gõ “Hủy” bất cứ lúc nào để dừng.', [cancelChoice]);
  }

  return {
    name: FEEDBACK_INTAKE,
    claims(ctx) {
      if (isStatusRequest(ctx.turn.text, ctx.folded)) return null;
      if (isComplaintOrDenunciation(ctx.folded)) return 'out_of_scope';
      if (isFeedbackRequest(ctx.folded)) return 'feedback';
      return null;
    },
    async handle(ctx, intent) {
      const flow = ctx.session.flow;
      if (flow && flow.skill === FEEDBACK_INTAKE) {
        return proceed(ctx, flow.step as Step, { ...(flow.data as unknown as Draft) });
      }
      if (intent === 'out_of_scope' || (intent === null && isComplaintOrDenunciation(ctx.folded))) {
        return say('out_of_scope', complaintGuide, [{ label: 'Gửi phản ánh', value: 'Tôi muốn phản ánh' }]);
      }
      return start(ctx);
    },
  };
}

/** Where complaints and denunciations go (Luật Khiếu nại 2011, Luật Tố cáo 2018). */
export const complaintGuide = [
  'Khiếu nại và tố cáo không được tiếp nhận qua kênh trò chuyện này, vì pháp luật quy định cách gửi và giải quyết riêng:',
  '• Khiếu nại (khi bạn cho rằng một quyết định hoặc hành vi hành chính xâm phạm quyền, lợi ích của mình): gửi đơn hoặc trình bày trực tiếp với người đã ra quyết định, hoặc thủ trưởng cơ quan có cán bộ thực hiện hành vi đó, theo Luật Khiếu nại năm 2011. Thời hiệu thường là 90 ngày kể từ khi bạn nhận được quyết định hoặc biết được hành vi.',
  '• Tố cáo (hành vi vi phạm pháp luật của cán bộ, công chức hoặc cơ quan, tổ chức): gửi đơn hoặc trình bày trực tiếp tại cơ quan, người có thẩm quyền giải quyết, thường qua Ban tiếp công dân hoặc Trụ sở tiếp công dân, theo Luật Tố cáo năm 2018.',
  'Bạn có thể hỏi tôi về các thủ tục “giải quyết khiếu nại” hoặc “giải quyết tố cáo” để biết giấy tờ cần chuẩn bị.',
  'Nếu bạn chỉ muốn phản ánh, kiến nghị (ví dụ về thái độ phục vụ, thủ tục rườm rà, hẹn trả hồ sơ trễ), tôi có thể ghi nhận ngay: bạn gõ “phản ánh”.',
].join('\n');
