import { monthWords, numberWords } from './number-words.js';

/**
 * Dates and times as spoken: 26/11/2024 -> "ngày hai mươi sáu tháng mười một năm hai nghìn
 * không trăm hai mươi tư"; 7h30 -> "bảy giờ ba mươi phút". Written dates are day first in Vietnam.
 */
export function speakDate(day: number, month: number, year?: number): string {
  const parts = [`ngày ${numberWords(day)}`, `tháng ${monthWords(month)}`];
  if (year !== undefined) parts.push(`năm ${numberWords(year)}`);
  return parts.join(' ');
}

/** A Date read in Vietnam's time zone. */
export function speakCalendarDate(date: Date): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date).split('-').map(Number);
  return speakDate(d, m, y);
}

export function speakTime(hour: number, minute = 0): string {
  return minute === 0 ? `${numberWords(hour)} giờ` : `${numberWords(hour)} giờ ${numberWords(minute)} phút`;
}

const L = '(?<![\\p{L}\\p{N}./-])';
const R = '(?![\\p{L}\\p{N}]|[./-]\\d)';
const fullDate = new RegExp(`(ngày\\s+)?${L}(\\d{1,2})([/.-])(\\d{1,2})\\3(\\d{4})${R}`, 'giu');
const monthYear = new RegExp(`(tháng\\s+)?${L}(\\d{1,2})/(\\d{4})${R}`, 'giu');
const clock = new RegExp(`${L}(\\d{1,2})(?:h|g|:|\\s?giờ\\s?)(\\d{2})(?:\\s?phút)?${R}`, 'gu');
const hourOnly = new RegExp(`${L}(\\d{1,2})[hg]${R}`, 'gu');
const timeRange = new RegExp(`${L}(\\d{1,2})(?:h|:)(\\d{2})?\\s?[-–]\\s?(\\d{1,2})(?:h|:)(\\d{2})?${R}`, 'gu');
const weekday = new RegExp(`(?<![\\p{L}])(thứ|Thứ)\\s+([2-7])${R}`, 'gu');

const valid = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;

/** Rewrite dates, months, clock times and weekdays ("thứ 2" -> "thứ hai") in a text. */
export function rewriteDates(text: string): string {
  return text
    .replace(timeRange, (m, h1: string, m1: string | undefined, h2: string, m2: string | undefined) =>
      (Number(h1) < 24 && Number(h2) < 24 ? `${speakTime(Number(h1), Number(m1 ?? 0))} đến ${speakTime(Number(h2), Number(m2 ?? 0))}` : m))
    .replace(fullDate, (m, prefix: string | undefined, d: string, _sep: string, mo: string, y: string) => {
      if (!valid(Number(d), Number(mo))) return m;
      const spoken = speakDate(Number(d), Number(mo), Number(y));
      return prefix ? `${prefix.trimEnd()} ${spoken.slice(5)}` : spoken;
    })
    .replace(monthYear, (m, prefix: string | undefined, mo: string, y: string) => {
      if (Number(mo) < 1 || Number(mo) > 12) return m;
      const head = prefix ? prefix.trimEnd() : 'tháng';
      return `${head} ${monthWords(Number(mo))} năm ${numberWords(Number(y))}`;
    })
    .replace(clock, (m, h: string, mi: string) => (Number(h) < 24 && Number(mi) < 60 ? speakTime(Number(h), Number(mi)) : m))
    .replace(hourOnly, (m, h: string) => (Number(h) < 24 ? speakTime(Number(h)) : m))
    .replace(weekday, (_m, word: string, n: string) => `${word} ${n === '4' ? 'tư' : numberWords(Number(n))}`);
}
