import type { Paper, Procedure } from '../../knowledge/procedure.js';
import { clip, foot, head, type Answer } from './card.js';

function counts(p: Paper): string {
  const parts: string[] = [];
  if (p.original > 0) parts.push(`${p.original} bản chính`);
  if (p.copies > 0) parts.push(`${p.copies} bản sao`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Papers as a numbered list with original/copy counts, grouped by case when the record groups them. */
export function papersAnswer(p: Procedure): Answer {
  if (p.papers.length === 0) {
    return {
      head: head(p, 'Giấy tờ cần nộp của'),
      lines: ['Dữ liệu thủ tục chưa ghi thành phần hồ sơ. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.'],
      foot: foot(p),
    };
  }
  const groups = new Map<string, Paper[]>();
  for (const paper of p.papers) {
    const key = paper.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), paper]);
  }
  const lines: string[] = [];
  for (const [group, papers] of groups) {
    if (group) lines.push(`${clip(group, 200)}:`);
    papers.forEach((paper, i) => lines.push(`${i + 1}. ${clip(paper.name, 600)}${counts(paper)}`));
  }
  return { head: head(p, 'Giấy tờ cần nộp của'), lines, foot: foot(p) };
}
