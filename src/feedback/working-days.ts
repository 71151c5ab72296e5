import { holidaySet, type HolidaySet } from './holidays.js';

/**
 * Working days as Vietnamese law counts them for deadlines: Monday to Friday in
 * Asia/Ho_Chi_Minh, minus public holidays. Vietnam has no daylight saving, so local time is
 * always UTC+7 and plain arithmetic on that offset is exact (no Intl needed on the hot path).
 *
 * Dates may be given as a `Date` (an instant, read in Vietnamese local time) or as a
 * `YYYY-MM-DD` string (already a local date).
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

let defaults: HolidaySet | undefined;
const defaultSet = () => (defaults ??= holidaySet());

/** The Vietnamese local calendar date of an instant, `YYYY-MM-DD`. */
export function vnDate(date: Date | string): string {
  if (typeof date === 'string') return date.slice(0, 10);
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `26/11/2024`: how dates are shown to citizens. */
export function formatVnDate(date: Date | string): string {
  const [y, m, d] = vnDate(date).split('-');
  return `${d}/${m}/${y}`;
}

/** The last millisecond of that local day, as an instant (a deadline "on 26/11" runs until its end). */
export function endOfVnDay(date: Date | string): Date {
  return new Date(Date.parse(`${vnDate(date)}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);
}

function dayNumber(date: Date | string): number {
  return Date.parse(`${vnDate(date)}T00:00:00Z`) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function workingDayNumber(n: number, holidays: HolidaySet): boolean {
  const weekday = new Date(n * DAY_MS).getUTCDay(); // 0 Sunday .. 6 Saturday
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayString(n));
}

export function isWorkingDay(date: Date | string, holidays: HolidaySet = defaultSet()): boolean {
  return workingDayNumber(dayNumber(date), holidays);
}

/**
 * The n-th working day after `start` (the day of receipt itself never counts, as in
 * "within 10 working days from receipt"), keeping the local time of day. n = 0 returns
 * `start` unchanged; negative n counts backwards.
 */
export function addWorkingDays(start: Date, n: number, holidays: HolidaySet = defaultSet()): Date {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  let day = dayNumber(start);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (workingDayNumber(day, holidays)) left--;
  }
  return new Date(start.getTime() + (day - dayNumber(start)) * DAY_MS);
}

/**
 * Working days in the local-date interval (a, b]: how many working days have passed from a
 * to b. Same day gives 0; b before a gives the negative count of (b, a].
 */
export function workingDaysBetween(a: Date | string, b: Date | string, holidays: HolidaySet = defaultSet()): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, holidays);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (workingDayNumber(day, holidays)) count++;
  return count;
}
