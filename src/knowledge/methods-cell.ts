import type { Channel, Fee, Method } from './procedure.js';
import { parseDuration, DURATION_AT_START } from './duration.js';
import { findAmounts, parseColumnFee, parsePer } from './money.js';
import { squash, UNKNOWN } from './text.js';

/**
 * The portal's "Cách thức thực hiện" table arrives as one glued string:
 * `Hình thức nộpThời gianPhí, lệ phíMô tả` then, per row, channel + time + fee + `(note)` +
 * description, e.g. `Trực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(...)Trực tiếp...`.
 */
export const METHODS_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

const CHANNELS: Record<string, Channel> = {
  'Trực tiếp': 'truc_tiep',
  'Trực tuyến': 'truc_tuyen',
  'Dịch vụ bưu chính': 'buu_chinh',
};

/**
 * A row starts where a channel name is directly followed by a time, a fee or a "Không..." time
 * text (`Không có thông tin`, `Không quy định`, `Không phải trả kết quả...`); the first channel
 * right after the header always starts a row, whatever follows it.
 */
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không|Miễn phí)/gu;
const FIRST_ROW = /^(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)/u;
/** Where the fee column starts after a free-text time cell. */
const FEE_AFTER_TEXT = /Miễn phí|Không có thông tin|\d[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|USD)/u;

export function parseMethodsCell(cell: string | null | undefined): Method[] {
  if (typeof cell !== 'string') return [];
  const at = cell.indexOf(METHODS_HEADER);
  const body = at >= 0 ? cell.slice(at + METHODS_HEADER.length) : cell;
  const starts: Array<{ index: number; 0: string; 1: string }> = [...body.matchAll(ROW_START)].map((m) => ({ index: m.index, 0: m[0], 1: m[1]! }));
  const first = FIRST_ROW.exec(body);
  if (first && starts[0]?.index !== 0) starts.unshift({ index: 0, 0: first[0], 1: first[1]! });
  const methods: Method[] = [];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : body.length;
    const channel = CHANNELS[m[1]!]!;
    methods.push(parseRow(channel, body.slice(m.index + m[0].length, end)));
  });
  return methods;
}

/** One row after its channel name: time, fee, optional `(note)`, optional description. */
export function parseRow(channel: Channel, row: string): Method {
  let rest = row;
  let duration: Method['duration'] = null;
  const fees: Fee[] = [];

  const notes: string[] = [];
  const feeFirst = parseColumnFee(rest);
  if (rest.startsWith(UNKNOWN)) {
    rest = rest.slice(UNKNOWN.length);
  } else if (!feeFirst) {
    const d = DURATION_AT_START.exec(rest);
    if (d) {
      duration = parseDuration(d[0]);
      rest = rest.slice(d[0].length);
    } else {
      // A time cell in words (`Không quy định`): keep it as a note, read the fee after it.
      const fee = FEE_AFTER_TEXT.exec(rest);
      if (fee && fee.index > 0 && fee.index <= 120) {
        const words = squash(rest.slice(0, fee.index));
        if (words !== 'Không') notes.push(`Thời gian: ${words}`);
        rest = rest.slice(fee.index);
      }
    }
  }

  let columnFee: Fee | null = null;
  if (rest.startsWith('Miễn phí')) rest = rest.slice('Miễn phí'.length);
  else if (rest.startsWith(UNKNOWN)) rest = rest.slice(UNKNOWN.length);
  else {
    const f = parseColumnFee(rest);
    if (f) {
      columnFee = { amount: f.amount, currency: f.currency, per: null, label: null };
      rest = rest.slice(f.length);
    }
  }

  if (rest.startsWith('(')) {
    const close = matchingParen(rest);
    const inner = rest.slice(1, close);
    rest = rest.slice(close + 1);
    const perMatch = /^\s*(?:đồng|VNĐ|USD)?\s*(\/[\s\S]*)$/iu.exec(inner);
    const per = perMatch ? parsePer(perMatch[1]!) : null;
    if (per && columnFee) columnFee.per = per;
    // Keep the parenthesis as a note unless it only said the unit, as in `(/trang)`.
    if (!per || squash(inner).length > per.length + 8) notes.push(inner);
  }
  notes.push(rest);
  const note = squash(notes.map((n) => squash(n)).filter((n) => n !== '' && n !== UNKNOWN).join(' ')) || null;

  if (columnFee) fees.push(columnFee);
  if (note) {
    for (const found of findAmounts(note)) {
      if (columnFee && columnFee.amount < 1000) repairColumnFee(columnFee, found);
      const same = fees.find((f) => f.amount === found.amount && f.currency === found.currency);
      if (same) {
        if (!same.per && found.per) same.per = found.per;
        continue;
      }
      fees.push(found);
    }
  }
  return { channel, duration, fees, note };
}

/**
 * The portal sometimes drops the thousands of the fee column or mislabels the currency:
 * `155 VNĐ(... 155 USD/thẻ)`, `135 VNĐ(Lệ phí ...: 135.000 đồng/lần.)`. The note is right.
 */
function repairColumnFee(column: Fee, found: Fee): void {
  if (column.currency !== 'VND') return;
  if (found.currency === 'USD' && found.amount === column.amount) {
    column.currency = 'USD';
    if (!column.per) column.per = found.per;
    return;
  }
  // Only the thousands: `25 VNĐ(25.000.000đ...)` is too ambiguous to repair.
  if (found.currency === 'VND' && found.amount === column.amount * 1000) {
    column.amount = found.amount;
    if (!column.per) column.per = found.per;
  }
}

/** Index of the parenthesis closing the one at position 0, or the text's end when unbalanced. */
function matchingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}
