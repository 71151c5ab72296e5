import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Procedure } from './knowledge/procedure.js';

/**
 * What the composition root (main.ts) builds and hands to the HTTP app, the CLI and the
 * channel adapters. Each capability adds its service here; optional ones are off until wired.
 */
export interface Services {
  config: Config;
  log: Logger;
  procedures: Procedure[];
  /** Health checks of stores and providers; readyz is 200 only when all resolve true. */
  readinessChecks: Array<{ name: string; check: () => Promise<boolean> }>;
  /** Closed in reverse order on shutdown. */
  closers: Array<() => Promise<void>>;
  [capability: string]: unknown;
}
