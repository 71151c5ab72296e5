import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { holidaySet } from '../feedback/holidays.js';
import type { NewNotification } from '../notify/notification.js';
import type { Skill } from '../assistant/skill.js';
import { createDossierLookupSkill } from '../assistant/skills/dossier-lookup.js';
import { createDossierService, type DossierService } from './dossier-service.js';
import { createDossierWatch, type DossierWatch } from './dossier-watch.js';
import { createEmbeddedProvider, defaultDossierFile } from './embedded-provider.js';
import { createHttpProvider } from './http-provider.js';
import { createLookupLimiter, type LimiterFactory } from './lookup-limit.js';
import type { DossierProvider } from './provider.js';
import type { DossierSubscriptionStore } from './subscription.js';

/**
 * Everything the dossier feature needs, built from configuration: the provider (the provincial
 * API when DOSSIER_API_URL is set, else DATA_DIR/dossiers.json), the verified lookup, the
 * watcher and the dialogue skill. The composition root and the `ask` command build it the same way.
 * Stores come from src/store/dossier-stores.ts, so this file stays free of Redis.
 */
export interface DossierCapability {
  provider: DossierProvider;
  service: DossierService;
  watch: DossierWatch | null;
  skill: Skill;
}

export type DossierConfig = Pick<Config, 'DATA_DIR' | 'DOSSIER_API_URL' | 'DOSSIER_API_TOKEN' | 'DOSSIER_TIMEOUT_MS' | 'DOSSIER_CACHE_SECONDS' | 'DOSSIER_POLL_SECONDS' | 'HOLIDAYS'>;

export function createDossierProvider(config: DossierConfig, log?: Logger): DossierProvider {
  if (config.DOSSIER_API_URL) {
    return createHttpProvider({
      baseUrl: config.DOSSIER_API_URL, token: config.DOSSIER_API_TOKEN, log,
      timeoutMs: config.DOSSIER_TIMEOUT_MS, cacheTtlMs: config.DOSSIER_CACHE_SECONDS * 1000,
    });
  }
  return createEmbeddedProvider({ file: defaultDossierFile(config.DATA_DIR), log });
}

export function createDossierCapability(opts: {
  config: DossierConfig;
  log?: Logger;
  limiterFactory?: LimiterFactory;
  subscriptions?: DossierSubscriptionStore;
  /** The outbox; without it (or without subscriptions) there is no watcher. */
  outbox?: { enqueue(n: NewNotification): Promise<unknown>; channels?(): string[] };
  provider?: DossierProvider;
}): DossierCapability {
  const { config, log, outbox } = opts;
  const provider = opts.provider ?? createDossierProvider(config, log);
  const holidays = holidaySet(config.HOLIDAYS);
  const service = createDossierService({ provider, limiter: createLookupLimiter(opts.limiterFactory), log, holidays });
  const watch = outbox && opts.subscriptions
    ? createDossierWatch({ provider, store: opts.subscriptions, outbox, log, holidays, intervalMs: Math.max(1, config.DOSSIER_POLL_SECONDS) * 1000 })
    : null;
  const skill = createDossierLookupSkill({
    dossiers: service, watch: watch ?? undefined, log,
    canNotify: (channel) => (outbox?.channels ? outbox.channels().includes(channel) : false),
  });
  return { provider, service, watch, skill };
}
