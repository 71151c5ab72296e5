import { classificationLabel, isOverdue, statusLabel } from './lifecycle.js';
import type { FeedbackRecord } from './record.js';
import { formatVnDate } from './working-days.js';

/**
 * The CSV of a period for the periodic reports on feedback handling. No personal data
 * (name, phone, e-mail, address): the report counts and describes, it does not identify.
 */
const columns = ['Mã', 'Ngày tiếp nhận', 'Trạng thái', 'Phân loại', 'Cơ quan', 'Mã thủ tục', 'Mã hồ sơ',
  'Kênh', 'Hạn xử lý', 'Ngày trả lời', 'Quá hạn', 'Nội dung', 'Trả lời'];

/** Quote a cell; a leading = + - @ is neutralized so spreadsheets never run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function feedbackCsv(records: readonly FeedbackRecord[], now: Date): string {
  const rows = records.map((r) => {
    const answered = [...r.history].reverse().find((h) => h.status === 'answered');
    return [
      r.code, formatVnDate(r.receivedAt), statusLabel[r.status],
      r.classification ? classificationLabel[r.classification] : '', r.agency ?? '', r.procedureCode ?? '',
      r.dossierCode ?? '', r.channel, formatVnDate(r.dueAt), answered ? formatVnDate(answered.at) : '',
      isOverdue(r, now) ? 'có' : 'không', r.content, r.answer ?? '',
    ].map(csvCell).join(',');
  });
  // A BOM so spreadsheet programs read the Vietnamese text as UTF-8.
  return `\uFEFF${[columns.join(','), ...rows].join('\r\n')}\r\n`;
}
