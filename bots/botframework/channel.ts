import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Turn } from '../../src/assistant/turn.js';
import type { Channel } from '../../src/http/channel.js';
import { UndeliverableError, type Notification } from '../../src/notify/notification.js';
import type { Services } from '../../src/services.js';
import { answerTurn, greeting, sessionKey } from '../conversation.js';
import { channelKit } from '../kit.js';
import { createMemoryReferences, createRedisReferences } from './references.js';
import { limitPerUser } from '../rate-limit.js';
import { renderActivities } from './render.js';

const name = 'botframework';
const dedupeSeconds = 24 * 3600;

/** What the route checks before handing the activity to botbuilder. */
export const activitySchema = z.object({
  type: z.string().min(1),
  id: z.string().min(1).optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough().optional(),
  text: z.string().max(4000).optional(),
}).passthrough();

/**
 * Bot Framework (Web Chat, Direct Line, Direct Line Speech, Teams) through botbuilder's
 * CloudAdapter, hosted on fastify at POST /api/messages. botbuilder stays inside this folder, so
 * moving to its successor SDK touches nothing else. Without MICROSOFT_APP_ID the adapter runs
 * unauthenticated for local use (Bot Framework Emulator); in production an unauthenticated
 * endpoint is refused: the channel stays off (POST /api/messages is not mounted) and the rest of
 * the service still starts, so a deployment that does not use Bot Framework needs no credentials.
 */
export function createBotFrameworkChannel(services: Services): Channel | null {
  const { config, log } = services;
  const appId = config.MICROSOFT_APP_ID;
  const managedIdentity = config.MICROSOFT_APP_TYPE === 'UserAssignedMSI';
  if (config.NODE_ENV === 'production' && (!appId || (!config.MICROSOFT_APP_PASSWORD && !managedIdentity))) {
    log.warn('Bot Framework channel off: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD are required when NODE_ENV=production');
    return null;
  }
  const kit = channelKit(services);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, err) => {
    log.error({ err }, 'bot framework turn failed');
    await context.sendActivities(renderActivities([{ text: 'Xin lỗi, đã có lỗi xảy ra. Bạn vui lòng thử lại sau ít phút.' }]) as Partial<Activity>[]);
  };
  // Conversation references let the outbox write to a person later (a feedback status change).
  const references = kit.redis ? createRedisReferences(kit.redis) : createMemoryReferences();

  const logic = async (context: TurnContext) => {
    const activity = context.activity;
    if (activity.type === 'conversationUpdate') {
      const newcomers = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient?.id);
      if (newcomers.length > 0) await context.sendActivities(renderActivities([{ text: greeting }]) as Partial<Activity>[]);
      return;
    }
    if (activity.type !== 'message') return;
    await references.set(activity.from.id, TurnContext.getConversationReference(activity));
    const turn: Turn = {
      channel: name,
      userId: activity.from.id,
      session: sessionKey(name, activity.from.id),
      conversationId: activity.conversation.id,
      messageId: activity.id,
      text: (activity.text ?? (typeof activity.value === 'string' ? activity.value : '')).trim(),
    };
    if (!turn.text) return;
    const replies = await answerTurn(services, turn);
    await context.sendActivities(renderActivities(replies) as Partial<Activity>[]);
  };

  const plugin: FastifyPluginAsync<{ services: Services }> = async (app) => {
    await limitPerUser(app, kit, name, (req) => {
      const p = activitySchema.safeParse(req.body);
      return p.success ? `${p.data.channelId}:${p.data.from.id}` : undefined;
    });
    app.post('/api/messages', { bodyLimit: 256 * 1024 }, async (req, reply) => {
      const parsed = activitySchema.safeParse(req.body);
      if (!parsed.success) return reply.code(400).send({ error: { code: 'invalid_input', message: 'Hoạt động gửi lên không hợp lệ.' } });
      const activity = parsed.data;
      if (activity.id && !(await kit.dedupe.first(`bf:${activity.conversation.id}:${activity.id}`, dedupeSeconds))) {
        return reply.code(200).send();
      }
      // botbuilder writes through an Express-like response; collect it and answer through fastify.
      let status = 200;
      let body: unknown;
      const headers: Record<string, string> = {};
      const res = {
        socket: req.raw.socket,
        status(code: number) { status = code; return res; },
        header(name: string, value: unknown) { headers[name] = String(value); return res; },
        send(payload?: unknown) { if (payload !== undefined) body = payload; return res; },
        end(payload?: unknown) { if (payload !== undefined && body === undefined) body = payload; return res; },
      };
      await adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: req.method }, res, logic);
      reply.code(status).headers(headers);
      return body === undefined ? reply.send() : reply.send(body);
    });
  };

  const sender = async (n: Notification) => {
    const reference = await references.get(n.userId);
    if (!reference) throw new UndeliverableError('botframework: no conversation with this person (never wrote, or longer ago than the reference is kept)');
    await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
      await context.sendActivities(renderActivities([{ text: n.text, choices: n.choices }]) as Partial<Activity>[]);
    });
  };

  return { name, plugin, sender };
}
