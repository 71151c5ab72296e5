import type { Duration, Method, Procedure } from '../../knowledge/procedure.js';
import { clip, foot, head, mergeByText, methodsInOrder, type Answer } from './card.js';

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
  // Some records list one channel several times (one row per case). Their durations go on one
  // line; the record's notes tell the cases apart only when they differ, so they are shown then.
  const byChannel = new Map<Method['channel'], Method[]>();
  for (const m of methods) byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
  const lines = mergeByText([...byChannel].map(([channel, rows]) => ({ channel, text: durationsText(rows) })));
  return { head: head(p, 'Thời hạn giải quyết của'), lines, foot: foot(p) };
}

function durationsText(rows: Method[]): string {
  const distinct = [...new Set(rows.map((m) => (m.duration ? formatDuration(m.duration) : 'dữ liệu không ghi thời hạn')))];
  if (distinct.length === 1) return distinct[0];
  // Notes that read the same once shortened do not tell the cases apart either.
  const notes = rows.map((m) => (m.note ? clip(m.note, 200) : ''));
  if (new Set(notes).size === rows.length) {
    return rows.map((m, i) => `${m.duration ? formatDuration(m.duration) : 'không ghi thời hạn'}${notes[i] ? ` (${notes[i]})` : ''}`).join('; ');
  }
  return `${distinct.join('; ')} (tùy trường hợp; dữ liệu không ghi rõ trường hợp nào, xin xem trang chính thức)`;
}
