import type { Procedure } from '../knowledge/procedure.js';
import type { Intent } from './turn.js';
import { clip, type Answer } from './answers/card.js';
import { papersAnswer } from './answers/papers.js';
import { feesAnswer } from './answers/fees.js';
import { deadlineAnswer } from './answers/deadline.js';
import { whereAnswer } from './answers/where.js';
import { onlineAnswer } from './answers/online.js';
import { stepsAnswer } from './answers/steps.js';
import { overviewAnswer } from './answers/overview.js';
import { siblingLine, type Sibling } from './sibling.js';

/** Characters a channel shows in one message (Zalo 2,000, Telegram 4,096). */
export const channelLimits: Record<string, number> = { zalo: 2000, zalo_bot: 2000, telegram: 4096 };
export const defaultLimit = 2000;

export const moreHint = 'Gõ "xem thêm" để đọc tiếp.';

/** Compose the answer of one kind from the record alone. */
export function composeAnswer(p: Procedure, intent: Intent, opts: { askedVneid?: boolean; siblings?: Sibling[] } = {}): Answer {
  const answer = kindOf(p, intent, opts);
  // "Where" and the overview also name the same procedure at other levels.
  const line = intent === 'where' || intent === 'overview' ? siblingLine(opts.siblings ?? []) : null;
  return line ? { ...answer, lines: [...answer.lines, line] } : answer;
}

function kindOf(p: Procedure, intent: Intent, opts: { askedVneid?: boolean }): Answer {
  switch (intent) {
    case 'papers': return papersAnswer(p);
    case 'fees': return feesAnswer(p);
    case 'deadline': return deadlineAnswer(p);
    case 'where': return whereAnswer(p);
    case 'online': return onlineAnswer(p, opts.askedVneid);
    case 'steps': return stepsAnswer(p);
    default: return overviewAnswer(p);
  }
}

export interface FittedText {
  text: string;
  /** What did not fit, to be sent on "xem thêm" (already fitted lines, with the link again). */
  more: string | null;
}

/**
 * Fit an answer into a channel's limit. The head and the link always stay; body lines that do
 * not fit move to `more`, which keeps the link too, so every message cites its source.
 */
export function fitAnswer(answer: Answer, limit = defaultLimit): FittedText {
  const full = [answer.head, ...answer.lines, answer.foot].join('\n');
  if (full.length <= limit) return { text: full, more: null };
  // A very long official name must not crowd out the answer itself.
  const a = answer.head.length > limit / 3 ? { ...answer, head: shortenHead(answer.head, Math.floor(limit / 3)) } : answer;
  const reserve = a.head.length + a.foot.length + moreHint.length + 3;
  const kept: string[] = [];
  let used = reserve;
  let i = 0;
  for (; i < a.lines.length; i++) {
    let line = a.lines[i];
    if (used + line.length + 1 > limit) {
      if (kept.length > 0) break;
      line = `${line.slice(0, Math.max(0, limit - used - 2))}…`; // a single giant line: cut it
    }
    kept.push(line);
    used += line.length + 1;
  }
  const rest = a.lines.slice(i);
  const text = [a.head, ...kept, a.foot, moreHint].join('\n');
  if (rest.length === 0) return { text: [a.head, ...kept, a.foot].join('\n'), more: null };
  return { text, more: JSON.stringify({ head: `${a.head} (tiếp theo)`, lines: rest, foot: a.foot }) };
}

/** Shorten a head but keep its "(mã 1.004194):" ending: the code must survive any cut. */
function shortenHead(head: string, max: number): string {
  const code = /\s*\(mã \d{1,2}\.\d{6}\)[^()]*(?:\([^()]*\))?[^()]*$/.exec(head);
  if (!code) return clip(head, max);
  return `${clip(head.slice(0, code.index), Math.max(20, max - code[0].length))}${code[0]}`;
}

/** Continue a cut answer from the session's `more`. */
export function continueAnswer(more: string, limit = defaultLimit): FittedText {
  return fitAnswer(JSON.parse(more) as Answer, limit);
}
