import { z } from 'zod';

/**
 * Zalo OA webhook events as they arrive (ids and timestamps are strings of digits, too large for
 * a double, so they stay strings). Only the fields the adapter uses are checked.
 */
const id = z.union([z.string().min(1), z.number()]).transform(String);
const attachment = z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).optional() }).passthrough();

export const zaloEventSchema = z.object({
  app_id: id.optional(),
  event_name: z.string().min(1),
  timestamp: id,
  sender: z.object({ id }).passthrough().optional(),
  recipient: z.object({ id }).passthrough().optional(),
  follower: z.object({ id }).passthrough().optional(),
  user_id_by_app: id.optional(),
  message: z.object({
    msg_id: id.optional(),
    text: z.string().optional(),
    attachments: z.array(attachment).optional(),
  }).passthrough().optional(),
}).passthrough();
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/** The citizen an event is about (the sender of a message, or who followed). Null for OA echoes. */
export function zaloUserOf(e: ZaloEvent): string | null {
  if (e.event_name.startsWith('oa_')) return null;
  return e.sender?.id ?? e.follower?.id ?? null;
}
