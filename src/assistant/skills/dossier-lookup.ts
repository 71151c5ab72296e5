import { AppError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { findContact } from '../../dossiers/contact-proof.js';
import { findDossierCode, type DossierCodeMatch } from '../../dossiers/dossier-code.js';
import { composeDossierAnswer } from '../../dossiers/dossier-answer.js';
import type { DossierService } from '../../dossiers/dossier-service.js';
import { isClosed } from '../../dossiers/dossier-status.js';
import type { DossierWatch } from '../../dossiers/dossier-watch.js';
import type { Skill, SkillContext } from '../skill.js';
import type { AssistantResult, Choice } from '../turn.js';
import { isCancel, isFeedbackAbout, isLookupRequest, isWatchRequest } from './dossier-cues.js';

/**
 * Dossier status in the conversation: "hồ sơ 000.00.12.H23-241115-0001 đến đâu rồi?".
 * The code may come typed, spoken or pasted from the receipt's QR; the status is personal, so the
 * skill asks for the last 4 digits of the phone (or the e-mail) on the dossier before answering,
 * and an unknown code and a wrong contact get the same reply. "Báo cho tôi khi có kết quả"
 * subscribes the citizen, on the channel they wrote from, to status changes.
 */
export const DOSSIER_LOOKUP = 'dossier-lookup';

type Step = 'code' | 'contact';
interface FlowData { code?: string; tries?: number; misses?: number; watch?: boolean }

export interface DossierLookupOptions {
  dossiers: DossierService;
  watch?: DossierWatch;
  /** Whether notifications can reach this channel (a sender is registered in the outbox). */
  canNotify?: (channel: string) => boolean;
  log?: Logger;
}

export const askCodeText = 'Xin bạn cho biết mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả '
  + '(ví dụ 000.00.12.H23-241115-0001). Bạn có thể gõ, đọc từng ký tự, hoặc dán nội dung mã QR trên giấy hẹn.';
export const busyText = 'Hệ thống tra cứu hồ sơ đang bận, xin bạn vui lòng thử lại sau ít phút.';
export const notMatchedText = 'Không tìm thấy hồ sơ khớp với mã và thông tin liên hệ bạn cung cấp. '
  + 'Xin bạn kiểm tra lại mã hồ sơ trên giấy hẹn và 4 số cuối của số điện thoại (hoặc email) đã khai khi nộp hồ sơ.';
const cancelChoice: Choice = { label: 'Hủy', value: 'Hủy' };
const maxTries = 3;

export function askContactText(code: string): string {
  return `Để bảo vệ thông tin cá nhân, xin bạn cho biết 4 số cuối của số điện thoại (hoặc email) đã khai khi nộp hồ sơ ${code}.`;
}

export function limitedText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Để bảo vệ thông tin của người nộp hồ sơ, xin bạn thử lại sau khoảng ${minutes} phút.`;
}

export function createDossierLookupSkill(opts: DossierLookupOptions): Skill {
  const { dossiers, watch, log } = opts;
  const canNotify = opts.canNotify ?? (() => true);

  const say = (text: string, choices?: Choice[]): AssistantResult => ({
    intent: 'dossier_status', code: null, codes: [], clarify: false,
    replies: [choices?.length ? { text, choices } : { text }],
  });
  const setFlow = (ctx: SkillContext, step: Step, data: FlowData) => {
    ctx.session.flow = { skill: DOSSIER_LOOKUP, step, data: data as Record<string, unknown> };
  };
  const end = (ctx: SkillContext) => { ctx.session.flow = null; };

  function codeIn(text: string, lenient: boolean): DossierCodeMatch | null {
    const m = findDossierCode(text);
    if (!m) return null;
    return m.shape !== 'other' || m.from === 'qr' || lenient ? m : null;
  }

  async function subscribe(ctx: SkillContext, code: string, status: number): Promise<AssistantResult> {
    const { channel, userId } = ctx.turn;
    if (!watch || !canNotify(channel)) {
      return say('Kênh trò chuyện này chưa gửi được thông báo tự động. Bạn có thể hỏi lại tình trạng hồ sơ bất cứ lúc nào, '
        + 'hoặc trò chuyện với tôi qua Zalo hoặc Telegram để nhận thông báo.');
    }
    try {
      await watch.subscribe({ code, channel, userId, lastStatus: status as never });
    } catch (err) {
      log?.warn({ dossier: code, err: (err as Error).message }, 'dossier subscription failed');
      return say(busyText);
    }
    return say(`Tôi sẽ nhắn cho bạn ngay khi hồ sơ ${code} thay đổi trạng thái hoặc có kết quả. Bạn có thể gõ "hủy theo dõi" để thôi nhận thông báo.`);
  }

  async function verify(ctx: SkillContext, data: FlowData, contact: string): Promise<AssistantResult> {
    const code = data.code!;
    let outcome;
    try {
      outcome = await dossiers.lookup({ code, contact, keys: [`user:${ctx.turn.channel}:${ctx.turn.userId}`] });
    } catch (err) {
      if (!(err instanceof AppError)) log?.error({ dossier: code, err: (err as Error).message }, 'dossier lookup failed');
      end(ctx);
      return say(busyText);
    }
    if (outcome.kind === 'limited') {
      end(ctx);
      return say(limitedText(outcome.retryAfterSeconds));
    }
    if (outcome.kind === 'not_found') {
      const tries = (data.tries ?? 0) + 1;
      if (tries >= maxTries) {
        end(ctx);
        return say(`${notMatchedText} Nếu vẫn không tra cứu được, xin bạn liên hệ Bộ phận Một cửa nơi đã nộp hồ sơ.`);
      }
      setFlow(ctx, 'contact', { ...data, tries });
      return say(`${notMatchedText} Bạn có thể gửi lại 4 số cuối, hoặc gửi mã hồ sơ khác.`, [cancelChoice]);
    }
    const d = outcome.dossier;
    end(ctx);
    ctx.session.dossierCode = d.code;
    ctx.session.dossierStatus = d.status;
    const answer = composeDossierAnswer(d, ctx.now, dossiers.holidays);
    if (data.watch && !isClosed(d.status)) {
      const subscribed = await subscribe(ctx, d.code, d.status);
      return { ...subscribed, replies: [{ text: answer.text }, ...subscribed.replies] };
    }
    const choices = watch && canNotify(ctx.turn.channel) ? answer.choices : answer.choices.filter((c) => c.value !== 'Báo cho tôi khi có kết quả');
    return say(answer.text, choices);
  }

  async function withCode(ctx: SkillContext, match: DossierCodeMatch, data: FlowData): Promise<AssistantResult> {
    const code = match.code;
    const next: FlowData = { ...data, code, tries: 0, misses: 0 };
    // A spoken code is in words, so its digits cannot be mistaken for the contact; a typed one is cut out first.
    const rest = match.raw ? ctx.turn.text.replace(match.raw, ' ') : ctx.turn.text;
    const contact = findContact(rest, { needCue: true });
    if (contact) return verify(ctx, next, contact);
    setFlow(ctx, 'contact', next);
    return say(askContactText(code), [cancelChoice]);
  }

  return {
    name: DOSSIER_LOOKUP,
    claims(ctx) {
      const text = ctx.turn.text;
      if (isFeedbackAbout(text)) return null;
      if (isWatchRequest(text) || /\bhuy theo doi\b/.test(ctx.folded.toLowerCase())) {
        return ctx.session.dossierCode || isLookupRequest(text) || codeIn(text, false) ? 'dossier_status' : null;
      }
      if (codeIn(text, false)) return 'dossier_status';
      return isLookupRequest(text) ? 'dossier_status' : null;
    },
    async handle(ctx) {
      const text = ctx.turn.text;
      const flow = ctx.session.flow?.skill === DOSSIER_LOOKUP ? ctx.session.flow : null;
      const data = { ...(flow?.data ?? {}) } as FlowData;

      if (flow && isCancel(text)) {
        end(ctx);
        return say('Đã hủy tra cứu hồ sơ. Bạn cần hỏi gì thêm cứ nhắn cho tôi nhé.');
      }
      if (/\bhuy theo doi\b/.test(ctx.folded.toLowerCase()) && ctx.session.dossierCode && watch) {
        await watch.unsubscribe({ code: ctx.session.dossierCode, channel: ctx.turn.channel, userId: ctx.turn.userId }).catch(() => undefined);
        return say(`Đã thôi gửi thông báo về hồ sơ ${ctx.session.dossierCode}.`);
      }

      const match = codeIn(text, flow?.step === 'code' || isLookupRequest(text));
      if (flow?.step === 'contact') {
        if (match && match.code !== data.code) return withCode(ctx, match, data);
        const contact = findContact(match ? text.replace(match.raw ?? match.code, ' ') : text);
        if (contact) return verify(ctx, data, contact);
        const misses = (data.misses ?? 0) + 1;
        if (misses >= 2) {
          end(ctx);
          return say('Tôi tạm dừng tra cứu hồ sơ vì chưa nhận được 4 số cuối của số điện thoại. '
            + 'Khi cần, bạn cứ gửi lại mã hồ sơ; còn nếu bạn muốn hỏi việc khác, xin mời hỏi lại.');
        }
        setFlow(ctx, 'contact', { ...data, misses });
        return say(`Tôi chưa nhận được 4 số cuối của số điện thoại. ${askContactText(data.code!)}`, [cancelChoice]);
      }
      if (match) return withCode(ctx, match, { watch: data.watch || isWatchRequest(text) });

      if (!flow && isWatchRequest(text) && ctx.session.dossierCode) {
        return subscribe(ctx, ctx.session.dossierCode, ctx.session.dossierStatus ?? 1);
      }
      const tries = flow ? (data.tries ?? 0) + 1 : 0;
      if (tries >= maxTries) {
        end(ctx);
        return say('Tôi chưa nhận ra mã hồ sơ. Mã hồ sơ có dạng 000.00.12.H23-241115-0001, in ở phía trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả. '
          + 'Bạn có thể hỏi lại khi có giấy hẹn trong tay.');
      }
      setFlow(ctx, 'code', { ...data, tries, watch: data.watch || isWatchRequest(text) });
      return say(flow ? `Tôi chưa nhận ra mã hồ sơ trong tin nhắn của bạn. ${askCodeText}` : askCodeText, [cancelChoice]);
    },
  };
}
