import type { Method, Procedure } from '../../knowledge/procedure.js';
import { formatFee } from '../money.js';
import { channelLabel, clip, foot, methodsInOrder, type Answer } from './card.js';
import { formatDuration } from './deadline.js';

/** A short card: what the procedure is, who handles it, how to file, and what else one can ask. */
export function overviewAnswer(p: Procedure): Answer {
  const lines: string[] = [];
  if (p.field) lines.push(`- Lĩnh vực: ${p.field}`);
  if (p.levels.length) lines.push(`- Cấp thực hiện: ${p.levels.join(', ')}`);
  if (p.agencies.length) lines.push(`- Cơ quan thực hiện: ${p.agencies.join('; ')}`);
  // One line per channel, even when the record lists a channel once per case.
  const byChannel = new Map<Method['channel'], Method[]>();
  for (const m of methodsInOrder(p)) byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
  for (const [channel, rows] of byChannel) {
    const durations = [...new Set(rows.filter((m) => m.duration).map((m) => formatDuration(m.duration!)))];
    const fees = [...new Set(rows.flatMap((m) => m.fees.map(formatFee)))];
    const parts = [durations.length ? `thời hạn ${durations.join(' hoặc ')}` : 'không ghi thời hạn'];
    if (fees.length) parts.push(`phí, lệ phí ${fees.join('; ')}`);
    else if (rows.some((m) => m.note)) parts.push(`phí, lệ phí xem ghi chú: ${clip(rows.find((m) => m.note)!.note!, 160)}`);
    lines.push(`- ${channelLabel[channel]}: ${parts.join(', ')}`);
  }
  if (p.papers.length) lines.push(`- Hồ sơ gồm ${p.papers.length} loại giấy tờ.`);
  if (p.steps.length) lines.push(`- Gồm ${p.steps.length} bước thực hiện.`);
  if (p.results.length) lines.push(`- Kết quả: ${clip(p.results.join('; '), 200)}`);
  lines.push('Bạn có thể hỏi tiếp: cần giấy tờ gì, lệ phí bao nhiêu, mất bao lâu, nộp ở đâu, có nộp online được không, các bước thực hiện.');
  return { head: `Thủ tục "${p.name}" (mã ${p.code}):`, lines, foot: foot(p) };
}
