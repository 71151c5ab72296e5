import { performance } from 'node:perf_hooks';
import { speakReplies } from '../voice/speech.js';
import { pushChannels, type Assistant, type AskInput, type AskOutput, type AssistantResult, type Turn } from './turn.js';

/** The reply as one text, as `ask --jsonl` and `POST /api/ask` show it. */
export function replyText(result: AssistantResult): string {
  return result.replies.map((r) => r.text).join('\n\n');
}

/**
 * One `ask` exchange (CONTRACTS.md §1): the same for the terminal, the HTTP API and the
 * evaluation, so the three can never disagree. Sessions are namespaced so an API caller cannot
 * read a chat adapter's conversation by guessing its key.
 */
export async function ask(assistant: Assistant, input: AskInput, defaultChannel = 'cli'): Promise<AskOutput> {
  const started = performance.now();
  // A caller cannot claim a push channel: a notice would go to a chat id it made up.
  const channel = input.channel && !pushChannels.has(input.channel) ? input.channel : defaultChannel;
  const turn: Turn = {
    channel,
    userId: input.session ?? 'anonymous',
    session: input.session ? `ask:${input.session}` : null,
    text: input.text,
  };
  const result = await assistant.handle(turn);
  const text = replyText(result);
  let speak: string | null = null;
  try {
    speak = speakReplies(result.replies) || text;
  } catch {
    speak = text; // the spoken form is a courtesy; never fail the answer for it
  }
  const ms = Math.round((performance.now() - started) * 100) / 100;
  const choices = result.replies.flatMap((r) => r.choices ?? []);
  const link = result.replies.find((r) => r.link)?.link;
  return {
    session: input.session ?? null,
    intent: result.intent,
    code: result.code,
    codes: result.codes.slice(0, 5),
    clarify: result.clarify,
    text,
    speak,
    ms,
    ...(choices.length ? { choices } : {}),
    ...(link ? { link } : {}),
  };
}
