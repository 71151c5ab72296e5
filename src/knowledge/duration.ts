import type { Duration } from './procedure.js';

/**
 * Processing time as the portal writes it in the methods table: `7 Ngày làm việc`,
 * `15 Ngày`, `8 Giờ`, `3 Tháng`. The portal capitalises the unit; the canonical unit is lower case.
 */
const UNITS: Record<string, Duration['unit']> = {
  'ngày làm việc': 'ngày làm việc',
  'ngày': 'ngày',
  'giờ': 'giờ',
  'tháng': 'tháng',
};

/** Matches a duration at the start of the text; the unit is optional (`Trực tuyến1Miễn phí`). */
export const DURATION_AT_START = /^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ|tháng)?/iu;

export function parseDuration(text: string): Duration | null {
  const m = DURATION_AT_START.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0) return null;
  const unit = m[2] ? UNITS[m[2].toLowerCase()] : undefined;
  // A bare number is how the portal shows working days when the unit field is empty.
  return { value, unit: unit ?? 'ngày làm việc' };
}
