import type { Choice, Reply } from '../../src/assistant/turn.js';
import { plainText } from '../conversation.js';
import { splitText } from '../text-split.js';

/** Telegram's limit on one message's text (Bot API sendMessage). */
export const telegramTextLimit = 4096;
/** Telegram's limit on callback_data, in bytes. */
const callbackLimit = 64;

export interface InlineButton { text: string; callback_data: string }
export interface TelegramMessage {
  text: string;
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

/**
 * Render one reply as Telegram messages: the text split at 4,096 characters, the choices as an
 * inline keyboard under the last part (one button a row, so long procedure names stay readable).
 * A choice whose value does not fit callback_data is sent as its number, which the assistant
 * accepts as an answer to a numbered question.
 */
export function renderTelegram(reply: { text: string; link?: Reply['link']; choices?: Choice[] }): TelegramMessage[] {
  const parts = splitText(plainText(reply), telegramTextLimit);
  const messages: TelegramMessage[] = parts.map((text) => ({ text }));
  if (messages.length === 0) messages.push({ text: '…' });
  if (reply.choices && reply.choices.length > 0) {
    messages[messages.length - 1].reply_markup = {
      inline_keyboard: reply.choices.map((c, i) => [{ text: truncate(c.label, 64), callback_data: callbackData(c, i) }]),
    };
  }
  return messages;
}

function callbackData(choice: Choice, index: number): string {
  return Buffer.byteLength(choice.value, 'utf8') <= callbackLimit ? choice.value : String(index + 1);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
