import type { Procedure } from '../../knowledge/procedure.js';
import { clip, foot, head, nationalPortal, type Answer } from './card.js';
import { formatDuration } from './deadline.js';
import { feeText } from './fees.js';

/** Online: whether the record has a trực tuyến method, what it costs and takes, and where to file. */
export function onlineAnswer(p: Procedure, askedVneid = false): Answer {
  const online = p.methods.filter((m) => m.channel === 'truc_tuyen');
  const lines: string[] = [];
  if (online.length === 0) {
    const others = [...new Set(p.methods.map((m) => m.channel))]
      .map((c) => (c === 'truc_tiep' ? 'nộp trực tiếp' : 'gửi qua bưu chính'));
    lines.push('Theo dữ liệu thủ tục, thủ tục này chưa có hình thức nộp trực tuyến.');
    if (others.length) lines.push(`Bạn có thể ${others.join(' hoặc ')}.`);
  } else {
    lines.push('Có, thủ tục này có thể nộp hồ sơ trực tuyến.');
    const m = online[0];
    if (m.duration) lines.push(`- Thời hạn khi nộp trực tuyến: ${formatDuration(m.duration)}`);
    lines.push(`- Phí, lệ phí khi nộp trực tuyến: ${feeText(m)}`);
    const text = online.map((x) => x.note ?? '').join(' ');
    const mentionsVneid = /vneid/i.test(text) || p.steps.some((s) => /vneid/i.test(s));
    if (mentionsVneid) lines.push('- Dữ liệu thủ tục có nêu việc nộp qua ứng dụng VNeID.');
    else if (askedVneid) lines.push('- Dữ liệu thủ tục không nhắc đến VNeID; bạn nộp qua Cổng Dịch vụ công.');
    lines.push(`- Nộp tại Cổng Dịch vụ công quốc gia: ${nationalPortal}`);
    const linkStep = p.steps.find((s) => /dichvucong|cổng dịch vụ công/i.test(s));
    if (linkStep && !mentionsVneid) lines.push(`- ${clip(linkStep, 250)}`);
  }
  return { head: head(p, 'Nộp trực tuyến'), lines, foot: foot(p) };
}
