import type { Procedure } from '../../knowledge/procedure.js';
import { clip, foot, head, type Answer } from './card.js';

/** The steps as the record lists them; each one clipped so a single step cannot fill the screen. */
export function stepsAnswer(p: Procedure): Answer {
  if (p.steps.length === 0) {
    return {
      head: head(p, 'Trình tự thực hiện'),
      lines: ['Dữ liệu thủ tục chưa ghi trình tự thực hiện. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.'],
      foot: foot(p),
    };
  }
  const numbered = p.steps.every((s) => /^\s*bước\s*\d/i.test(s));
  const lines = p.steps.map((s, i) => (numbered ? clip(s, 600) : `${i + 1}. ${clip(s, 600)}`));
  return { head: head(p, 'Trình tự thực hiện'), lines, foot: foot(p) };
}
