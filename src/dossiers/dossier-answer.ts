import { formatVnDate } from '../feedback/working-days.js';
import type { HolidaySet } from '../feedback/holidays.js';
import type { Choice } from '../assistant/turn.js';
import { maskName } from './applicant-name.js';
import type { Dossier } from './dossier.js';
import { statusExplanations, statusNames, isInProgress } from './dossier-status.js';
import { timeliness, type Timeliness } from './overdue.js';

/**
 * The status of a dossier told in plain Vietnamese: what the status means, the dates, whether
 * it is late in working days, and what the citizen can do next (bring papers, pay, collect the
 * result, ask for the apology letter a late office owes them).
 */
export interface DossierAnswer {
  text: string;
  choices: Choice[];
  timeliness: Timeliness;
}

export const lateRuleText = 'Theo quy định (Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP), khi hồ sơ quá hạn, '
  + 'cơ quan giải quyết phải gửi bạn văn bản xin lỗi kèm hẹn lại ngày trả kết quả (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu số 04), '
  + 'nêu rõ lý do chậm và chỉ được hẹn lại một lần.';

export const watchChoice: Choice = { label: 'Báo cho tôi khi có kết quả', value: 'Báo cho tôi khi có kết quả' };

function where(d: Dossier): string {
  return d.agency ?? 'Bộ phận Một cửa nơi bạn đã nộp hồ sơ';
}

function latestStep(d: Dossier): Dossier['steps'][number] | undefined {
  return [...d.steps].sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)).at(-1);
}

/** A note from the provider as a sentence ending with one full stop. */
function asSentence(note: string): string {
  return `${note.replace(/[.;,\s]+$/, '')}.`;
}

export function feedbackChoice(code: string): Choice {
  return { label: 'Gửi phản ánh về việc trễ hẹn', value: `Tôi muốn phản ánh hồ sơ ${code} bị trễ hẹn` };
}

export function composeDossierAnswer(d: Dossier, now: Date, holidays?: HolidaySet): DossierAnswer {
  const t = timeliness(d, now, holidays);
  const lines: string[] = [];
  const choices: Choice[] = [];
  lines.push(`Hồ sơ ${d.code}`);
  lines.push(`Thủ tục: ${d.procedureName}${d.procedureCode ? ` (mã ${d.procedureCode})` : ''}`);
  lines.push(`Người nộp: ${maskName(d.applicant)}`);
  lines.push(`Tình trạng: ${statusNames[d.status]}. ${statusExplanations[d.status]}`);
  const dates: string[] = [];
  if (d.receivedAt) dates.push(`Ngày tiếp nhận: ${formatVnDate(d.receivedAt)}.`);
  if (d.dueAt) dates.push(`Ngày hẹn trả kết quả: ${formatVnDate(d.dueAt)}.`);
  if (dates.length) lines.push(dates.join(' '));

  if (t.overdue) {
    lines.push(t.workingDaysLate > 0
      ? `Hồ sơ đã quá hạn ${t.workingDaysLate} ngày làm việc so với ngày hẹn trả.`
      : 'Hồ sơ đã quá ngày hẹn trả kết quả.');
    lines.push(`${lateRuleText} Nếu bạn chưa nhận được văn bản này, bạn có thể gửi phản ánh gắn với hồ sơ này.`);
    choices.push(feedbackChoice(d.code));
  } else if (t.workingDaysLeft !== null) {
    lines.push(t.workingDaysLeft === 0
      ? 'Hôm nay là ngày hẹn trả kết quả.'
      : `Hồ sơ đang trong hạn, còn ${t.workingDaysLeft} ngày làm việc đến ngày hẹn trả.`);
  }

  const step = latestStep(d);
  const stepNote = step?.note.trim();
  switch (d.status) {
    case 5:
      lines.push(`Bạn cần bổ sung giấy tờ.${stepNote ? ` Nội dung yêu cầu: ${asSentence(stepNote)}` : ''} `
        + `Xin bạn mang giấy tờ bổ sung cùng giấy tiếp nhận hồ sơ đến ${where(d)}; nếu đã nộp trực tuyến, bạn có thể nộp bổ sung trên Cổng Dịch vụ công.`);
      break;
    case 6:
      lines.push(`Bạn cần nộp phí, lệ phí hoặc nghĩa vụ tài chính theo thông báo của cơ quan.${stepNote ? ` Nội dung thông báo: ${asSentence(stepNote)}` : ''} `
        + `Bạn có thể nộp trực tuyến trên Cổng Dịch vụ công hoặc tại ${where(d)}.`);
      break;
    case 9:
      lines.push(`Bạn có thể nhận kết quả trực tiếp tại ${where(d)}, mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng thẻ căn cước `
        + '(nếu nhờ người khác nhận thay thì cần giấy ủy quyền); hoặc nhận qua dịch vụ bưu chính công ích nếu bạn đã đăng ký nhận kết quả tại địa chỉ của mình.');
      break;
    case 10:
      lines.push(`Kết quả đã được trả${d.finishedAt ? ` ngày ${formatVnDate(d.finishedAt)}` : ''}. Nếu bạn chưa nhận được, xin liên hệ ${where(d)}.`);
      break;
    case 3:
    case 8:
      if (stepNote) lines.push(`Lý do: ${asSentence(stepNote)}`);
      lines.push(`Nếu cần hỏi thêm, xin bạn liên hệ ${where(d)}.`);
      break;
    default:
      break;
  }
  if (t.finishedLate) {
    lines.push(`Hồ sơ được giải quyết chậm ${t.workingDaysLate} ngày làm việc so với ngày hẹn. ${lateRuleText}`);
    choices.push(feedbackChoice(d.code));
  }
  if (step && d.status !== 5 && d.status !== 3 && d.status !== 8) {
    const when = step.at ? `${formatVnDate(step.at)}: ` : '';
    lines.push(`Cập nhật gần nhất: ${when}${stepNote?.replace(/[.;\s]+$/, '')}${step.department ? ` (${step.department})` : ''}.`);
  }
  if (isInProgress(d.status)) choices.push(watchChoice);
  return { text: lines.join('\n'), choices, timeliness: t };
}
