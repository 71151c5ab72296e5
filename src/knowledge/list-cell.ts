import { known, squash } from './text.js';

/**
 * Split a comma-separated portal cell (levels, agencies, audience) into items. Commas inside
 * parentheses belong to the item: `Tổ chức (không bao gồm doanh nghiệp, HTX)` is one audience.
 */
export function parseListCell(cell: string | null | undefined): string[] {
  if (known(cell) === null) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell as string) {
    if (ch === '(') depth++;
    if (ch === ')' && depth > 0) depth--;
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  items.push(current);
  const seen = new Set<string>();
  const out: string[] = [];
  // A piece starting in lower case continues the previous name: `Ủy ban ... sự cố, thiên tai và ...`.
  const joined: string[] = [];
  for (const raw of items) {
    const t = raw.trim();
    if (joined.length > 0 && /^\p{Ll}/u.test(t)) joined[joined.length - 1] += `,${raw}`;
    else joined.push(raw);
  }
  for (const raw of joined) {
    const item = known(raw);
    if (item === null) continue;
    const key = squash(item).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
