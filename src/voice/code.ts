import { digitWords } from './number-words.js';
import { letterName } from './letters.js';

/**
 * Codes are read character by character: a citizen copies them down or repeats them to a clerk,
 * so "1.004222" must be "một chấm không không bốn hai hai hai", never "một phẩy không không bốn...".
 */
const separatorWords: Record<string, string> = { '.': 'chấm', '-': 'gạch', '/': 'gạch chéo', '_': 'gạch dưới' };

/** Spell a code: digits and letters by name, separators as "chấm", "gạch". */
export function spellCode(code: string): string {
  const words: string[] = [];
  for (const ch of code) {
    if (ch >= '0' && ch <= '9') words.push(digitWords[Number(ch)]);
    else if (separatorWords[ch]) words.push(separatorWords[ch]);
    else if (/\p{L}/u.test(ch)) words.push(letterName(ch));
  }
  return words.join(' ');
}

/** Phone numbers in the usual groups with short pauses: "0912 345 678" -> "không chín một hai, ba bốn năm, sáu bảy tám". */
export function spellPhone(phone: string): string {
  const written = phone.split(/[ .]/).filter(Boolean);
  if (written.length > 1) return written.map((g) => spellCode(g)).join(', ');
  const digits = phone.replace(/\D/g, '');
  const groups = digits.length === 10 ? [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)]
    : digits.length === 11 ? [digits.slice(0, 4), digits.slice(4, 7), digits.slice(7)]
      : digits.match(/.{1,3}/g) ?? [];
  return groups.map((g) => spellCode(g)).join(', ');
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
/** Masked phone numbers as shown in views (091****678). */
const maskedPhone = new RegExp(`${L}(\\d{2,4})\\*{2,}(\\d{2,4})${R}`, 'gu');
/** Procedure codes (1.004222, 2.002154): one or two digits, a dot, six digits. */
const procedureCode = new RegExp(`${L}\\d{1,2}\\.\\d{6}${R}`, 'gu');
/** Hotlines (1900 1234, 1800.1234) and phone numbers starting with 0 or +84. */
const phone = new RegExp(`${L}(?:\\+84|0)\\d{2,3}[ .]?\\d{3}[ .]?\\d{3,4}${R}|${L}1[89]00[ .]?\\d{3,4}(?:[ .]?\\d{2,4})?${R}`, 'gu');
/** Landlines and mobiles written in groups: "024.3825.3333", "(024) 3825 3333", "0909-7319-925"; 9 to 11 digits in all. */
const groupedPhone = new RegExp(`${L}(?:\\(0\\d{1,3}\\)\\s?|0\\d{1,3}[ .-])\\d{2,6}(?:[ .-]\\d{2,4}){0,2}${R}`, 'gu');
/** Short service numbers after the words that announce them ("tổng đài 1022", "đường dây nóng 111"). */
const serviceNumber = /(?<=(?:tổng đài|đường dây nóng|hotline|số máy lẻ|máy lẻ|gọi)\s)\d{3,5}(?![\p{L}\p{N}.,])/giu;
/** Tokens mixing letters and digits, joined by dots or dashes: 000.00.12.H23-241115-0001, PA-2026-000123, CC03. */
const mixedCode = new RegExp(`${L}(?=[A-Za-zĐđ0-9.\\-/]*\\d)(?=[A-Za-zĐđ0-9.\\-/]*[A-Za-zĐđ])[A-Za-zĐđ0-9]+(?:[.\\-/][A-Za-zĐđ0-9]+)*${R}`, 'gu');
/** Long digit strings joined by dashes (receipt numbers like 241115-0001). */
const digitChain = new RegExp(`${L}\\d{4,}(?:-\\d+)+${R}`, 'gu');

/** Rewrite every code, phone number and identifier in a text into its spoken form. */
export function rewriteCodes(text: string): string {
  return text
    .replace(maskedPhone, (_m, head: string, tail: string) => `${spellCode(head)}, các số giữa được ẩn, ${spellCode(tail)}`)
    .replace(procedureCode, (m) => spellCode(m))
    .replace(groupedPhone, (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 9 && digits.length <= 11 ? m.split(/[\s.()-]+/).filter(Boolean).map(spellCode).join(', ') : m;
    })
    .replace(phone, (m) => (m.startsWith('+84') ? `cộng tám bốn, ${spellPhone(m.slice(3))}` : spellPhone(m)))
    .replace(serviceNumber, (m) => spellCode(m))
    // The lookaheads may see past the match ("50.000/lần"), so the match itself must mix letters and digits.
    .replace(mixedCode, (m) => (/[A-Za-zĐđ]/.test(m) && /\d/.test(m) ? spellCode(m) : m))
    .replace(digitChain, (m) => spellCode(m));
}
