import { known, squash } from './text.js';

/** Conditions (`Yêu cầu, điều kiện`): one item per non-empty line; `Không` alone means none. */
export function parseRequirementsCell(cell: string | null | undefined): string[] {
  if (typeof cell !== 'string' || known(cell) === null) return [];
  return cell.split(/\n+/u).map((l) => squash(l)).filter((l) => known(l) !== null);
}
