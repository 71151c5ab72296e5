import type { Procedure } from './procedure.js';

/**
 * What share of the imported records carry each kind of answer. It tells the team how far the
 * knowledge can go before anyone asks a question: a procedure without a fee amount cannot
 * answer "bao nhiêu tiền".
 */
export interface CoverageReport {
  imported: number;
  rejected: number;
  share: {
    method: number;
    duration: number;
    feeAmount: number;
    papers: number;
    legalBases: number;
    steps: number;
    results: number;
  };
}

export function coverageOf(procedures: Procedure[], rejected: number): CoverageReport {
  const n = procedures.length;
  const share = (pred: (p: Procedure) => boolean): number =>
    n === 0 ? 0 : Math.round((procedures.filter(pred).length / n) * 10000) / 10000;
  return {
    imported: n,
    rejected,
    share: {
      method: share((p) => p.methods.length > 0),
      duration: share((p) => p.methods.some((m) => m.duration !== null)),
      feeAmount: share((p) => p.methods.some((m) => m.fees.length > 0)),
      papers: share((p) => p.papers.length > 0),
      legalBases: share((p) => p.legalBases.length > 0),
      steps: share((p) => p.steps.length > 0),
      results: share((p) => p.results.length > 0),
    },
  };
}
