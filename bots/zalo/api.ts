import { z } from 'zod';
import { AppError, UnavailableError } from '../../src/errors.js';
import { UndeliverableError } from '../../src/notify/notification.js';
import type { ZaloMessage } from './render.js';
import type { ZaloTokens } from './token.js';

/**
 * Zalo's answer codes as integrators report them: an invalid or expired access token
 * (refresh once, then retry), and a person the OA may no longer write to (not following,
 * or no interaction within the allowed window), where retrying cannot help.
 */
const tokenErrors = new Set([-216, -124, -220]);
const closedWindowErrors = new Set([-213, -230]);

const answerSchema = z.object({ error: z.number(), message: z.string().optional() }).passthrough();

export class ZaloApiError extends AppError {
  constructor(readonly zaloCode: number, description: string) {
    super('zalo_api', `zalo api error ${zaloCode}: ${description}`, 'Không gửi được tin nhắn qua Zalo.', 502);
    this.name = 'ZaloApiError';
  }
}

/** Sends consultation (customer-service) messages: POST {root}/v3.0/oa/message/cs with the access_token header. */
export function createZaloOaClient(opts: { apiRoot: string; tokens: ZaloTokens }) {
  const url = `${opts.apiRoot.replace(/\/$/, '')}/v3.0/oa/message/cs`;

  const post = async (token: string, userId: string, message: ZaloMessage) => {
    let answer: unknown;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: token },
        body: JSON.stringify({ recipient: { user_id: userId }, message }),
      });
      answer = await res.json();
    } catch (err) {
      throw new UnavailableError('zalo oa api', err);
    }
    const parsed = answerSchema.safeParse(answer);
    if (!parsed.success) throw new UnavailableError('zalo oa api (unexpected answer)');
    return parsed.data;
  };

  return {
    async send(userId: string, message: ZaloMessage): Promise<void> {
      let token = await opts.tokens.access();
      let answer = await post(token, userId, message);
      if (tokenErrors.has(answer.error)) {
        token = await opts.tokens.renew(token);
        answer = await post(token, userId, message);
      }
      if (answer.error === 0) return;
      if (closedWindowErrors.has(answer.error)) {
        throw new UndeliverableError(`zalo: cannot message this person any more (${answer.error} ${answer.message ?? ''})`.trim());
      }
      throw new ZaloApiError(answer.error, answer.message ?? '');
    },
  };
}
export type ZaloOaClient = ReturnType<typeof createZaloOaClient>;
