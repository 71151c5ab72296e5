/**
 * Long written sentences are hard to follow by ear. Speech is cut into sentences of at most
 * `maxWords` words, breaking at a semicolon, a colon or a comma nearest the middle.
 */
export const maxWords = 25;
const minWords = 5;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function splitLong(sentence: string): string[] {
  if (wordCount(sentence) <= maxWords) return [sentence];
  const middle = sentence.length / 2;
  let best = -1;
  // Pieces shorter than `minWords` ("Theo quy định.") would sound clipped, so such breaks are skipped.
  const fits = (at: number) => wordCount(sentence.slice(0, at)) >= minWords && wordCount(sentence.slice(at + 1)) >= minWords;
  for (const mark of [/[;:]\s/g, /,\s/g]) {
    for (const m of sentence.matchAll(mark)) {
      if (!fits(m.index!)) continue;
      if (best < 0 || Math.abs(m.index! - middle) < Math.abs(best - middle)) best = m.index!;
    }
    if (best >= 0) break;
  }
  if (best < 0) return [sentence];
  const head = sentence.slice(0, best).trim();
  const tail = sentence.slice(best + 1).trim();
  if (!head || !tail) return [sentence];
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  return [...splitLong(`${head}.`), ...splitLong(cap(tail))];
}

/** Split spoken text into short sentences, each ending with punctuation. */
export function sentences(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  return parts
    .map((s) => s.replace(/[\s,;-]+$/, ''))
    .map((s) => (/[.!?…:]$/.test(s) ? s : `${s}.`))
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .flatMap(splitLong);
}
