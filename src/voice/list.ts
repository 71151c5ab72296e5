import { ordinalWords } from './number-words.js';

/**
 * A listener cannot see "1." and "2." at the start of lines, so numbered and bulleted lists are
 * read "Thứ nhất, ...; thứ hai, ..." — the way a clerk would read a checklist over the phone.
 */
const item = /^\s*(?:(\d{1,2})[.)]|[-•*+–])\s+(.*)$/;

export function rewriteLists(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let position = 0;
  for (const line of lines) {
    const m = item.exec(line);
    if (!m) {
      if (line.trim()) position = 0;
      out.push(line);
      continue;
    }
    position = m[1] ? Number(m[1]) : position + 1;
    const ordinal = ordinalWords(position);
    const body = m[2].trim().replace(/[;,]$/, '');
    out.push(`${ordinal[0].toUpperCase()}${ordinal.slice(1)}, ${body}${/[.!?:]$/.test(body) ? '' : '.'}`);
  }
  return out.join('\n');
}

/** Letters of lettered items in Vietnamese legal texts, in order: a, b, c, d, đ, e, g, h, i, k... */
const itemLetters = 'abcdđeghiklmnopqrstuvxy';
const letteredItem = /(^|[\s;:.,])([a-zđ])\)\s*/gmu;

/** "a) Chủ tàu gửi hồ sơ...;b) Trong thời hạn..." -> "thứ nhất, Chủ tàu gửi hồ sơ...; thứ hai, Trong thời hạn...". */
export function rewriteLetteredItems(text: string): string {
  return text.replace(letteredItem, (_m, before: string, letter: string) => {
    const n = itemLetters.indexOf(letter) + 1;
    const sep = before === ';' || before === ':' || before === '.' || before === ',' ? `${before} ` : before;
    return `${sep}${ordinalWords(n)}, `;
  });
}
