import { z } from 'zod';

/**
 * The part of a Telegram Update the webhook checks before queueing it. grammY reads the rest;
 * this only guarantees an update_id to deduplicate on and well-formed ids to key the rate limit
 * and the per-chat queue on, so a malformed payload is a 400 rather than a crash later.
 */
const id = z.number().int();
const user = z.object({ id }).passthrough();
const chat = z.object({ id }).passthrough();
const message = z.object({ message_id: id, chat, from: user.optional(), date: z.number().optional() }).passthrough();

export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: z.object({ id: z.string(), from: user, message: message.optional(), data: z.string().optional() }).passthrough().optional(),
}).passthrough();
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** The chat an update belongs to: replies go there and its work is queued in order. */
export function chatOf(update: TelegramUpdate): string | undefined {
  const c = update.message?.chat.id ?? update.edited_message?.chat.id ?? update.callback_query?.message?.chat.id
    ?? update.callback_query?.from.id;
  return c === undefined ? undefined : String(c);
}

/** The person who sent it, for the per-user rate limit. */
export function senderOf(update: TelegramUpdate): string | undefined {
  const u = update.message?.from?.id ?? update.callback_query?.from.id ?? update.edited_message?.from?.id;
  return u === undefined ? chatOf(update) : String(u);
}
