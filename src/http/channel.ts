import type { FastifyPluginAsync } from 'fastify';
import type { Sender } from '../notify/notification.js';
import type { Services } from '../services.js';

/**
 * A messaging channel as the composition root sees it. Each folder of bots/ exports a factory
 * returning one of these; main.ts mounts the plugin, registers the sender with the outbox and
 * calls start/stop. Keeping the shape here (not in bots/) lets src/ describe channels without
 * ever importing an adapter.
 */
export interface Channel {
  /** The channel name carried in Turns and Notifications ('telegram', 'zalo'...). */
  name: string;
  /** Webhook routes (and any page) of the channel, mounted on the shared fastify app. */
  plugin: FastifyPluginAsync<{ services: Services }>;
  /** Delivers outbox notifications to a person on this channel. */
  sender?: Sender;
  /** Background work that is not an HTTP route (e.g. long polling). */
  start?(): Promise<void>;
  /** Finish queued replies and release connections. */
  stop?(): Promise<void>;
}
