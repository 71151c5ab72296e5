import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Reply, Turn } from '../../src/assistant/turn.js';
import type { Channel } from '../../src/http/channel.js';
import { UndeliverableError, type Notification } from '../../src/notify/notification.js';
import type { Services } from '../../src/services.js';
import { answerTurn, greeting, onlyText, sessionKey, voiceNotUnderstood } from '../conversation.js';
import { channelKit } from '../kit.js';
import { limitPerUser } from '../rate-limit.js';
import { createZaloOaClient } from './api.js';
import { zaloEventSchema, zaloUserOf, type ZaloEvent } from './event.js';
import { fileInteractionLog, messagingWindow, redisInteractionLog } from './interaction.js';
import { renderZalo } from './render.js';
import { verifyZaloEvent } from './signature.js';
import { createZaloTokens, fileTokenStore, processLock, redisLock, redisTokenStore } from './token.js';

const name = 'zalo';
const dedupeSeconds = 24 * 3600;

export interface ZaloChannelOptions {
  /** How far an event's timestamp may be from now (replays outside it are ignored). */
  freshnessMs?: number;
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyRequest { rawBody?: string }
}

/**
 * Zalo Official Account. The webhook keeps the raw body (the signature covers it byte for byte),
 * verifies `X-ZEvent-Signature`, deduplicates on msg_id and queues the turn; the queued turn
 * records the person's last interaction (for Zalo's messaging windows) and replies as a
 * consultation message.
 */
export function createZaloChannel(services: Services, opts: ZaloChannelOptions = {}): Channel | null {
  const { config, log } = services;
  const appId = config.ZALO_OA_APP_ID;
  const oaSecretKey = config.ZALO_OA_SECRET_KEY;
  if (!appId || !oaSecretKey || !(config.ZALO_OA_ACCESS_TOKEN || config.ZALO_OA_REFRESH_TOKEN)) return null;
  const now = opts.now ?? Date.now;
  const freshnessMs = opts.freshnessMs ?? 15 * 60 * 1000;
  const kit = channelKit(services);

  const tokens = createZaloTokens({
    appId,
    appSecret: config.ZALO_APP_SECRET ?? '',
    oauthRoot: config.ZALO_OAUTH_ROOT,
    initial: { accessToken: config.ZALO_OA_ACCESS_TOKEN, refreshToken: config.ZALO_OA_REFRESH_TOKEN },
    store: kit.redis ? redisTokenStore(kit.redis) : fileTokenStore(join(config.DATA_DIR, 'zalo-oa-token.json')),
    lock: kit.redis ? redisLock(kit.redis) : processLock(),
    log,
    now,
  });
  const client = createZaloOaClient({ apiRoot: config.ZALO_OA_API_ROOT, tokens });
  const interactions = kit.redis ? redisInteractionLog(kit.redis) : fileInteractionLog(join(config.DATA_DIR, 'zalo-oa-interactions.tsv'));

  const sendReplies = async (userId: string, replies: Array<Pick<Reply, 'text' | 'link' | 'choices'>>) => {
    for (const r of replies) for (const m of renderZalo(r)) await client.send(userId, m);
  };

  const handle = async (event: ZaloEvent, userId: string) => {
    const kind = event.event_name;
    if (kind === 'follow') return sendReplies(userId, [{ text: greeting }]);
    if (kind === 'user_send_audio' || kind === 'user_send_voice') return sendReplies(userId, [{ text: voiceNotUnderstood }]);
    if (kind !== 'user_send_text') return sendReplies(userId, [{ text: onlyText }]);
    const turn: Turn = {
      channel: name,
      userId,
      session: sessionKey(name, userId),
      conversationId: userId,
      messageId: event.message?.msg_id,
      text: event.message?.text ?? '',
    };
    await sendReplies(userId, await answerTurn(services, turn));
  };

  // The queued payload is the event as validated by the webhook, possibly read back from Redis.
  // The person's last interaction is recorded here (for Zalo's messaging windows), not in the
  // webhook, so that the webhook's one write is the queued turn itself.
  kit.queue.register(name, async (payload) => {
    const event = zaloEventSchema.parse(payload);
    const userId = zaloUserOf(event);
    if (!userId) return;
    await interactions.touch(userId, Number(event.timestamp) || now())
      .catch((err: unknown) => log.warn({ err }, 'zalo interaction not recorded'));
    await handle(event, userId);
  });

  const plugin: FastifyPluginAsync<{ services: Services }> = async (app) => {
    // The signature covers the exact bytes Zalo sent, so this scope parses JSON itself and keeps them.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (req: FastifyRequest, body, done) => {
      req.rawBody = body as string;
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
      }
    });
    await limitPerUser(app, kit, name, (req) => {
      const parsed = zaloEventSchema.safeParse(req.body);
      return parsed.success ? zaloUserOf(parsed.data) ?? undefined : undefined;
    });

    app.post('/webhooks/zalo', { bodyLimit: 64 * 1024 }, async (req, reply) => {
      const parsed = zaloEventSchema.safeParse(req.body);
      const verdict = verifyZaloEvent({
        header: req.headers['x-zevent-signature'],
        appId,
        rawBody: req.rawBody ?? '',
        timestamp: parsed.success ? parsed.data.timestamp : looseTimestamp(req.body),
        oaSecretKey,
        now: now(),
        windowMs: freshnessMs,
      });
      if (verdict === 'missing' || verdict === 'forged') {
        req.log.warn({ verdict }, 'zalo webhook signature rejected');
        return reply.code(401).send({ error: { code: 'unauthorized', message: 'Chữ ký không hợp lệ.' } });
      }
      if (!parsed.success) return reply.code(400).send({ error: { code: 'invalid_input', message: 'Dữ liệu sự kiện không hợp lệ.' } });
      const event = parsed.data;
      // A correctly signed but old event is a replay or a retry too late to help: acknowledge it so Zalo
      // stops redelivering, and do nothing.
      if (verdict === 'stale') {
        req.log.warn({ event: event.event_name }, 'stale zalo event ignored');
        return reply.code(200).send({ ok: true, ignored: 'stale' });
      }
      const userId = zaloUserOf(event);
      if (!userId) return reply.code(200).send({ ok: true, ignored: 'not from a citizen' });
      if (!event.event_name.startsWith('user_') && event.event_name !== 'follow') return reply.code(200).send({ ok: true, ignored: event.event_name });
      if (event.event_name.startsWith('user_') && !event.event_name.startsWith('user_send_')) {
        return reply.code(200).send({ ok: true, ignored: event.event_name });
      }
      const busy = () => reply.code(503).send({ error: { code: 'busy', message: 'Hệ thống đang bận, xin thử lại sau.' } });
      if (!kit.queue.hasRoom()) return busy();
      const delivery = event.message?.msg_id ? `zalo:msg:${event.message.msg_id}` : `zalo:${event.event_name}:${userId}:${event.timestamp}`;
      // Marked as seen and queued in one step: a 503 leaves Zalo's retry free to be taken.
      const queued = await kit.queue.push({ channel: name, key: `${name}:${userId}`, payload: event }, { id: delivery, ttlSeconds: dedupeSeconds });
      if (queued === 'full') return busy();
      if (queued === 'duplicate') return reply.code(200).send({ ok: true, duplicate: true });
      return reply.code(200).send({ ok: true });
    });
  };

  const sender = async (n: Notification) => {
    const window = messagingWindow(await interactions.last(n.userId), now());
    if (window === 'closed') {
      throw new UndeliverableError('zalo: more than 7 days since the person last wrote to the OA; Zalo refuses messages (ask them to write again, or use ZNS)');
    }
    // Within 48 hours it is a free consultation message; from 48 hours to 7 days Zalo counts it
    // against the OA's paid quota, and answers -213/-230 when it refuses, which becomes Undeliverable.
    await sendReplies(n.userId, [{ text: n.text, choices: n.choices }]);
  };

  return { name, plugin, sender };
}

/** The timestamp of a body that failed validation, so a signed but malformed event gets 400, not 401. */
function looseTimestamp(body: unknown): string | undefined {
  const ts = body && typeof body === 'object' ? (body as Record<string, unknown>).timestamp : undefined;
  return typeof ts === 'string' || typeof ts === 'number' ? String(ts) : undefined;
}
