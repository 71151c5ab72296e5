import type { FastifyInstance } from 'fastify';
import { readConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { loadKnowledge } from './knowledge/loader.js';
import { buildApp, type HttpPlugin } from './http/app.js';
import type { Services } from './services.js';
import type { Channel } from './http/channel.js';
import type { Sender } from './notify/notification.js';
import { createChannels } from '../bots/channels.js';
import { openFeedbackStore } from './store/feedback-store.js';
import { FeedbackDesk, deadlinesFromConfig, type Notifier } from './feedback/feedback-service.js';
import { holidaySet } from './feedback/holidays.js';
import { feedbackRoutes } from './http/feedback.js';
import { staffRoutes } from './http/staff.js';
import { createOutbox, type Outbox } from './notify/outbox.js';
import { openOutboxStore } from './store/outbox-store.js';
import { outboxRoutes } from './http/outbox.js';
import type { Skill } from './assistant/skill.js';
import { createFeedbackIntakeSkill } from './assistant/skills/feedback-intake.js';
import { createFeedbackStatusSkill } from './assistant/skills/feedback-status.js';
import { loadLexicon } from './search/lexicon.js';
import { buildProcedureIndex } from './search/procedure-index.js';
import { createAssistant } from './assistant/assistant.js';
import { createRetrieval } from './assistant/retrieval.js';
import { defaultSnapshotPath } from './assistant/engine.js';
import type { SessionStore } from './assistant/session.js';
import { connectRedis } from './store/redis.js';
import { createMemorySessionStore } from './store/session-memory.js';
import { createRedisSessionStore } from './store/session-redis.js';
import { askRoutes } from './http/ask.js';
import { procedureRoutes } from './http/procedures.js';
import { openDossierStores } from './store/dossier-stores.js';
import { createDossierCapability } from './dossiers/dossier-capability.js';
import type { DossierWatch } from './dossiers/dossier-watch.js';
import { dossierRoutes } from './http/dossiers.js';

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

  // --- feedback (phản ánh, kiến nghị): queue, lifecycle, staff ---
  const feedbackStore = await openFeedbackStore(config, log);
  services.feedbackStore = feedbackStore;
  services.feedback = new FeedbackDesk({
    store: feedbackStore, deadlines: deadlinesFromConfig(config), holidays: holidaySet(config.HOLIDAYS), log,
    tokenTtlSeconds: config.STAFF_TOKEN_TTL_SECONDS,
    // The outbox is looked up when a status changes, so the order of sections here does not matter.
    notifier: { enqueue: async (n) => (services.outbox as Notifier | undefined)?.enqueue(n) },
  });
  services.readinessChecks.push({ name: 'feedback', check: () => feedbackStore.ping() });
  services.closers.push(() => feedbackStore.close());

  // --- outbox: status changes and results to citizens, retried until delivered (the loop starts in serve) ---
  const outboxStore = await openOutboxStore(config, log);
  const outboxService = createOutbox({
    store: outboxStore, log, maxAttempts: config.OUTBOX_MAX_ATTEMPTS, baseDelayMs: config.OUTBOX_BASE_DELAY_MS,
  });
  services.outbox = outboxService;
  services.readinessChecks.push({ name: 'outbox', check: () => outboxStore.ping() });
  services.closers.push(() => outboxStore.close());
  services.closers.push(() => outboxService.stop()); // closers run in reverse: the loop stops before its store

  // --- dossiers (tra cứu hồ sơ): provider, verified lookup, watcher (started in serve), skill ---
  const dossierStores = openDossierStores(config, log);
  const dossiers = createDossierCapability({
    config, log, limiterFactory: dossierStores.limiterFactory, subscriptions: dossierStores.subscriptions, outbox: outboxService,
  });
  services.dossiers = dossiers.service;
  await dossiers.provider.ready(); // embedded: writes the fictional demo DATA_DIR/dossiers.json on first start
  services.dossierWatch = dossiers.watch;
  services.readinessChecks.push({ name: 'dossier-stores', check: () => dossierStores.ping() });
  services.closers.push(() => dossierStores.close());
  services.closers.push(async () => { await dossiers.watch?.stop(); });

  // --- dialogue skills, asked in order before procedure questions (the assistant takes services.skills) ---
  const skills = (services.skills as Skill[] | undefined) ?? [];
  services.skills = skills;
  skills.push(
    createFeedbackStatusSkill({ feedback: services.feedback as FeedbackDesk, log }),
    createFeedbackIntakeSkill({ feedback: services.feedback as FeedbackDesk, log }),
  );
  skills.push(dossiers.skill);

  // --- assistant: lexicon, index (snapshot under DATA_DIR), sessions (Redis when REDIS_URL), skills ---
  const lexicon = await loadLexicon();
  services.lexicon = lexicon;
  const index = await buildProcedureIndex(services.procedures, lexicon, { snapshotPath: defaultSnapshotPath(config.KNOWLEDGE_DIR, { DATA_DIR: config.DATA_DIR }) });
  services.index = index;
  log.info({ procedures: index.size, origin: index.origin }, 'procedure index ready');
  if (config.REDIS_URL) {
    const sessionRedis = connectRedis(config.REDIS_URL, log, 'sessions');
    services.sessions = createRedisSessionStore(sessionRedis);
    services.readinessChecks.push({ name: 'sessions', check: async () => (await sessionRedis.ping()) === 'PONG' });
    services.closers.push(async () => { sessionRedis.disconnect(); });
  } else {
    services.sessions = createMemorySessionStore();
  }
  services.retrieval = createRetrieval({ procedures: services.procedures, index, lexicon });
  services.assistant = createAssistant({
    procedures: services.procedures, index, lexicon, sessions: services.sessions as SessionStore,
    skills, sessionTtlSeconds: config.SESSION_TTL_SECONDS,
  });

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
    ...(_services.assistant ? [{ plugin: askRoutes }] : []),
    ...(_services.index ? [{ plugin: procedureRoutes }] : []),
    ...(_services.feedback instanceof FeedbackDesk ? [{ plugin: feedbackRoutes }, { plugin: staffRoutes }] : []),
    ...(_services.outbox && _services.feedback instanceof FeedbackDesk ? [{ plugin: outboxRoutes }] : []),
    ...(_services.dossiers ? [{ plugin: dossierRoutes }] : []),
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

/**
 * Loops that run beside the handlers: outbox delivery, the dossier watch and the consumers of the
 * channels' turn queue (serve and telegram --polling). Each one's closer stops it.
 */
export function startBackgroundWork(services: Services): void {
  (services.outbox as Outbox | undefined)?.start();
  (services.dossierWatch as DossierWatch | null | undefined)?.start();
  // Put there by bots/kit.ts when a channel is on; typed by shape, as src/ does not import bots/.
  (services.turnQueue as { start(): void } | undefined)?.start();
}

/** `serve`: start the HTTP server and stop cleanly on SIGINT/SIGTERM. */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<FastifyInstance> {
  const config = readConfig(env);
  const services = await createServices(config);
  const app = await createServer(services);
  await app.listen({ port: config.PORT, host: config.HOST });
  startBackgroundWork(services);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
