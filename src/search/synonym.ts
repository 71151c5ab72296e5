import type { Lexicon } from './lexicon.js';
import { foldDiacritics } from './normalize.js';

/**
 * Everyday names in a question ("cà vẹt", "sổ đỏ", "cắt hộ khẩu") replaced in place by the
 * official words procedure names use ("chứng nhận đăng ký xe", "giấy chứng nhận quyền sử dụng
 * đất", "xóa đăng ký thường trú"). In place, so the verb before it still forms a bigram with
 * it: "đổi cà vẹt" becomes "đổi chứng nhận đăng ký xe" and finds "Đổi chứng nhận đăng ký xe".
 * The everyday phrase and any further meanings are appended as separate clauses.
 */
export function expandSynonyms(normalized: string, lexicon: Lexicon, accented: boolean): string {
  const table = tableFor(lexicon, accented);
  if (!table) return normalized;
  let text = accented ? normalized : foldDiacritics(normalized);
  const extra: string[] = [];
  // Two passes: a replacement may complete a longer everyday phrase ("làm giấy khai sinh" ->
  // "làm khai sinh" -> "đăng ký khai sinh").
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    text = text.replace(table.pattern, (phrase) => {
      const entry = table.byPhrase.get(phrase);
      // An expansion that contains its own phrase ("hộ chiếu" -> "hộ chiếu phổ thông") is applied once.
      if (!entry || entry[0] === phrase || (pass > 0 && entry[0].includes(phrase))) return phrase;
      changed = true;
      extra.push(phrase, ...entry.slice(1));
      return entry[0];
    });
    if (!changed) break;
  }
  return extra.length ? `${text} . ${extra.join(' . ')}` : text;
}

interface Table {
  pattern: RegExp;
  byPhrase: Map<string, string[]>;
}

const tables = new WeakMap<Lexicon, { accented: Table | null; folded: Table | null }>();

function tableFor(lexicon: Lexicon, accented: boolean): Table | null {
  let cached = tables.get(lexicon);
  if (!cached) {
    cached = { accented: build(lexicon, (s) => s), folded: build(lexicon, foldDiacritics) };
    tables.set(lexicon, cached);
  }
  return accented ? cached.accented : cached.folded;
}

function build(lexicon: Lexicon, form: (s: string) => string): Table | null {
  const byPhrase = new Map<string, string[]>();
  for (const s of lexicon.synonyms) {
    const phrase = form(s.phrase);
    if (!byPhrase.has(phrase)) byPhrase.set(phrase, s.means.map(form));
  }
  if (!byPhrase.size) return null;
  const alternatives = [...byPhrase.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), byPhrase };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
