import { describe, expect, it } from 'vitest';
import { timeliness } from '../../src/dossiers/overdue.js';
import { holidaySet } from '../../src/feedback/holidays.js';
import type { DossierStatus } from '../../src/dossiers/dossier.js';
import { vn } from './fixtures.js';

/** The clock is passed in (`now`), so every case is a fixed day; holidays are the defaults of src/feedback/holidays.ts. */
const cases: [string, { status: DossierStatus; due: string; now: string; finished?: string }, { overdue: boolean; late: number; left: number | null; finishedLate?: boolean }][] = [
  ['due today', { status: 4, due: '2024-11-26', now: '2024-11-26' }, { overdue: false, late: 0, left: 0 }],
  ['due tomorrow', { status: 4, due: '2024-11-27', now: '2024-11-26' }, { overdue: false, late: 0, left: 1 }],
  ['due next Monday, asked on Friday (weekend not counted)', { status: 2, due: '2024-11-25', now: '2024-11-22' }, { overdue: false, late: 0, left: 1 }],
  ['one day late', { status: 4, due: '2024-11-26', now: '2024-11-27' }, { overdue: true, late: 1, left: null }],
  ['due Friday, asked on Saturday: past the date, no working day yet', { status: 4, due: '2024-11-22', now: '2024-11-23' }, { overdue: true, late: 0, left: null }],
  ['due Friday, asked on Monday: one working day late', { status: 4, due: '2024-11-22', now: '2024-11-25' }, { overdue: true, late: 1, left: null }],
  ['due Friday, asked two weeks later', { status: 1, due: '2024-11-22', now: '2024-12-06' }, { overdue: true, late: 10, left: null }],
  ['over 30/4 and 1/5 2026 (holidays) and the weekend', { status: 4, due: '2026-04-29', now: '2026-05-04' }, { overdue: true, late: 1, left: null }],
  ['over Tết 2026 (16–20/02) and two weekends', { status: 4, due: '2026-02-13', now: '2026-02-23' }, { overdue: true, late: 1, left: null }],
  ['due after Tết, asked before it', { status: 4, due: '2026-02-24', now: '2026-02-12' }, { overdue: false, late: 0, left: 3 }],
  ['over Quốc khánh 2026 (1–2/9)', { status: 4, due: '2026-08-31', now: '2026-09-04' }, { overdue: true, late: 2, left: null }],
  ['waiting for papers (5): the clock is paused', { status: 5, due: '2024-11-22', now: '2024-12-06' }, { overdue: false, late: 0, left: null }],
  ['waiting for fees (6): the clock is paused', { status: 6, due: '2024-11-22', now: '2024-12-06' }, { overdue: false, late: 0, left: null }],
  ['refused (3)', { status: 3, due: '2024-11-22', now: '2024-12-06' }, { overdue: false, late: 0, left: null }],
  ['finished on time (9)', { status: 9, due: '2024-11-26', now: '2024-12-06', finished: '2024-11-26' }, { overdue: false, late: 0, left: null, finishedLate: false }],
  ['finished late (10)', { status: 10, due: '2024-11-22', now: '2024-12-06', finished: '2024-11-27' }, { overdue: false, late: 3, left: null, finishedLate: true }],
];

describe('timeliness in working days against the appointment date', () => {
  it.each(cases)('%s', (_name, c, want) => {
    const t = timeliness({ status: c.status, dueAt: vn(c.due, '17:00'), finishedAt: c.finished ? vn(c.finished, '10:00') : null }, vn(c.now, '09:00'));
    expect(t.overdue).toBe(want.overdue);
    expect(t.workingDaysLate).toBe(want.late);
    expect(t.workingDaysLeft).toBe(want.left);
    if (want.finishedLate !== undefined) expect(t.finishedLate).toBe(want.finishedLate);
  });

  it('compares Vietnamese local dates: 23:30 on the due day in Hanoi is still on time', () => {
    const t = timeliness({ status: 4, dueAt: vn('2024-11-26', '17:00'), finishedAt: null }, new Date('2024-11-26T16:30:00Z'));
    expect(t.overdue).toBe(false);
  });

  it('honours an operator holiday list', () => {
    const holidays = holidaySet('2024-11-25');
    const t = timeliness({ status: 4, dueAt: vn('2024-11-22'), finishedAt: null }, vn('2024-11-25'), holidays);
    expect(t).toMatchObject({ overdue: true, workingDaysLate: 0 });
  });

  it('has nothing to say without an appointment date', () => {
    expect(timeliness({ status: 4, dueAt: null, finishedAt: null }, vn('2024-11-25'))).toMatchObject({ overdue: false, workingDaysLeft: null });
  });
});
