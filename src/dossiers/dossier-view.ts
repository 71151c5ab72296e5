import type { HolidaySet } from '../feedback/holidays.js';
import { maskName } from './applicant-name.js';
import type { Dossier, DossierStatus } from './dossier.js';
import { statusNames } from './dossier-status.js';
import { timeliness } from './overdue.js';

/** The dossier as `GET /api/dossiers/:code` returns it (CONTRACTS.md §3); the name is masked, contacts left out. */
export interface DossierView {
  code: string;
  status: DossierStatus;
  statusText: string;
  procedure: string;
  procedureCode: string | null;
  applicant: string;
  agency: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  overdue: boolean;
  overdueWorkingDays: number;
  steps: { note: string; at: string | null; department: string | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDossierView(d: Dossier, now: Date, holidays?: HolidaySet): DossierView {
  const t = timeliness(d, now, holidays);
  return {
    code: d.code,
    status: d.status,
    statusText: statusNames[d.status],
    procedure: d.procedureName,
    procedureCode: d.procedureCode,
    applicant: maskName(d.applicant),
    agency: d.agency,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    finishedAt: iso(d.finishedAt),
    overdue: t.overdue,
    overdueWorkingDays: t.workingDaysLate,
    steps: d.steps.map((s) => ({ note: s.note, at: iso(s.at), department: s.department })),
  };
}
