import { known, squash } from './text.js';

/**
 * "Trình tự thực hiện": numbered `Bước N:` blocks. Text before the first step (an introduction)
 * is kept as its own item; without step markers the paragraphs are the steps.
 */
export function parseStepsCell(cell: string | null | undefined): string[] {
  if (typeof cell !== 'string' || known(cell) === null) return [];
  const marks = [...cell.matchAll(/Bước\s*\d+\s*[:.\-–]/gu)];
  const pieces: string[] = [];
  if (marks.length === 0) {
    pieces.push(...cell.split(/\n\s*\n/u));
  } else {
    pieces.push(cell.slice(0, marks[0]!.index));
    marks.forEach((m, i) => pieces.push(cell.slice(m.index, marks[i + 1]?.index ?? cell.length)));
  }
  return pieces.map((p) => squash(p)).filter((p) => known(p) !== null);
}

