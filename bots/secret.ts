import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compare a presented secret or signature with the expected one in constant time. Both sides
 * are hashed first so that neither the content nor the length of the expected value leaks
 * through timing; a missing value never matches.
 */
export function safeEqual(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || expected.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
