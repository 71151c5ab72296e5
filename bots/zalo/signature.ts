import { createHash } from 'node:crypto';
import { safeEqual } from '../secret.js';

/**
 * Zalo Official Account webhooks carry `X-ZEvent-Signature: mac=<hex>` where the hex is
 * sha256(app_id + raw body + timestamp + OA secret key), the timestamp being the one inside the
 * body. The OA secret key (from the OA's webhook settings) is not the app secret used for OAuth.
 */
export function zaloEventMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(appId + rawBody + timestamp + oaSecretKey).digest('hex');
}

export type SignatureVerdict = 'ok' | 'missing' | 'forged' | 'stale';

/**
 * Check one delivery. The signature is compared in constant time; a correctly signed event whose
 * timestamp is outside `windowMs` of now is `stale` (a replay, or a retry too late to be useful).
 */
export function verifyZaloEvent(input: {
  header: string | string[] | undefined;
  appId: string;
  rawBody: string;
  timestamp: string | number | undefined;
  oaSecretKey: string;
  now: number;
  windowMs: number;
}): SignatureVerdict {
  const header = typeof input.header === 'string' ? input.header.trim() : '';
  if (!header || input.timestamp === undefined) return 'missing';
  const presented = header.startsWith('mac=') ? header.slice(4) : header;
  const expected = zaloEventMac(input.appId, input.rawBody, String(input.timestamp), input.oaSecretKey);
  if (!safeEqual(presented.toLowerCase(), expected)) return 'forged';
  const ts = Number(input.timestamp);
  if (!Number.isFinite(ts) || Math.abs(input.now - ts) > input.windowMs) return 'stale';
  return 'ok';
}
