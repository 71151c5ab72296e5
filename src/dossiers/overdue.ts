import { vnDate, workingDaysBetween } from '../feedback/working-days.js';
import type { HolidaySet } from '../feedback/holidays.js';
import type { Dossier } from './dossier.js';

/**
 * Whether a dossier is late, counted the way the one-stop rules count it: in working days
 * (weekends and public holidays do not count) against the appointment date on the receipt.
 * The appointment is a day, not an instant, so only Vietnamese local dates are compared.
 *
 * While the office waits for the citizen (5: more papers, 6: fees) the clock is paused, so those
 * are never reported late; closed dossiers (3, 7, 8) have nothing left to be late for.
 */
export interface Timeliness {
  /** In progress (1, 2, 4) and past the appointment date. */
  overdue: boolean;
  /** Working days past the appointment date (overdue, or finished late); 0 otherwise. */
  workingDaysLate: number;
  /** In progress and not late: working days until the appointment (0: it is today). */
  workingDaysLeft: number | null;
  /** Finished (9, 10) after the appointment date. */
  finishedLate: boolean;
}

export function timeliness(d: Pick<Dossier, 'status' | 'dueAt' | 'finishedAt'>, now: Date, holidays?: HolidaySet): Timeliness {
  const none: Timeliness = { overdue: false, workingDaysLate: 0, workingDaysLeft: null, finishedLate: false };
  if (!d.dueAt) return none;
  const due = vnDate(d.dueAt);
  if (d.status === 9 || d.status === 10) {
    if (!d.finishedAt || vnDate(d.finishedAt) <= due) return none;
    return { ...none, finishedLate: true, workingDaysLate: workingDaysBetween(due, d.finishedAt, holidays) };
  }
  if (d.status !== 1 && d.status !== 2 && d.status !== 4) return none;
  const today = vnDate(now);
  if (today > due) return { ...none, overdue: true, workingDaysLate: workingDaysBetween(due, today, holidays) };
  return { ...none, workingDaysLeft: workingDaysBetween(today, due, holidays) };
}
