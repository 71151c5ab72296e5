/**
 * Long written sentences are hard to follow by ear. Speech is cut into sentences of at most
 * `maxWords` words where the writing allows it (a semicolon or a colon nearest the middle).
 * Commas are not turned into full stops, because they often sit inside a list ("cấp đổi, cấp lại
 * thẻ căn cước") and a full stop there would change the meaning; long comma-separated sentences
 * are instead given pauses in SSML (`phrases`).
 */
export const maxWords = 25;
const minWords = 5;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The break nearest the middle among `marks`, leaving at least `minWords` on each side; -1 when none. */
function bestBreak(sentence: string, mark: RegExp): number {
  const middle = sentence.length / 2;
  let best = -1;
  for (const m of sentence.matchAll(mark)) {
    const at = m.index!;
    if (wordCount(sentence.slice(0, at)) < minWords || wordCount(sentence.slice(at + 1)) < minWords) continue;
    if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  }
  return best;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

function splitLong(sentence: string): string[] {
  if (wordCount(sentence) <= maxWords) return [sentence];
  const at = bestBreak(sentence, /[;:]\s/g);
  if (at < 0) return [sentence];
  const head = sentence.slice(0, at).trim();
  const tail = sentence.slice(at + 1).trim();
  // A colon announces what follows, so it stays; a semicolon becomes a full stop.
  return [...splitLong(`${head}${sentence[at] === ':' ? ':' : '.'}`), ...splitLong(cap(tail))];
}

/** Split spoken text into short sentences, each ending with punctuation and starting with a capital. */
export function sentences(text: string): string[] {
  const parts = text
    .split(/(?<=[.!?…])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  return parts
    .map((s) => s.replace(/[\s,;-]+$/, ''))
    .map((s) => (/[.!?…:]$/.test(s) ? s : `${s}.`))
    .map(cap)
    .flatMap(splitLong);
}

/** A sentence still longer than `maxWords` cut at commas into phrases, for pauses in SSML. */
export function phrases(sentence: string): string[] {
  if (wordCount(sentence) <= maxWords) return [sentence];
  const at = bestBreak(sentence, /,\s/g);
  if (at < 0) return [sentence];
  return [...phrases(sentence.slice(0, at + 1).trim()), ...phrases(sentence.slice(at + 1).trim())];
}
