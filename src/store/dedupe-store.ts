/**
 * Remembers which deliveries were already seen, so that a webhook retried by Telegram, Zalo or
 * Bot Framework (after a timeout or a restart) never produces a second reply or a second feedback
 * record. In memory on the embedded default; Redis `SET NX EX` when REDIS_URL is set, so several
 * instances behind a load balancer agree on what was seen.
 */
export interface DedupeStore {
  /** True the first time `key` is seen within `ttlSeconds`, false for every repeat. */
  first(key: string, ttlSeconds: number): Promise<boolean>;
}
