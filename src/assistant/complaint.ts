import { foldDiacritics } from '../search/normalize.js';
import type { IntentReading } from './intent.js';
import type { Intent } from './turn.js';

/**
 * Complaints and denunciations are not taken in chat (the feedback skill explains where they go),
 * but some are settled by a published procedure on a subject: "Giải quyết khiếu nại ... đối với
 * lực lượng Công an nhân dân", "Thủ tục giải quyết khiếu nại về trợ giúp pháp lý". A question
 * that asks an aspect of such a complaint ("muốn khiếu nại quyết định xử phạt của cảnh sát giao
 * thông thì trình tự thế nào") is a question about that procedure. Pure functions; the assistant
 * runs the retrieval.
 */
const complaintCue = /\b(?:khieu nai|to cao)\b/;

/** The subject a complaint procedure's name settles: its first two words after "đối với (lực lượng)" or "về". */
const complaintSubject = /\b(?:khieu nai|to cao)\b.*?(?:doi voi (?:luc luong )?|\bve )(?!quyet dinh)([a-z]+ [a-z]+)/;

/** How citizens name a subject: the traffic police are "công an" too. */
const subjectAliases: Record<string, string[]> = { 'cong an': ['cong an', 'canh sat', 'csgt'] };

/**
 * The procedure aspect a complaint question asks ("nộp ở đâu", "thời hạn bao lâu"), or null when
 * the text is no complaint or asks no aspect. The aspect may be outweighed by a feedback cue
 * ("tố cáo cán bộ ... thời hạn bao lâu"): any aspect scored 2 or more counts.
 */
export function complaintAspect(folded: string, reading: IntentReading, aspects: ReadonlySet<Intent>): Intent | null {
  if (!complaintCue.test(folded)) return null;
  if (reading.intent && aspects.has(reading.intent)) return reading.intent;
  const asked = (Object.entries(reading.scores) as Array<[Intent, number]>)
    .filter(([intent, score]) => aspects.has(intent) && score >= 2)
    .sort((a, b) => b[1] - a[1]);
  return asked[0]?.[0] ?? null;
}

/** True when `name` settles complaints or denunciations on a subject the question names. */
export function settlesComplaintOn(name: string, folded: string): boolean {
  const subject = complaintSubject.exec(foldDiacritics(name).toLowerCase())?.[1];
  if (!subject) return false;
  const question = ` ${folded.replace(/[^a-z0-9]+/g, ' ')} `;
  return (subjectAliases[subject] ?? [subject]).some((s) => question.includes(` ${s} `));
}
