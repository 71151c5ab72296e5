import { z } from 'zod';

/**
 * Configuration is read once from the environment and validated here (CONTRACTS.md §4).
 * Every default is an embedded one, so `npm start` works with no servers and no tokens.
 */
const optional = z.string().trim().min(1).optional().catch(undefined);
const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

export const configSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: int(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optional,
  SESSION_TTL_SECONDS: int(1800),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  ZALO_OA_APP_ID: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_OA_ACCESS_TOKEN: optional,
  ZALO_OA_REFRESH_TOKEN: optional,
  ZALO_APP_SECRET: optional,
  ZALO_OA_API_ROOT: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_ROOT: z.string().url().default('https://oauth.zaloapp.com'),
  ZALO_BOT_TOKEN: optional,
  ZALO_BOT_WEBHOOK_SECRET: optional,
  ZALO_BOT_API_ROOT: z.string().url().default('https://bot-api.zaloplatforms.com'),
  /** Channel replies prepared at once (assistant + channel API calls); the rest wait in the queue. */
  CHANNEL_CONCURRENCY: int(8),
  /** Messages one person may send per minute on each webhook. */
  CHANNEL_RATE_LIMIT_PER_MINUTE: int(60),
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TYPE: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  DOSSIER_API_URL: optional,
  DOSSIER_API_TOKEN: optional,
  /** Dossier provider (src/dossiers): per-attempt timeout, answer cache, and how often subscribed dossiers are polled. */
  DOSSIER_TIMEOUT_MS: int(3000),
  DOSSIER_CACHE_SECONDS: int(60),
  DOSSIER_POLL_SECONDS: int(300),
  /** Public holidays (YYYY-MM-DD list) replacing the defaults of src/feedback/holidays.ts. */
  HOLIDAYS: optional,
  /** Feedback answer deadlines in working days per classification (src/feedback/lifecycle.ts). */
  FEEDBACK_DUE_DAYS_THUOC_THAM_QUYEN: int(10),
  FEEDBACK_DUE_DAYS_HANH_VI: int(10),
  FEEDBACK_FORWARD_DAYS: int(5),
  /** Staff bearer tokens live this long. */
  STAFF_TOKEN_TTL_SECONDS: int(8 * 3600),
  /** Outbox (src/notify/outbox.ts): attempts before a notification is listed as failed, first retry delay. */
  OUTBOX_MAX_ATTEMPTS: int(15),
  OUTBOX_BASE_DELAY_MS: int(2000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parse a configuration from an environment-like object; throws ConfigError naming each bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
