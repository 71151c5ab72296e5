import { known, squash } from './text.js';

/**
 * The portal's "Kết quả thực hiện" cell: result names each followed by `Mã: KQ.G15.000031`, then
 * the rest of the web page (`Từ khóa...Mô tả...Chọn cơ quan thực hiện...Nộp hồ sơ`), which is
 * page furniture, not a result.
 */
const PAGE_TAIL = /Từ khóa[\s\S]*$/u;

export function parseResultsCell(cell: string | null | undefined): string[] {
  if (typeof cell !== 'string') return [];
  const body = cell.replace(PAGE_TAIL, '');
  const parts = body.split(/Mã:\s*KQ\.[A-Z]\d+\.\d+/u);
  const out: string[] = [];
  for (const part of parts) {
    const name = known(part.replace(/^[\s\-–+•]+/u, ''));
    if (name && !out.includes(name)) out.push(squash(name));
  }
  return out;
}
