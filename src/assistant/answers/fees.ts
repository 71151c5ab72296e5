import type { Method, Procedure } from '../../knowledge/procedure.js';
import { formatFee } from '../money.js';
import { clip, foot, head, mergeByText, methodsInOrder, type Answer } from './card.js';

/**
 * Fees per channel as Vietnamese money plus the conditions from the note. A record whose
 * amount lives only in the note ("Miễn phí(- Lệ phí ...: 135.000 đồng/lần ...)") is answered
 * with that note, never with a bare "miễn phí".
 */
export function feeText(m: Method): string {
  const amounts = m.fees.map(formatFee);
  const note = m.note ? clip(unwrap(m.note), 900) : null;
  if (amounts.length > 0) {
    const allZero = m.fees.every((f) => f.amount === 0);
    if (allZero) return note ? `không thu theo bảng phí; theo ghi chú của thủ tục: ${note}` : 'không thu phí, lệ phí';
    return note ? `${amounts.join('; ')}. Ghi chú: ${note}` : amounts.join('; ');
  }
  if (note) return `theo ghi chú của thủ tục: ${note}`;
  return 'dữ liệu không ghi phí, lệ phí';
}

/** Portal notes sometimes arrive wrapped in one pair of parentheses: "(Miễn lệ phí ...)". */
function unwrap(note: string): string {
  const t = note.trim();
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')') depth--;
    if (depth === 0 && i < t.length - 1) return t; // the first parenthesis closes early: not a wrapper
  }
  return t.slice(1, -1).trim();
}

export function feesAnswer(p: Procedure): Answer {
  const methods = methodsInOrder(p);
  if (methods.length === 0) {
    return {
      head: head(p, 'Phí, lệ phí của'),
      lines: ['Dữ liệu thủ tục chưa ghi phí, lệ phí. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.'],
      foot: foot(p),
    };
  }
  const lines = mergeByText(methods.map((m) => ({ channel: m.channel, text: feeText(m) })));
  return { head: head(p, 'Phí, lệ phí của'), lines, foot: foot(p) };
}
