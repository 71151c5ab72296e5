/**
 * How long to wait before the next delivery attempt. Exponential so a channel that is down for an
 * hour is not hammered, capped so a recovered channel is tried again within `maxMs`, and jittered
 * (between half and the full delay) so notifications queued together do not retry in lock-step.
 *
 * `attempt` is the number of attempts already made (1 after the first failure).
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const full = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(full / 2 + (full / 2) * r);
}
