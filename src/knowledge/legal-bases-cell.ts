import type { LegalBasis } from './procedure.js';
import { known, squash } from './text.js';

/**
 * The portal's "Căn cứ pháp lý" table arrives glued: `Tên văn bản pháp lýMã văn bản`, then for
 * each document its title immediately followed by its code, e.g.
 * `...Luật Cư trú 202068/2020/QH14Thông tư 57/2021/TT-BCA57/2021/TT-BCA`. Titles often repeat the
 * code, so a code is the table's code column only when it is glued to the next title (or ends
 * the cell), not when it is followed by a space, punctuation or another code.
 */
export const LEGAL_HEADER = 'Tên văn bản pháp lýMã văn bản';

/** Issuer abbreviations that end a code; the longest match wins over a glued next title. */
const ISSUERS = [
  'BLĐTBXH', 'BVHTTDL', 'BNNPTNT', 'VKSNDTC', 'TANDTC', 'BGDĐT', 'BKHĐT', 'BTTTT', 'BKHCN', 'BNNMT',
  'BTNMT', 'BGTVT', 'UBTVQH', 'NHNN', 'TTCP', 'VPCP', 'KTNN', 'UBND', 'HĐND', 'HĐTP', 'UBDT', 'BCA',
  'BTC', 'BTP', 'BXD', 'BYT', 'BCT', 'BNV', 'BQP', 'BNG', 'BDT', 'CTN', 'CP', 'TTg',
].sort((a, b) => b.length - a.length);

/** Only the National Assembly's codes carry digits (`QH14`, `NQ-UBTVQH14`); any other digit after a code starts the next one. */
const SEGMENT = '(?:UBTVQH\\d{2}|QH\\d{2}|TTg|[A-ZĐ]+)';
const CODE = new RegExp(`(\\d+(?:\\.\\d+)?)\\/(?:(\\d{4})\\/)?((?:${SEGMENT}[-/])*${SEGMENT})`, 'gu');

interface Candidate { start: number; end: number; code: string }

export function parseLegalBasesCell(cell: string | null | undefined): LegalBasis[] {
  if (typeof cell !== 'string' || known(cell) === null) return [];
  const at = cell.indexOf(LEGAL_HEADER);
  const body = (at >= 0 ? cell.slice(at + LEGAL_HEADER.length) : cell)
    // The next portal section sometimes leaks in; and `QĐ- TTg` is `QĐ-TTg` typed loosely.
    .replace(/Cơ quan thực hiện[\s\S]*$/u, '')
    .replace(/(?<=[A-ZĐ])- (?=[A-ZĐ])/gu, '-');
  const candidates = findCodes(body);
  const bases: LegalBasis[] = [];
  let titleStart = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const next = body.slice(c.end);
    const adjacent = candidates[i + 1]?.start === c.end;
    const glued = next === '' || /^\s*$/u.test(next) || (/^[\p{L}\d"“(]/u.test(next) && !/^ngày/u.test(next));
    if (adjacent || !glued) continue;
    const title = squash(body.slice(titleStart, c.start));
    if (!bases.some((b) => b.code === c.code)) bases.push({ code: c.code, title: title === '' ? c.code : title });
    titleStart = c.end;
  }
  // A last document cited by number and year only (`...chuỗi giá trị24/2024`).
  const tail = /^([\s\S]*?\D)(\d{1,4}\/(?:19|20)\d\d)\s*$/u.exec(body.slice(titleStart));
  if (tail && !bases.some((b) => b.code === tail[2])) bases.push({ code: tail[2]!, title: squash(tail[1]!) || tail[2]! });
  return bases;
}

function findCodes(body: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of body.matchAll(CODE)) {
    let start = m.index;
    let number = m[1]!;
    // A title ending in a year is glued to the code's number: `năm 201102/2011/QH13`.
    const glued = /^((?:19|20)\d\d\.?)(\d+(?:\.\d+)?)$/u.exec(number);
    if (number.length > 4 && glued) {
      start += glued[1]!.length;
      number = glued[2]!;
    }
    const suffix = trimSuffix(m[3]!, body.slice(m.index + m[0].length));
    const end = m.index + m[0].length - (m[3]!.length - suffix.length);
    const code = `${number}/${m[2] ? `${m[2]}/` : ''}${suffix}`;
    out.push({ start, end, code });
  }
  return out;
}

/**
 * The next title's capital may be glued to the code (`TT-BTCThông tư`, `TT-BCAQuy định`):
 * cut the last segment back to a known issuer, or else drop a capital followed by lower case.
 */
function trimSuffix(suffix: string, after: string): string {
  const dash = Math.max(suffix.lastIndexOf('-'), suffix.lastIndexOf('/'));
  const head = suffix.slice(0, dash + 1);
  const last = suffix.slice(dash + 1);
  if (/\d$/u.test(last) || last === 'TTg') return suffix;
  if (ISSUERS.includes(last)) return suffix;
  const issuer = ISSUERS.find((i) => last.startsWith(i));
  if (issuer) return head + issuer;
  if (/^\p{Ll}/u.test(after) && last.length > 1) return head + last.slice(0, -1);
  return suffix;
}
