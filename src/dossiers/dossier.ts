/**
 * A dossier (hồ sơ) as this service sees it, whatever system it came from. Providers map their
 * own vocabulary onto it; the answer, the API and the watcher only know this shape.
 */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export interface DossierStep {
  note: string;
  at: Date | null;
  department: string | null;
}

export interface Dossier {
  code: string;
  procedureCode: string | null;
  procedureName: string;
  /** Full name of the applicant (chủ hồ sơ); shown masked (Nguyễn V. A.). */
  applicant: string;
  phone: string | null;
  email: string | null;
  receivedAt: Date | null;
  /** The appointment date on the receipt (ngày hẹn trả). */
  dueAt: Date | null;
  finishedAt: Date | null;
  status: DossierStatus;
  agency: string | null;
  steps: DossierStep[];
}
