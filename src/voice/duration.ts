import { numberWords } from './number-words.js';

/**
 * Durations from procedure records ("7 ngày làm việc", "24 giờ"); "1,5 tháng" is read
 * "một tháng rưỡi" because that is how people say it.
 */
export type DurationUnit = 'ngày làm việc' | 'ngày' | 'giờ' | 'tháng' | (string & {});

export function speakDuration(value: number, unit: DurationUnit): string {
  if (!Number.isInteger(value) && value % 1 === 0.5) return `${numberWords(Math.floor(value))} ${unit} rưỡi`;
  return `${numberWords(value)} ${unit}`;
}
