import type { Duration, Procedure } from '../../knowledge/procedure.js';
import { foot, head, mergeByText, methodsInOrder, type Answer } from './card.js';

export function formatDuration(d: Duration): string {
  const value = String(d.value).replace('.', ',');
  return `${value} ${d.unit}`;
}

/** Durations per channel, exactly as the record states them. */
export function deadlineAnswer(p: Procedure): Answer {
  const methods = methodsInOrder(p);
  const known = methods.filter((m) => m.duration);
  if (known.length === 0) {
    return {
      head: head(p, 'Thời hạn giải quyết của'),
      lines: ['Dữ liệu thủ tục không ghi thời hạn giải quyết cụ thể. Bạn vui lòng xem chi tiết tại trang chính thức bên dưới.'],
      foot: foot(p),
    };
  }
  const lines = mergeByText(methods.map((m) => ({
    channel: m.channel,
    text: m.duration ? formatDuration(m.duration) : 'dữ liệu không ghi thời hạn',
  })));
  return { head: head(p, 'Thời hạn giải quyết của'), lines, foot: foot(p) };
}
