import type { Reply } from '../../src/assistant/turn.js';
import { speakReplies, toSsml } from '../../src/voice/speech.js';
import { plainText } from '../conversation.js';

/** The Bot Framework activity fields this adapter sets (a subset of botbuilder's Activity). */
export interface OutgoingActivity {
  type: 'message';
  text: string;
  speak: string;
  inputHint: 'acceptingInput' | 'expectingInput' | 'ignoringInput';
  textFormat: 'plain';
  locale: 'vi-VN';
  suggestedActions?: { to?: string[]; actions: Array<{ type: 'imBack'; title: string; value: string }> };
}

/**
 * Render replies as Bot Framework message activities. Every one carries `speak` (SSML for a
 * vi-VN voice), so Direct Line Speech and telephony read it aloud, and an input hint: the last
 * one expects input when it offers choices, accepts it otherwise; earlier ones ask the client to
 * keep the microphone closed while the rest is still coming. Choices become suggested actions
 * (imBack, so a tap sends the value back as the person's own message).
 */
export function renderActivities(replies: Reply[]): OutgoingActivity[] {
  return replies.map((reply, i) => {
    const last = i === replies.length - 1;
    const choices = reply.choices ?? [];
    const activity: OutgoingActivity = {
      type: 'message',
      text: plainText(reply),
      speak: toSsml(speakReplies([reply])),
      inputHint: !last ? 'ignoringInput' : choices.length > 0 ? 'expectingInput' : 'acceptingInput',
      textFormat: 'plain',
      locale: 'vi-VN',
    };
    if (choices.length > 0) {
      activity.suggestedActions = { actions: choices.map((c) => ({ type: 'imBack', title: c.label, value: c.value })) };
    }
    return activity;
  });
}
