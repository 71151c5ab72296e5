import type { Choice, Reply } from '../../src/assistant/turn.js';
import { plainText } from '../conversation.js';
import { splitText } from '../text-split.js';

/** Zalo's limit on a consultation text message. */
export const zaloTextLimit = 2000;
/** Zalo shows at most five buttons under a message; titles up to 100 characters. */
const maxButtons = 5;

export interface ZaloButton { title: string; type: 'oa.query.show'; payload: string }
export interface ZaloMessage {
  text: string;
  attachment?: { type: 'template'; payload: { buttons: ZaloButton[] } };
}

/**
 * Render one reply as Zalo OA messages: text split at 2,000 characters, and the choices as
 * `oa.query.show` buttons under the last part, so a tap sends the choice back as the user's own
 * visible message. Beyond five choices the numbers in the text remain the way to answer.
 */
export function renderZalo(reply: { text: string; link?: Reply['link']; choices?: Choice[] }): ZaloMessage[] {
  const messages: ZaloMessage[] = splitText(plainText(reply), zaloTextLimit).map((text) => ({ text }));
  if (messages.length === 0) messages.push({ text: '…' });
  const choices = reply.choices ?? [];
  if (choices.length > 0) {
    messages[messages.length - 1].attachment = {
      type: 'template',
      payload: {
        buttons: choices.slice(0, maxButtons).map((c) => ({
          title: c.label.length > 100 ? `${c.label.slice(0, 99)}…` : c.label,
          type: 'oa.query.show' as const,
          payload: c.value.slice(0, 1000),
        })),
      },
    };
  }
  return messages;
}
