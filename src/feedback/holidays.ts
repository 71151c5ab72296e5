/**
 * Public holidays that stop the clock on legal deadlines (Labor Code 2019, Art. 112:
 * Tết Dương lịch 1 day, Tết Nguyên đán 5 days, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5,
 * Quốc khánh 2/9 plus one adjacent day). Only the weekdays matter here: weekends are
 * never working days anyway, so a holiday on a Saturday appears as its weekday compensation
 * (nghỉ bù) instead.
 *
 * The exact Tết and 2/9 days are fixed each year by the government's notice (the Ministry of
 * Home Affairs for civil servants), so these defaults are the best reading of 2025–2027 and an
 * operator overrides them with `HOLIDAYS=2026-02-16,2026-02-17,...` (the list then replaces
 * the defaults wholesale, so a wrong default can be removed, not only extended).
 */
export interface Holiday {
  date: string; // YYYY-MM-DD, Asia/Ho_Chi_Minh
  name: string;
}

export const defaultHolidays: readonly Holiday[] = [
  // 2025 — Tết Ất Tỵ (mùng 1 = 29/01); 27/01 swapped against Saturday 15/02.
  { date: '2025-01-01', name: 'Tết Dương lịch' },
  { date: '2025-01-27', name: 'Tết Nguyên đán (hoán đổi)' },
  { date: '2025-01-28', name: 'Tết Nguyên đán (29 Tết)' },
  { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
  { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
  { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2025-05-01', name: 'Quốc tế Lao động' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)' },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2025-09-02', name: 'Quốc khánh' },
  // 2026 — Tết Bính Ngọ (mùng 1 = 17/02); nghỉ từ 14/02 đến hết 22/02.
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  { date: '2026-02-16', name: 'Tết Nguyên đán (29 Tết)' },
  { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' },
  { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)' },
  { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)' },
  { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)' },
  { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù cho Chủ nhật 26/04)' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2026-05-01', name: 'Quốc tế Lao động' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2026-09-02', name: 'Quốc khánh' },
  // 2027 — Tết Đinh Mùi (mùng 1 = Saturday 06/02); weekend days compensated on 10–11/02.
  { date: '2027-01-01', name: 'Tết Dương lịch' },
  { date: '2027-02-05', name: 'Tết Nguyên đán (29 Tết)' },
  { date: '2027-02-08', name: 'Tết Nguyên đán (mùng 3)' },
  { date: '2027-02-09', name: 'Tết Nguyên đán (mùng 4)' },
  { date: '2027-02-10', name: 'Tết Nguyên đán (nghỉ bù)' },
  { date: '2027-02-11', name: 'Tết Nguyên đán (nghỉ bù)' },
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2027-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2027-05-03', name: 'Quốc tế Lao động (nghỉ bù cho thứ Bảy 01/05)' },
  { date: '2027-09-02', name: 'Quốc khánh' },
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' },
];

/** The set the working-day functions take: `YYYY-MM-DD` strings in Vietnamese local dates. */
export type HolidaySet = ReadonlySet<string>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Build the holiday set from the `HOLIDAYS` setting: unset or blank gives the defaults;
 * otherwise a comma/space separated list of `YYYY-MM-DD` that replaces them. A malformed entry
 * throws, because silently dropping a holiday would shorten a legal deadline.
 */
export function holidaySet(setting?: string): HolidaySet {
  if (!setting || !setting.trim()) return new Set(defaultHolidays.map((h) => h.date));
  const dates = setting.split(/[\s,;]+/).filter(Boolean);
  for (const d of dates) {
    if (!isoDate.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
      throw new Error(`HOLIDAYS: "${d}" is not a YYYY-MM-DD date`);
    }
  }
  return new Set(dates);
}
