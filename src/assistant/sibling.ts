import type { Procedure } from '../knowledge/procedure.js';
import { foldDiacritics } from '../search/normalize.js';

/**
 * Procedures published once per level under one name ("Cấp đổi thẻ căn cước", "... (thực hiện
 * tại cấp tỉnh)", "... (thực hiện tại cấp trung ương)"). An answer about one of them names the
 * others, so a citizen sent to the wrong level sees where else the same thing is done.
 */
const level = '(?:tỉnh|huyện|xã|bộ|tw|trung ương|cơ sở)';
const code = '(?:\\(\\d\\.\\d{6}\\)\\s*)?';
/**
 * What tells the levels apart at the end of a name: "(thực hiện tại cấp tỉnh)", "(cấp TW)",
 * "(thực hiện ở cấp tỉnh)", "thuộc thẩm quyền cấp phép của Chủ tịch UBND cấp tỉnh", "do Chủ tịch
 * UBND cấp tỉnh phân cấp cho Chủ tịch UBND cấp xã" (a code some names repeat may follow).
 */
const levelSuffix = new RegExp(`\\s*${code}(?:\\((?:thực hiện )?(?:(?:tại|ở) )?cấp ${level}[^()]*\\)`
  + `|thuộc thẩm quyền (?:cấp phép |giải quyết |quyết định )?của (?:chủ t[iị]ch )?(?:ubnd|ủy ban nhân dân) cấp \\p{L}+`
  + `|do chủ tịch (?:ubnd|ủy ban nhân dân) cấp tỉnh phân cấp cho chủ tịch (?:ubnd|ủy ban nhân dân) cấp xã)\\s*${code}$`, 'iu');

/** Ranking reads the base name of every candidate on every turn: each name is folded once. */
const baseNames = new Map<string, string>();

export function baseName(name: string): string {
  let base = baseNames.get(name);
  if (base === undefined) {
    if (baseNames.size > 100_000) baseNames.clear();
    base = foldDiacritics(name.replace(levelSuffix, '').toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim();
    baseNames.set(name, base);
  }
  return base;
}

export interface Sibling {
  code: string;
  name: string;
  levels: string[];
}

export function siblingIndex(procedures: Procedure[]): (p: Procedure) => Sibling[] {
  const groups = new Map<string, Procedure[]>();
  for (const p of procedures) {
    const key = baseName(p.name);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return (p) => (groups.get(baseName(p.name)) ?? [])
    .filter((o) => o.code !== p.code)
    .map((o) => ({ code: o.code, name: o.name, levels: o.levels }));
}

/** "Thủ tục cùng tên ở cấp khác: Cấp tỉnh (mã 2.001195); Cấp bộ (mã 1.000889)." */
export function siblingLine(siblings: Sibling[]): string | null {
  if (siblings.length === 0) return null;
  const items = siblings.slice(0, 4).map((s) => `${s.levels.join(', ') || s.name} (mã ${s.code})`);
  return `- Thủ tục cùng tên ở cấp khác: ${items.join('; ')}.`;
}
