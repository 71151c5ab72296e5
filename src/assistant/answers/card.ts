import type { Channel, Method, Procedure } from '../../knowledge/procedure.js';

/**
 * What every answer shares: it names the procedure and its code first and cites the official
 * record last, so a citizen can always check the source (and a cut answer still carries both).
 */
export interface Answer {
  /** First line(s): the procedure named with its code. */
  head: string;
  /** Body lines; a long answer is cut between lines. */
  lines: string[];
  /** Last line: the official link. */
  foot: string;
}

export const channelLabel: Record<Channel, string> = {
  truc_tiep: 'Nộp trực tiếp',
  truc_tuyen: 'Nộp trực tuyến',
  buu_chinh: 'Qua bưu chính',
};

export const nationalPortal = 'https://dichvucong.gov.vn';

export function head(p: Procedure, what: string): string {
  // Some records already start their name with "Thủ tục": do not say it twice.
  const kind = /^thủ tục\b/i.test(p.name) ? '' : 'thủ tục ';
  return `${what} ${kind}"${p.name}" (mã ${p.code}):`;
}

export function foot(p: Procedure): string {
  return `Nguồn: ${p.source.url}`;
}

/** Channels in a stable order, duplicates of the same channel kept (some records list two rows). */
export function methodsInOrder(p: Procedure): Method[] {
  const order: Channel[] = ['truc_tiep', 'truc_tuyen', 'buu_chinh'];
  return [...p.methods].sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel));
}

/** Shorten a long note for a chat line, cutting at a word. */
export function clip(text: string, max = 400): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/**
 * Lines that say the same for several channels are merged ("Nộp trực tiếp, Nộp trực tuyến: ...")
 * so the answer stays short on a phone screen.
 */
export function mergeByText(rows: Array<{ channel: Channel; text: string }>): string[] {
  const merged = new Map<string, Channel[]>();
  for (const r of rows) {
    const list = merged.get(r.text) ?? [];
    if (!list.includes(r.channel)) list.push(r.channel);
    merged.set(r.text, list);
  }
  return [...merged].map(([text, chans]) => `- ${chans.map((c) => channelLabel[c]).join(', ')}: ${text}`);
}
