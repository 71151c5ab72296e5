import type { Paper } from './procedure.js';
import { known, squash } from './text.js';

/**
 * The portal's "Thành phần hồ sơ" table arrives glued: an optional group heading
 * (`* Giấy tờ phải nộp:` or a case such as `Đăng ký thường trú vào chỗ ở hợp pháp...`), the header
 * `Tên giấy tờMẫu đơn, tờ khaiSố lượng`, then rows of name + form file + count, where every row
 * ends with its count (`1 bản chính`, `0 bản chính,1 bản sao`). Several groups follow each other.
 */
export const PAPERS_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

/**
 * A count closes a row. Only one digit belongs to it: the name may end in digits glued to the
 * count (`... năm 20161 bản chính`). A count followed by a lower-case word (`01 bản sao có chứng
 * thực`) is part of the name.
 */
const COUNT = /(\d) bản chính(?:,\s*(\d) bản sao)?|(\d) bản sao/gu;
const COUNT_GUARD = /^(?:\p{Ll}\p{Ll}|\s+\p{Ll})/u;

const TEMPLATE_EXT = /\.(?:docx?|pdf|xlsx?|rtf|odt|zip)$/iu;

export function parsePapersCell(cell: string | null | undefined): Paper[] {
  if (typeof cell !== 'string' || known(cell) === null) return [];
  const sections = cell.split(PAPERS_HEADER);
  if (sections.length === 1) return rowsOf(cell, null).papers;
  const papers: Paper[] = [];
  let heading = groupName(sections[0]!);
  for (let i = 1; i < sections.length; i++) {
    const { papers: rows, tail } = rowsOf(sections[i]!, heading);
    papers.push(...rows);
    heading = groupName(tail);
  }
  return papers;
}

function rowsOf(text: string, group: string | null): { papers: Paper[]; tail: string } {
  const papers: Paper[] = [];
  let from = 0;
  for (const m of text.matchAll(COUNT)) {
    const end = m.index + m[0].length;
    if (COUNT_GUARD.test(text.slice(end))) continue;
    const raw = text.slice(from, m.index);
    from = end;
    const { name, template } = splitTemplate(raw);
    // A "name" without a single letter is a stray fragment of the previous row.
    if (name === null || !/\p{L}/u.test(name)) continue;
    const original = m[1] !== undefined ? Number(m[1]) : 0;
    const copies = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number(m[3]) : 0;
    papers.push({ name, original, copies, template, group });
  }
  return { papers, tail: text.slice(from) };
}

function groupName(text: string): string | null {
  const t = known(text.replace(/^[\s*\-–•]+/u, '').replace(/[\s:]+$/u, ''));
  return t === null || /^[-–\s]*$/u.test(t) ? null : t;
}

/**
 * A form file name is glued to the end of the paper name: `...ký thay.Mau TK01a MỚI.doc`.
 * It starts after the last sentence end that is glued to a letter or digit.
 */
export function splitTemplate(raw: string): { name: string | null; template: string | null } {
  let name = raw;
  const templates: string[] = [];
  while (TEMPLATE_EXT.test(name.trimEnd())) {
    const t = name.trimEnd();
    const ext = t.match(TEMPLATE_EXT)!;
    const body = t.slice(0, t.length - ext[0].length);
    let cut = -1;
    for (let i = body.length - 1; i > 0; i--) {
      if ('.;:)'.includes(body[i - 1]!) && /[\p{L}\d]/u.test(body[i]!)) {
        cut = i;
        break;
      }
    }
    if (cut <= 0) {
      templates.unshift(squash(t));
      name = '';
      break;
    }
    templates.unshift(squash(t.slice(cut)));
    name = t.slice(0, cut);
  }
  const template = templates.length ? templates.join('; ') : null;
  const cleaned = known(name.replace(/^[\s\-–+•.]+/u, ''));
  return { name: cleaned ?? (template ? known(template.replace(TEMPLATE_EXT, '')) : null), template };
}
