/**
 * Split a reply into messages no longer than a channel's limit (Telegram 4,096 characters,
 * Zalo 2,000). A cut falls, in order of preference, on a blank line between paragraphs, a line
 * break, the end of a sentence, a space; only a single unbroken word longer than the limit is
 * cut mid-word. Limits count UTF-16 code units, as both APIs do, and a cut never splits a
 * surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Separators from strongest to weakest; `keep` leaves the matched mark at the end of the first part. */
const separators: Array<{ re: RegExp; keep: boolean }> = [
  { re: /\n\s*\n/g, keep: false },
  { re: /\n/g, keep: false },
  { re: /[.!?;:](?=\s)/g, keep: true },
  { re: /\s/g, keep: false },
];

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const { re, keep } of separators) {
    let best = -1;
    for (const m of window.matchAll(re)) {
      const end = keep ? m.index + m[0].length : m.index;
      if (end > 0 && end <= limit) best = end;
    }
    // A cut in the first fifth would leave a tiny message; prefer a weaker separator further on.
    if (best > limit / 5) return best;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
