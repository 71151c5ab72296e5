import type { Procedure } from '../../knowledge/procedure.js';
import { clip, foot, head, type Answer } from './card.js';

/** Phrases with which records say a dossier may be filed anywhere, not only where one lives. */
const anywhere = /(không phụ thuộc (?:vào )?(?:nơi cư trú|địa giới hành chính|nơi thường trú|nơi tạm trú)|bất kỳ cơ quan|bất kỳ nơi nào|tại bất kỳ)/i;

function recordTexts(p: Procedure): string[] {
  return [...p.steps, ...p.requirements, ...p.methods.map((m) => m.note ?? '')];
}

/** The sentence of the record that says the dossier is accepted regardless of residence, if any. */
export function residenceRule(p: Procedure): string | null {
  for (const text of recordTexts(p)) {
    const m = anywhere.exec(text);
    if (!m) continue;
    // The sentence around the phrase, cut so the phrase itself always survives.
    const sentenceStart = Math.max(0, text.lastIndexOf('.', m.index) + 1);
    const endDot = text.indexOf('.', m.index);
    const end = endDot < 0 ? text.length : endDot + 1;
    let start = Math.max(sentenceStart, m.index - 160);
    if (start > sentenceStart) start = text.indexOf(' ', start) + 1 || start;
    const sentence = text.slice(start, end).trim();
    return `${start > sentenceStart ? '…' : ''}${clip(sentence, 300)}`;
  }
  return null;
}

/** The step that says where the dossier is handed in ("Bước 2: ... nộp hồ sơ đến Công an cấp xã"). */
function filingStep(p: Procedure): string | null {
  const step = p.steps.find((s) => /nộp hồ sơ|gửi hồ sơ|nộp trực tiếp/i.test(s));
  return step ? clip(step, 300) : null;
}

/** Where: the agencies, the level, and whether the record accepts the dossier regardless of residence. */
export function whereAnswer(p: Procedure): Answer {
  const lines: string[] = [];
  if (p.agencies.length) lines.push(`- Cơ quan thực hiện: ${p.agencies.join('; ')}`);
  if (p.levels.length) lines.push(`- Cấp thực hiện: ${p.levels.join(', ')}`);
  const step = filingStep(p);
  if (step) lines.push(`- Theo trình tự thực hiện: ${step}`);
  const rule = residenceRule(p);
  if (rule) lines.push(`- Nơi cư trú: ${rule}`);
  if (p.methods.some((m) => m.channel === 'truc_tuyen')) lines.push('- Thủ tục này cũng nhận hồ sơ trực tuyến.');
  if (lines.length === 0) lines.push('Dữ liệu thủ tục chưa ghi cơ quan tiếp nhận. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.');
  return { head: head(p, 'Nơi nộp hồ sơ của'), lines, foot: foot(p) };
}
