import { describe, expect, it } from 'vitest';
import { defaultHolidays, holidaySet } from '../../src/feedback/holidays.js';
import {
  addWorkingDays, endOfVnDay, formatVnDate, isWorkingDay, vnDate, workingDaysBetween,
} from '../../src/feedback/working-days.js';

const vn = (local: string) => new Date(`${local}+07:00`);
const none = new Set<string>();

describe('vnDate', () => {
  it.each([
    ['2026-11-22T16:59:59Z', '2026-11-22'],
    ['2026-11-22T17:00:00Z', '2026-11-23'], // midnight in Hà Nội
    ['2026-12-31T18:30:00Z', '2027-01-01'],
  ])('%s is local date %s', (utc, local) => expect(vnDate(new Date(utc))).toBe(local));

  it('formats dates the Vietnamese way', () => expect(formatVnDate(vn('2024-11-26T09:00:00'))).toBe('26/11/2024'));
  it('ends the local day at 23:59:59.999 +07:00', () =>
    expect(endOfVnDay(vn('2026-11-26T09:00:00')).toISOString()).toBe('2026-11-26T16:59:59.999Z'));
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-23', true, 'Monday'],
    ['2026-11-27', true, 'Friday'],
    ['2026-11-28', false, 'Saturday'],
    ['2026-11-29', false, 'Sunday'],
    ['2026-02-17', false, 'mùng 1 Tết Bính Ngọ'],
    ['2026-02-20', false, 'mùng 4 Tết'],
    ['2026-02-23', true, 'first Monday after Tết'],
    ['2025-04-07', false, 'Giỗ Tổ Hùng Vương 2025'],
    ['2026-04-27', false, 'Giỗ Tổ 2026 compensation Monday'],
    ['2026-04-30', false, '30/4'],
    ['2026-05-01', false, '1/5'],
    ['2026-09-02', false, 'Quốc khánh'],
    ['2026-09-01', false, 'Quốc khánh adjacent day'],
    ['2027-02-10', false, 'Tết 2027 compensation'],
    ['2027-01-01', false, 'Tết Dương lịch 2027'],
  ])('%s -> %s (%s)', (date, expected) => expect(isWorkingDay(date)).toBe(expected));

  it('reads an instant in Vietnamese time: Friday 23:30 in Hà Nội is still Friday', () => {
    expect(isWorkingDay(new Date('2026-11-27T16:30:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2026-11-27T17:30:00Z'))).toBe(false); // Saturday 00:30 local
  });
});

describe('addWorkingDays', () => {
  it.each([
    // start (local), n, expected local date, why
    ['2026-11-23T10:00:00', 5, '2026-11-30', 'Mon + 5 skips the weekend'],
    ['2026-11-27T10:00:00', 1, '2026-11-30', 'Fri + 1 is Monday'],
    ['2026-11-28T10:00:00', 1, '2026-11-30', 'received on Saturday: Monday is day 1'],
    ['2026-02-13T15:00:00', 1, '2026-02-23', 'Friday before Tết + 1 jumps the whole holiday'],
    ['2026-02-12T15:00:00', 5, '2026-02-26', 'Tết inside a 5-day deadline'],
    ['2026-04-24T08:00:00', 3, '2026-05-04', 'Hùng Vương, 30/4 and 1/5 in a row'],
    ['2026-11-23T10:00:00', 0, '2026-11-23', 'zero keeps the start'],
    ['2026-11-30T10:00:00', -1, '2026-11-27', 'negative counts backwards'],
  ])('%s + %i -> %s (%s)', (start, n, expected) => {
    const result = addWorkingDays(vn(start), n);
    expect(vnDate(result)).toBe(expected);
    expect(result.getUTCHours()).toBe(vn(start).getUTCHours()); // time of day kept
  });

  it('without holidays Tết is counted as ordinary weekdays', () =>
    expect(vnDate(addWorkingDays(vn('2026-02-13T15:00:00'), 1, none))).toBe('2026-02-16'));

  it('rejects fractional counts', () => expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError));
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-30', 5],
    ['2026-11-30', '2026-11-23', -5],
    ['2026-11-28', '2026-11-29', 0], // weekend only
    ['2026-02-13', '2026-02-23', 1], // across Tết
    ['2025-12-31', '2026-01-02', 1], // 1/1 is a holiday
  ])('(%s, %s] has %i working days', (a, b, n) => expect(workingDaysBetween(a, b)).toBe(n));

  it('is the inverse of addWorkingDays', () => {
    const start = vn('2026-01-05T09:00:00');
    for (let n = 0; n <= 300; n += 7) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
  });
});

describe('holidaySet', () => {
  it('defaults cover 2025–2027 and only weekdays', () => {
    const set = holidaySet();
    for (const y of ['2025', '2026', '2027']) expect([...set].filter((d) => d.startsWith(y)).length).toBeGreaterThanOrEqual(10);
    for (const h of defaultHolidays) expect([1, 2, 3, 4, 5]).toContain(new Date(`${h.date}T00:00:00Z`).getUTCDay());
  });
  it('HOLIDAYS replaces the defaults', () => {
    const set = holidaySet('2026-02-16, 2026-02-17 2026-11-24');
    expect([...set]).toEqual(['2026-02-16', '2026-02-17', '2026-11-24']);
    expect(isWorkingDay('2026-11-24', set)).toBe(false);
    expect(isWorkingDay('2026-02-18', set)).toBe(true);
  });
  it.each(['2026-2-16', '2026-02-30', 'tomorrow'])('rejects %s', (bad) => expect(() => holidaySet(bad)).toThrow(/HOLIDAYS/));
});
