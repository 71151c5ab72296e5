/**
 * Near-duplicate detection for feedback: the same complaint often arrives many times
 * (several residents, or one resident on two channels). Staff should see them side by side,
 * so a new feedback is linked to open ones about the same procedure with close text.
 * Text is folded (no diacritics, lower case) because citizens type both ways.
 */
export const SIMILARITY_THRESHOLD = 0.6;
/** Fingerprints are capped so comparing against hundreds of open records stays cheap. */
const MAX_TOKENS = 64;

/** Lower case, diacritics removed (đ -> d), punctuation to spaces. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd')
    .toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The sorted set of folded tokens (longer than one character) of a text. */
export function fingerprint(text: string): string[] {
  const tokens = new Set(fold(text).split(' ').filter((t) => t.length > 1));
  return [...tokens].sort().slice(0, MAX_TOKENS);
}

/** Jaccard index of two token sets, 0..1. */
export function jaccard(a: readonly string[] | ReadonlySet<string>, b: readonly string[]): number {
  const set = a instanceof Set ? a : new Set(a as readonly string[]);
  if (set.size === 0 && b.length === 0) return 0;
  let shared = 0;
  for (const t of b) if (set.has(t)) shared++;
  return shared / (set.size + b.length - shared);
}

/** Codes of candidates whose fingerprint is close to this one, closest first. */
export function similarCodes(tokens: readonly string[], candidates: readonly { code: string; tokens: readonly string[] }[], threshold = SIMILARITY_THRESHOLD): string[] {
  const set = new Set(tokens);
  return candidates
    .map((c) => ({ code: c.code, score: jaccard(set, c.tokens) }))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, 10)
    .map((c) => c.code);
}
