import type { Assistant, Reply, Turn } from '../src/assistant/turn.js';
import { AppError } from '../src/errors.js';
import type { Services } from '../src/services.js';

/**
 * Run one Turn through the assistant and return what to render. A failure becomes a polite
 * Vietnamese apology instead of silence: a citizen who gets no answer on Zalo just waits.
 */
export async function answerTurn(services: Services, turn: Turn): Promise<Reply[]> {
  const assistant = services.assistant as Assistant | undefined;
  if (!assistant) {
    return [{ text: 'Xin lỗi, trợ lý đang được khởi động. Bạn vui lòng gửi lại câu hỏi sau ít phút.' }];
  }
  try {
    const result = await assistant.handle(turn);
    return result.replies.length > 0 ? result.replies : [{ text: 'Xin lỗi, tôi chưa có câu trả lời cho câu hỏi này.' }];
  } catch (err) {
    services.log.error({ err, channel: turn.channel }, 'assistant failed on a channel turn');
    const text = err instanceof AppError ? err.userMessage : 'Xin lỗi, đã có lỗi xảy ra. Bạn vui lòng thử lại sau ít phút.';
    return [{ text }];
  }
}

/** A reply as plain text for channels without rich cards: the text, then the link to the official record. */
export function plainText(reply: Reply): string {
  if (!reply.link || reply.text.includes(reply.link.url)) return reply.text;
  return `${reply.text}\n\n${reply.link.title}: ${reply.link.url}`;
}

/** Session key shared by every channel: one conversation per person per channel. */
export function sessionKey(channel: string, userId: string): string {
  return `${channel}:${userId}`;
}

/** Polite text sent when a voice note arrives, until speech-to-text is wired into the channels. */
export const voiceNotUnderstood =
  'Xin lỗi, hiện tôi chưa nghe được tin nhắn thoại. Bạn vui lòng gõ câu hỏi bằng chữ (có dấu hoặc không dấu đều được).';

/** Polite text for stickers, images and files the assistant cannot read. */
export const onlyText = 'Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi về thủ tục hành chính.';

/** Greeting when someone follows the Official Account or starts the bot. */
export const greeting =
  'Xin chào! Tôi là Trợ lý Một cửa. Bạn có thể hỏi về giấy tờ, lệ phí, thời hạn, nơi nộp của thủ tục hành chính, tra cứu hồ sơ hoặc gửi phản ánh, kiến nghị.';
