/**
 * Vietnamese number words as a listener expects them: 21 "hai mươi mốt", 15 "mười lăm",
 * 24 "hai mươi tư", 105 "một trăm linh năm", 2024 "hai nghìn không trăm hai mươi tư".
 * Text-to-speech engines often get these wrong (or read "1.000" as "một chấm không"),
 * so replies are spelled out before they reach the voice.
 */
export const digitWords = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Words for 0..999; `padded` when a higher group precedes (1.005 -> "... không trăm linh năm"). */
function groupWords(n: number, padded: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const hasHundreds = hundreds > 0 || padded;
  if (hasHundreds) words.push(digitWords[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && hasHundreds) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digitWords[tens], 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else if (units === 4 && tens >= 2) words.push('tư');
    else words.push(digitWords[units]);
  }
  return words;
}

function belowBillion(n: number, padded: boolean): string[] {
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1_000) % 1_000;
  const units = n % 1_000;
  const words: string[] = [];
  let started = padded;
  if (millions > 0) {
    words.push(...groupWords(millions, started), 'triệu');
    started = true;
  }
  if (thousands > 0) {
    words.push(...groupWords(thousands, started), 'nghìn');
    started = true;
  }
  if (units > 0) words.push(...groupWords(units, started));
  return words;
}

function integerWords(n: number, padded: boolean): string[] {
  if (n >= 1_000_000_000) {
    const high = Math.floor(n / 1_000_000_000);
    const low = n % 1_000_000_000;
    return [...integerWords(high, padded), 'tỷ', ...(low > 0 ? belowBillion(low, true) : [])];
  }
  return belowBillion(n, padded);
}

/**
 * A whole number in words. Zero groups are skipped (1.500.000 "một triệu năm trăm nghìn");
 * numbers beyond what a double holds exactly are read digit by digit.
 */
export function numberWords(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 0) return `âm ${numberWords(-n)}`;
  if (!Number.isInteger(n)) return decimalWords(String(n).replace('.', ','));
  if (n === 0) return 'không';
  if (n > Number.MAX_SAFE_INTEGER) return digitsWords(String(n));
  return integerWords(n, false).join(' ');
}

/** Digit by digit, for codes, phone numbers and long identifiers: "0912" -> "không chín một hai". */
export function digitsWords(digits: string): string {
  return [...digits].filter((c) => c >= '0' && c <= '9').map((c) => digitWords[Number(c)]).join(' ');
}

/**
 * A decimal written the Vietnamese way, with a comma: "2,5" -> "hai phẩy năm",
 * "0,25" -> "không phẩy hai mươi lăm". Leading zeros after the comma are read ("1,05" -> "một phẩy không năm").
 */
export function decimalWords(text: string): string {
  const [whole, fraction = ''] = text.split(',');
  const head = numberWords(Number(whole || '0'));
  if (!fraction) return head;
  const zeros = /^0*/.exec(fraction)![0];
  const rest = fraction.slice(zeros.length);
  const tail = [...zeros].map(() => 'không');
  if (rest) tail.push(rest.length > 3 ? digitsWords(rest) : numberWords(Number(rest)));
  return `${head} phẩy ${tail.join(' ')}`;
}

/** Month names: 4 is "tư" (tháng tư), the rest as plain numbers (tháng mười một). */
export function monthWords(month: number): string {
  return month === 4 ? 'tư' : numberWords(month);
}

/** Ordinals for lists and steps: "thứ nhất", "thứ hai", "thứ tư", "thứ mười một". */
export function ordinalWords(n: number): string {
  if (n === 1) return 'thứ nhất';
  if (n === 4) return 'thứ tư';
  return `thứ ${numberWords(n)}`;
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const percent = new RegExp(`${L}(\\d+(?:,\\d+)?)\\s?%`, 'gu');
const range = new RegExp(`${L}([1-9]\\d{0,3})\\s?[-–]\\s?([1-9]\\d{0,3})${R}`, 'gu');
const grouped = new RegExp(`${L}\\d{1,3}(?:\\.\\d{3})+${R}|${L}\\d{1,3}(?:,\\d{3}){2,}${R}`, 'gu');
const decimal = new RegExp(`${L}\\d+,\\d+${R}`, 'gu');
const plain = new RegExp(`${L}\\d+${R}`, 'gu');

/** A run of digits: short ones as numbers ("05" -> "năm"), long ones and leading-zero identifiers digit by digit. */
export function speakDigits(run: string): string {
  if (run.length >= 9 || (run.length >= 4 && run.startsWith('0'))) return digitsWords(run);
  return numberWords(Number(run));
}

/**
 * Rewrite the numbers left in a text once codes, dates and money are done: percentages,
 * ranges ("15-20 ngày" -> "mười lăm đến hai mươi ngày"), thousands ("1.000"), decimals ("2,5").
 */
export function rewriteNumbers(text: string): string {
  return text
    .replace(percent, (_m, n: string) => `${n.includes(',') ? decimalWords(n) : speakDigits(n)} phần trăm`)
    .replace(range, (_m, a: string, b: string, offset: number, whole: string) => {
      // "Số 44-46 đường Trần Phú" is an address, not a range.
      const joiner = /(?:^|\s)số\s$/iu.test(whole.slice(Math.max(0, offset - 4), offset)) ? ', ' : ' đến ';
      return `${numberWords(Number(a))}${joiner}${numberWords(Number(b))}`;
    })
    .replace(grouped, (m) => numberWords(Number(m.replace(/[.,]/g, ''))))
    .replace(decimal, (m) => decimalWords(m))
    .replace(plain, (m) => speakDigits(m));
}
