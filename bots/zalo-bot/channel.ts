import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Choice, Reply, Turn } from '../../src/assistant/turn.js';
import { UnavailableError } from '../../src/errors.js';
import type { Channel } from '../../src/http/channel.js';
import { UndeliverableError, type Notification } from '../../src/notify/notification.js';
import type { Services } from '../../src/services.js';
import { answerTurn, onlyText, plainText, sessionKey, voiceNotUnderstood } from '../conversation.js';
import { channelKit } from '../kit.js';
import { limitPerUser } from '../rate-limit.js';
import { safeEqual } from '../secret.js';
import { splitText } from '../text-split.js';

const name = 'zalo_bot';
const textLimit = 2000;
const dedupeSeconds = 24 * 3600;

const id = z.union([z.string().min(1), z.number()]).transform(String);
const messageSchema = z.object({
  message_id: id,
  from: z.object({ id }).passthrough(),
  chat: z.object({ id }).passthrough(),
  text: z.string().optional(),
}).passthrough();
const updateSchema = z.object({ event_name: z.string().min(1), message: messageSchema.optional() }).passthrough();
/** Deliveries arrive either bare or wrapped like a getUpdates answer (`{"ok": true, "result": {...}}`). */
export const zaloBotUpdateSchema = z.union([
  z.object({ ok: z.boolean().optional(), result: updateSchema }).transform((w) => w.result),
  updateSchema,
]);

/**
 * Render a reply for the Zalo Bot Platform, which has no buttons: choices are listed as numbered
 * lines (unless the text already lists them) so the person answers with the number.
 */
export function renderZaloBot(reply: { text: string; link?: Reply['link']; choices?: Choice[] }): string[] {
  let text = plainText(reply);
  const missing = (reply.choices ?? []).filter((c) => !text.includes(c.label));
  if (missing.length > 0) text += `\n\n${(reply.choices ?? []).map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`;
  return splitText(text, textLimit);
}

/**
 * Zalo Bot Platform (bot.zapps.me): a Telegram-like bot API. The webhook checks
 * `X-Bot-Api-Secret-Token`, deduplicates on message_id and queues; replies use sendMessage.
 */
export function createZaloBotChannel(services: Services): Channel | null {
  const { config } = services;
  const token = config.ZALO_BOT_TOKEN;
  const secret = config.ZALO_BOT_WEBHOOK_SECRET;
  if (!token || !secret) return null;
  const kit = channelKit(services);
  const url = `${config.ZALO_BOT_API_ROOT.replace(/\/$/, '')}/bot${token}/sendMessage`;

  const sendText = async (chatId: string, text: string) => {
    let answer: { ok?: boolean; error_code?: number; description?: string };
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chatId, text }) });
      answer = (await res.json()) as typeof answer;
    } catch (err) {
      throw new UnavailableError('zalo bot api', err);
    }
    if (answer.ok) return;
    if (answer.error_code === 403) throw new UndeliverableError(`zalo bot: ${answer.description ?? 'forbidden'}`);
    throw new UnavailableError(`zalo bot api (${answer.error_code ?? '?'} ${answer.description ?? ''})`);
  };
  const send = async (chatId: string, replies: Array<{ text: string; link?: Reply['link']; choices?: Choice[] }>) => {
    for (const r of replies) for (const part of renderZaloBot(r)) await sendText(chatId, part);
  };

  // The queued payload is the update as validated by the webhook, possibly read back from Redis.
  kit.queue.register(name, async (payload) => {
    const update = zaloBotUpdateSchema.parse(payload);
    const message = update.message;
    if (!message) return;
    const chatId = message.chat.id;
    if (update.event_name === 'message.text.received' && message.text) {
      const turn: Turn = {
        channel: name, userId: chatId, session: sessionKey(name, chatId), conversationId: chatId,
        messageId: message.message_id, text: message.text,
      };
      await send(chatId, await answerTurn(services, turn));
    } else if (/voice|audio/.test(update.event_name)) {
      await send(chatId, [{ text: voiceNotUnderstood }]);
    } else {
      await send(chatId, [{ text: onlyText }]);
    }
  });

  const plugin: FastifyPluginAsync<{ services: Services }> = async (app) => {
    await limitPerUser(app, kit, name, (req) => {
      const p = zaloBotUpdateSchema.safeParse(req.body);
      return p.success ? p.data.message?.from.id : undefined;
    });
    app.post('/webhooks/zalo-bot', { bodyLimit: 64 * 1024 }, async (req, reply) => {
      if (!safeEqual(req.headers['x-bot-api-secret-token'], secret)) {
        return reply.code(401).send({ error: { code: 'unauthorized', message: 'Không có quyền gửi tới địa chỉ này.' } });
      }
      const parsed = zaloBotUpdateSchema.safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: { code: 'invalid_input', message: 'Dữ liệu cập nhật không hợp lệ.' } });
      const update = parsed.data;
      const message = update.message;
      if (!message) return reply.code(200).send({ ok: true, ignored: update.event_name });
      const busy = () => reply.code(503).send({ error: { code: 'busy', message: 'Hệ thống đang bận, xin thử lại sau.' } });
      if (!kit.queue.hasRoom()) return busy();
      // Marked as seen and queued in one step: a 503 leaves the platform's retry free to be taken.
      const queued = await kit.queue.push(
        { channel: name, key: `${name}:${message.chat.id}`, payload: update },
        { id: `zalobot:${message.chat.id}:${message.message_id}`, ttlSeconds: dedupeSeconds },
      );
      if (queued === 'full') return busy();
      if (queued === 'duplicate') return reply.code(200).send({ ok: true, duplicate: true });
      return reply.code(200).send({ ok: true });
    });
  };

  return { name, plugin, sender: (n: Notification) => send(n.userId, [{ text: n.text, choices: n.choices }]) };
}
