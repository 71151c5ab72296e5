import type { Procedure } from '../../knowledge/procedure.js';
import { foot, head, type Answer } from './card.js';

/**
 * A long step becomes several lines, split where the record itself starts a new item
 * ("- Nếu ...", "+ Trường hợp ...") or a new sentence, so the channel limit cuts between lines
 * and "xem thêm" carries the rest instead of the step being cut short.
 */
export function stepLines(step: string, max = 500): string[] {
  const text = step.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return [text];
  const parts = text.split(/(?<=[.;:])\s+(?=[-+]\s|[A-ZĐÀ-Ỹ(])/u).map((p) => p.trim()).filter(Boolean).flatMap((p) => byWords(p, max));
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + part.length + 1 <= max) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(part);
  }
  return lines.map((l, i) => (i === 0 ? l : `   ${l}`));
}

/** A sentence longer than a line is split between words, never shortened. */
function byWords(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** The steps as the record lists them, numbered when the record does not number them. */
export function stepsAnswer(p: Procedure): Answer {
  if (p.steps.length === 0) {
    return {
      head: head(p, 'Trình tự thực hiện'),
      lines: ['Dữ liệu thủ tục chưa ghi trình tự thực hiện. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.'],
      foot: foot(p),
    };
  }
  const numbered = p.steps.every((s) => /^\s*bước\s*\d/i.test(s));
  const lines = p.steps.flatMap((s, i) => {
    const [first, ...rest] = stepLines(s);
    return [numbered ? first : `${i + 1}. ${first}`, ...rest];
  });
  return { head: head(p, 'Trình tự thực hiện'), lines, foot: foot(p) };
}
