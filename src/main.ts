import type { FastifyInstance } from 'fastify';
import { readConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { loadKnowledge } from './knowledge/loader.js';
import { buildApp, type HttpPlugin } from './http/app.js';
import type { Services } from './services.js';
import type { Channel } from './http/channel.js';
import type { Sender } from './notify/notification.js';
import { createChannels } from '../bots/channels.js';

/**
 * Composition root: the one place that builds every service from configuration and wires
 * the channel adapters of bots/ to the assistant (DESIGN.md). Nothing else in src/ imports bots/.
 */
export async function createServices(config: Config, log: Logger = createLogger(config.LOG_LEVEL)): Promise<Services> {
  const services: Services = { config, log, procedures: [], readinessChecks: [], closers: [] };

  // --- knowledge ---
  const knowledge = await loadKnowledge(config.KNOWLEDGE_DIR);
  for (const p of knowledge.problems) log.warn({ file: p.file, field: p.field }, `knowledge file rejected: ${p.message}`);
  services.procedures = knowledge.procedures;
  log.info({ procedures: knowledge.procedures.length, rejected: knowledge.problems.length }, 'knowledge loaded');

  // --- channels (bots/): keep this section last, it wires the assistant and outbox built above ---
  const channels = createChannels(services);
  services.channels = channels;
  const outbox = services.outbox as { registerSender(channel: string, sender: Sender): void } | undefined;
  for (const c of channels) {
    if (c.sender && outbox) outbox.registerSender(c.name, c.sender);
    if (c.stop) services.closers.push(c.stop);
  }

  return services;
}

/** HTTP plugins of every capability, in mounting order. */
export function httpPlugins(_services: Services): HttpPlugin[] {
  return [
    // channel webhooks and the web chat page (bots/), mounted last
    ...((_services.channels as Channel[] | undefined) ?? []).map((c) => ({ plugin: c.plugin })),
  ];
}

export async function createServer(services: Services): Promise<FastifyInstance> {
  const app = await buildApp(services, httpPlugins(services));
  app.addHook('onClose', async () => {
    for (const close of [...services.closers].reverse()) await close().catch(() => undefined);
  });
  return app;
}

/** `serve`: start the HTTP server and stop cleanly on SIGINT/SIGTERM. */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<FastifyInstance> {
  const config = readConfig(env);
  const services = await createServices(config);
  const app = await createServer(services);
  await app.listen({ port: config.PORT, host: config.HOST });
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
