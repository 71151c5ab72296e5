import { Bot, GrammyError, type ApiClientOptions, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { FastifyPluginAsync } from 'fastify';
import type { Reply, Turn } from '../../src/assistant/turn.js';
import type { Channel } from '../../src/http/channel.js';
import { UndeliverableError, type Notification } from '../../src/notify/notification.js';
import type { Services } from '../../src/services.js';
import { answerTurn, greeting, onlyText, sessionKey, voiceNotUnderstood } from '../conversation.js';
import { channelKit } from '../kit.js';
import { jsonFetch } from '../json-fetch.js';
import { limitPerUser } from '../rate-limit.js';
import { safeEqual } from '../secret.js';
import { renderTelegram, type TelegramMessage } from './render.js';
import { chatOf, senderOf, telegramUpdateSchema } from './update.js';

type ApiClientFetch = NonNullable<ApiClientOptions['fetch']>;

const name = 'telegram';
/** Telegram redelivers an unanswered update for up to about a day; remember ids a little longer. */
const dedupeSeconds = 26 * 3600;

/**
 * Telegram through grammY. The webhook checks the secret token, validates the update, queues it
 * (deduplicated in the same step) and answers 200 at once; grammY's middleware then turns it into a Turn and
 * renders the replies. The same bot runs long polling for local use (`cli telegram --polling`).
 */
export function createTelegramChannel(services: Services): Channel | null {
  const { config, log } = services;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return null;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  const kit = channelKit(services);
  // A lean keep-alive JSON client instead of grammY's bundled node-fetch (see json-fetch.ts).
  const bot = new Bot(token, { client: { apiRoot: config.TELEGRAM_API_ROOT, fetch: jsonFetch as unknown as ApiClientFetch } });
  const botId = token.split(':')[0];

  const send = async (chatId: string | number, messages: TelegramMessage[]) => {
    for (const m of messages) {
      await bot.api.sendMessage(chatId, m.text, {
        link_preview_options: { is_disabled: true },
        ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
      });
    }
  };
  const sendReplies = async (chatId: number, replies: Reply[]) => {
    for (const r of replies) await send(chatId, renderTelegram(r));
  };
  const ask = async (ctx: Context, text: string) => {
    const chatId = ctx.chat!.id;
    const turn: Turn = {
      channel: name,
      userId: String(chatId),
      session: sessionKey(name, String(chatId)),
      conversationId: String(chatId),
      messageId: String(ctx.msg?.message_id ?? ctx.update.update_id),
      text,
    };
    await sendReplies(chatId, await answerTurn(services, turn));
  };

  bot.command('start', (ctx) => send(ctx.chat.id, renderTelegram({ text: greeting })));
  bot.on('message:text', (ctx) => ask(ctx, ctx.msg.text));
  bot.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat) await ask(ctx, ctx.callbackQuery.data);
  });
  bot.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) =>
    send(ctx.chat.id, renderTelegram({ text: voiceNotUnderstood })));
  bot.on('message', (ctx) => send(ctx.chat.id, renderTelegram({ text: onlyText })));
  bot.catch((err) => log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram update failed'));

  let initing: Promise<void> | null = null;
  const ready = () => (bot.isInited() ? Promise.resolve() : (initing ??= bot.init().finally(() => { initing = null; })));
  // The queued payload is the update as validated by the webhook, possibly read back from Redis.
  kit.queue.register(name, async (payload) => {
    await ready();
    await bot.handleUpdate(telegramUpdateSchema.parse(payload) as unknown as Update);
  });

  const plugin: FastifyPluginAsync<{ services: Services }> = async (app) => {
    if (!secret) log.warn('TELEGRAM_WEBHOOK_SECRET is unset: the Telegram webhook refuses every update (long polling still works)');
    await limitPerUser(app, kit, name, (req) => senderOf(telegramUpdateSchema.parse(req.body)));
    app.post('/webhooks/telegram', { bodyLimit: 64 * 1024 }, async (req, reply) => {
      if (!secret || !safeEqual(req.headers['x-telegram-bot-api-secret-token'], secret)) {
        return reply.code(401).send({ error: { code: 'unauthorized', message: 'Không có quyền gửi tới địa chỉ này.' } });
      }
      const parsed = telegramUpdateSchema.safeParse(req.body);
      if (!parsed.success) {
        return reply.code(400).send({ error: { code: 'invalid_input', message: 'Dữ liệu cập nhật không hợp lệ.' } });
      }
      const update = parsed.data;
      const busy = () => reply.code(503).send({ error: { code: 'busy', message: 'Hệ thống đang bận, xin thử lại sau.' } });
      if (!kit.queue.hasRoom()) return busy();
      // Marked as seen and queued in one step: a 503 (queue full, Redis down) leaves Telegram's retry free to be taken.
      const queued = await kit.queue.push(
        { channel: name, key: `${name}:${chatOf(update) ?? update.update_id}`, payload: update },
        { id: `tg:${botId}:${update.update_id}`, ttlSeconds: dedupeSeconds },
      );
      if (queued === 'full') return busy();
      if (queued === 'duplicate') return reply.code(200).send({ ok: true, duplicate: true });
      return reply.code(200).send({ ok: true });
    });
  };

  const sender = async (n: Notification) => {
    try {
      await send(n.userId, renderTelegram({ text: n.text, choices: n.choices }));
    } catch (err) {
      // 403: the person blocked the bot or deleted the chat; 400 chat not found. Retrying cannot help.
      if (err instanceof GrammyError && (err.error_code === 403 || (err.error_code === 400 && /chat not found/i.test(err.description)))) {
        throw new UndeliverableError(`telegram: ${err.description}`);
      }
      throw err;
    }
  };

  return {
    name,
    plugin,
    sender,
    /** Long polling for local use; stops with stop(). */
    async start() {
      await bot.start({ onStart: (me) => log.info({ bot: me.username }, 'telegram long polling started') });
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
    },
  };
}
