import type { Fee } from './procedure.js';
import { squash } from './text.js';

/**
 * Money as the portal writes it. The fee column uses comma thousands and a currency word
 * (`10,000 Việt Nam Đồng`, `8,000 VNĐ`, `10 USD`); the free-text notes use dot thousands and
 * `đồng`/`đ` (`135.000 đồng/lần`, `320.000đ/hộ chiếu`).
 */

const CURRENCY: Record<string, Fee['currency']> = {
  'việt nam đồng': 'VND', 'vnđ': 'VND', 'vnd': 'VND', 'đồng': 'VND', 'đ': 'VND', 'usd': 'USD',
};

/** `160,000` / `135.000` / `1.200.000` / `10` / `2,5` -> number; null when not a number. */
export function parseAmount(digits: string): number | null {
  const t = digits.trim();
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d+[.,]\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

/** The amount at the start of a fee-column value, e.g. `10,000 Việt Nam Đồng(...)`. */
export const COLUMN_FEE_AT_START = /^(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|VND|Đồng|USD)/iu;

export function parseColumnFee(text: string): { amount: number; currency: Fee['currency']; length: number } | null {
  const m = COLUMN_FEE_AT_START.exec(text);
  if (!m) return null;
  const amount = parseAmount(m[1]!);
  const currency = CURRENCY[m[2]!.toLowerCase()];
  if (amount === null || !currency) return null;
  return { amount, currency, length: m[0].length };
}

/** Per-unit after an amount: `/trang`, `/ hộ chiếu`, `đồng/lần cấp`. */
export function parsePer(text: string): string | null {
  // JavaScript's \b is not Unicode-aware (`kể\b` never matches), hence the explicit lookahead.
  const m = /^\s*\/\s*([\p{L}\s]{1,30}?)\s*(?=$|[.,;:()\-+\d]|\s(?:trường|từ|áp|tối|theo|đối|kể|nếu|và|hoặc|khi|tại|cho|Đồng|đồng)(?=$|[\s.,;:()]))/u.exec(text);
  if (!m) return null;
  // The unit ends where the next sentence starts: `/giấy Trong thời hạn...`, `/lần Miễn lệ phí`.
  const words = squash(m[1]!).split(' ');
  const end = words.findIndex((w, i) => i > 0 && (/^\p{Lu}/u.test(w) || w === 'nộp'));
  const per = (end < 0 ? words : words.slice(0, end)).join(' ');
  return per === '' ? null : per;
}

const NOTE_AMOUNT = /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s*(triệu\s+đồng|triệu|Việt Nam Đồng|VNĐ|VND|USD|đồng|đ)(?![\p{L}])/giu;

/**
 * Every amount stated in free text, with the clause before it as the label
 * (`- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần` -> label `Lệ phí cấp giấy phép lái xe`).
 * Used for notes, where the portal often hides the real fee behind `Miễn phí`.
 */
export function findAmounts(text: string): Fee[] {
  const fees: Fee[] = [];
  let floor = 0;
  for (const m of text.matchAll(NOTE_AMOUNT)) {
    let amount = parseAmount(m[1]!);
    if (amount === null) continue;
    const word = m[2]!.toLowerCase();
    if (word.startsWith('triệu')) amount *= 1_000_000;
    const currency = CURRENCY[word.startsWith('triệu') ? 'đồng' : word.replace(/\s+/g, ' ')];
    if (!currency) continue;
    // Bare small numbers followed by "đ" are usually article/point references, not money.
    if (currency === 'VND' && amount > 0 && amount < 500 && !word.startsWith('triệu')) continue;
    const start = m.index ?? 0;
    // `... ngày 11 tháng 11 năm 2016 Đồng` is a date, not money.
    if (/(?:năm|tháng|ngày)\s*$/u.test(text.slice(Math.max(0, start - 8), start))) continue;
    const per = parsePer(text.slice(start + m[0].length));
    // The label is the clause before this amount, never reaching back past the previous amount.
    fees.push({ amount, currency, per, label: clauseLabel(text.slice(floor, start)) });
    floor = start + m[0].length + (per ? text.slice(start + m[0].length).indexOf(per) + per.length : 0);
  }
  return fees;
}

/** The clause leading up to an amount, without list bullets and trailing colons. */
function clauseLabel(before: string): string | null {
  const cut = Math.max(
    before.lastIndexOf('\n'), before.lastIndexOf(';'), before.lastIndexOf('. '),
    before.lastIndexOf('- '), before.lastIndexOf('+ '), before.lastIndexOf('('),
    before.lastIndexOf(')'), before.lastIndexOf('*'),
  );
  let label = squash(before.slice(cut + 1))
    .replace(/^\d[\d.,]*\s*(?:đồng|đ)?\s*\/\s*[\p{L} ]+?,\s*/u, '')
    .replace(/^[-+.;,:\s]+/u, '').replace(/[\s:,\-–=]+$/u, '');
  label = label.replace(/\s+(?:là|bằng)$/u, '').trim();
  if (label.length > 160) label = `…${label.slice(-159)}`;
  return label === '' ? null : label;
}
