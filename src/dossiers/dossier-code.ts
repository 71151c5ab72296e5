import { letterNames } from '../voice/letters.js';
import { digitWords } from '../voice/number-words.js';

/**
 * Finding the dossier code (mã hồ sơ) printed on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả
 * kết quả) in whatever a citizen sends: typed with spaces, lower case or without dots, read aloud
 * and transcribed ("không không không chấm ... hát hai ba gạch ..."), or pasted from the receipt's
 * QR code. National codes look like `000.00.12.H23-241115-0001` (agency prefix, an office code
 * with a letter, the receipt date yyMMdd, a serial); older ones like `38.98.H29-210519-0013`.
 *
 * Shapes vary between provincial systems, so a code-like string that fits no known shape is
 * still returned as a candidate for the provider to judge, instead of being refused here.
 */
export type DossierCodeShape = 'national' | 'short' | 'other';

export interface DossierCodeMatch {
  code: string;
  shape: DossierCodeShape;
  from: 'typed' | 'spoken' | 'qr';
  /** The text it was found in, as written (typed and QR codes), so the rest of a message can be read apart from it. */
  raw?: string;
}

const sep = '[\\s.\\-–_]*';
/** Prefix groups, the office segment (letter + two digits, maybe ".22"), the yyMMdd date and the serial. */
const known = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:\\d{2,3}[\\s.]*){0,3})([A-Za-z]\\s?\\d{2}(?:\\.\\d{2})?)${sep}(\\d{6})${sep}(\\d{4,5})(?![\\p{N}])`, 'gu');

function canonical(prefix: string, office: string, date: string, serial: string): { code: string; shape: DossierCodeShape } {
  const written = prefix.split(/[\s.]+/).filter(Boolean);
  let groups = written;
  if (written.length === 1) {
    const d = written[0];
    if (d.length === 7) groups = [d.slice(0, 3), d.slice(3, 5), d.slice(5)];
    else if (d.length === 4) groups = [d.slice(0, 2), d.slice(2)];
  }
  const head = [...groups, office.replace(/\s/g, '').toUpperCase()].join('.');
  const shape: DossierCodeShape = groups.length === 3 && groups[0].length === 3 ? 'national' : groups.length === 2 ? 'short' : 'other';
  return { code: `${head}-${date}-${serial}`, shape };
}

function findKnown(text: string): { code: string; shape: DossierCodeShape; raw: string } | null {
  for (const m of text.matchAll(known)) {
    const [raw, prefix, office, date, serial] = m;
    return { ...canonical(prefix, office, date, serial), raw: raw.trim() };
  }
  return null;
}

/** Words a transcript uses for the characters of a code. */
const spokenDigits: Record<string, string> = Object.fromEntries([
  ...digitWords.map((w, i) => [w, String(i)]),
  ['mốt', '1'], ['linh', '0'], ['lẻ', '0'], ['tư', '4'], ['lăm', '5'], ['nhăm', '5'], ['bẩy', '7'], ['chính', '9'],
]);
const spokenSeparators: Record<string, string> = { chấm: '.', gạch: '-', 'gạch ngang': '-', 'gạch nối': '-', 'trừ': '-' };
const spokenLetters: Record<string, string> = {
  ...Object.fromEntries(Object.entries(letterNames).filter(([l]) => /^[A-ZĐ]$/.test(l)).map(([l, name]) => [name, l])),
  hắt: 'H', hờ: 'H', hát: 'H', bờ: 'B', cờ: 'C', dờ: 'D', đờ: 'Đ', gờ: 'G', lờ: 'L', mờ: 'M', nờ: 'N', rờ: 'R', tờ: 'T', vờ: 'V',
  ca: 'K', 'ét': 'S', 'ích': 'X', 'xì': 'S', 'giê': 'G', 'di': 'Z', 'dét': 'Z',
};

/**
 * Turn a transcript into the characters it spells: code words become characters and are joined,
 * any other word breaks the run with a space. Digits already transcribed as digits pass through.
 */
export function spokenToCharacters(transcript: string): string {
  const words = transcript.normalize('NFC').toLowerCase().split(/[\s,]+/).filter(Boolean);
  const out: string[] = [];
  const digitOf = (w: string | undefined) => (w === undefined ? undefined : spokenDigits[w.replace(/[.?!;:]+$/, '')]);
  for (let i = 0; i < words.length; i++) {
    // Two-digit groups said as numbers: "hai mươi bốn" 24, "mười lăm" 15, "ba mươi" 30, "mười" 10.
    const tens = words[i] === 'mười' ? '1' : words[i + 1] === 'mươi' && digitOf(words[i]) !== '0' ? digitOf(words[i]) : undefined;
    if (tens) {
      const unitAt = words[i] === 'mười' ? i + 1 : i + 2;
      const unit = digitOf(words[unitAt]);
      const usesUnit = unit !== undefined && unit !== '0' && words[unitAt] !== 'linh' && words[unitAt] !== 'lẻ';
      out.push(`${tens}${usesUnit ? unit : '0'}`);
      i = usesUnit ? unitAt : unitAt - 1;
      continue;
    }
    const pair = `${words[i]} ${words[i + 1] ?? ''}`;
    if (spokenSeparators[pair] || spokenLetters[pair]) {
      out.push(spokenSeparators[pair] ?? spokenLetters[pair]);
      i++;
      continue;
    }
    const w = words[i].replace(/[.?!;:]+$/, '');
    const mapped = spokenDigits[w] ?? spokenSeparators[w] ?? spokenLetters[w] ?? (/^[a-z0-9.\-]+$/.test(w) && /\d/.test(w) ? w.toUpperCase() : undefined);
    out.push(mapped ?? ' ');
  }
  return out.join('').replace(/\s+/g, ' ');
}

/** Keys under which receipts' QR payloads and tracking links carry the code. */
const qrKeys = /(?:ma_?ho_?so|mahoso|ma-ho-so|mhs|dossier_?code|code|MaHoSo|maHoSo|ma_hs)["']?\s*[=:]\s*["']?([A-Za-z0-9.\-_]{6,60})/i;

/** Strings that are clearly something else: procedure codes, feedback codes, amounts, phone numbers, dates. */
const notADossier = [
  /^\d{1,2}\.\d{6}$/, /^PA-\d{4}-\d{6}$/i, /^\d{1,3}(?:[.,]\d{3})+$/, /^(?:\+?84|0)\d{9,10}$/, /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/,
];
const candidateToken = /(?<![\p{L}\p{N}])[A-Za-z0-9]+(?:[.\-_/][A-Za-z0-9]+)*(?![\p{L}\p{N}])/gu;

/**
 * A code-like token of unknown shape: long enough, mostly digits, with a letter or a separator.
 * The provider decides whether it exists.
 */
export function candidateCode(text: string): string | null {
  for (const m of text.matchAll(candidateToken)) {
    const token = m[0].toUpperCase();
    const digits = token.replace(/\D/g, '').length;
    if (token.length < 8 || token.length > 60 || digits < 5) continue;
    if (!/[A-Z.\-_/]/.test(token)) continue;
    if (notADossier.some((re) => re.test(token))) continue;
    return token;
  }
  return null;
}

function fromQr(text: string): DossierCodeMatch | null {
  if (!/[?&=:{]|MaHoSo|ma_ho_so/i.test(text)) return null;
  const keyed = qrKeys.exec(text);
  if (!keyed) return null;
  const value = decodeURIComponent(keyed[1]);
  const hit = findKnown(value);
  return hit ? { ...hit, from: 'qr', raw: keyed[1] } : { code: value.toUpperCase(), shape: 'other', from: 'qr', raw: keyed[1] };
}

/**
 * The most plausible dossier code in a text, or null. Known shapes come back canonical
 * (upper case, dots and dashes restored); unknown code-like tokens come back as candidates.
 */
export function findDossierCode(text: string): DossierCodeMatch | null {
  const nfc = text.normalize('NFC');
  const qr = fromQr(nfc);
  if (qr) return qr;
  const typed = findKnown(nfc);
  if (typed) return { ...typed, from: 'typed' };
  const spoken = findKnown(spokenToCharacters(nfc));
  if (spoken) return { code: spoken.code, shape: spoken.shape, from: 'spoken' };
  const other = candidateCode(nfc.replace(/https?:\/\/\S+/g, ' '));
  return other ? { code: other, shape: 'other', from: 'typed', raw: other } : null;
}

/** The canonical form of a code as given to the API or a provider (trimmed, upper case, known shapes restored). */
export function normalizeDossierCode(raw: string): string {
  const trimmed = raw.normalize('NFC').trim();
  const hit = findKnown(trimmed);
  return hit ? hit.code : trimmed.replace(/\s+/g, '').toUpperCase();
}
