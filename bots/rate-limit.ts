import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../src/errors.js';
import type { ChannelKit } from './kit.js';

/**
 * Per-person rate limit on a channel's webhook, applied inside the channel's plugin scope.
 * It runs after the body is parsed so the key can be the channel's user id (one noisy chat
 * cannot starve the others behind the same platform IP); without one it falls back to the IP.
 * Counters live in Redis when REDIS_URL is set, so the limit holds across instances.
 */
export async function limitPerUser(
  app: FastifyInstance,
  kit: ChannelKit,
  channel: string,
  userOf: (req: FastifyRequest) => string | undefined,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: kit.rateLimitPerMinute,
    timeWindow: 60_000,
    nameSpace: `rl:${channel}:`,
    ...(kit.redis ? { redis: kit.redis, skipOnError: true } : {}),
    keyGenerator: (req) => {
      const user = safeUser(userOf, req);
      return user ? `u:${user}` : `ip:${req.ip}`;
    },
    // Thrown by the plugin and rendered by the app's error handler as {"error": {...}}.
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `rate limited on ${channel}`,
      `Bạn gửi tin nhắn quá nhanh, xin vui lòng thử lại sau ${Math.ceil(ctx.ttl / 1000)} giây.`, 429) as unknown as object,
  });
}

function safeUser(userOf: (req: FastifyRequest) => string | undefined, req: FastifyRequest): string | undefined {
  try {
    return userOf(req);
  } catch {
    return undefined;
  }
}
