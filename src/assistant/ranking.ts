import type { Procedure } from '../knowledge/procedure.js';
import { foldDiacritics } from '../search/normalize.js';
import type { SearchHit } from '../search/procedure-index.js';

/**
 * Ranking beyond text match. The index scores words; this step reads the candidates as a
 * citizen would: the base procedure is preferred over its special variants (foreign element,
 * mobile, border area, central level...) unless the question mentions them, a name that covers
 * the question's words beats one that only shares a few, and when the best candidates stay
 * close the assistant asks instead of guessing.
 */
export interface Candidate {
  code: string;
  /** Name shown in a clarifying question; the level is added when two candidates share a name. */
  label: string;
  score: number;
  coverage: number;
}

export interface Ranking {
  /** none: nothing found; weak: the best covers too little of the question; close: ask; clear: answer. */
  kind: 'none' | 'weak' | 'close' | 'clear';
  candidates: Candidate[];
}

export const rankingSettings = {
  /** Score factor for a variant the question does not mention. */
  variantPenalty: 0.75,
  /** Below this share of the question's words found in the name, the match is weak. */
  weakCoverage: 0.34,
  /** Second best at or above this share of the best score: ask the user to choose. */
  closeRatio: 0.97,
};

const words = (s: string) => s.split(/[^a-z0-9]+/).filter(Boolean);

/** Words that do not tell procedures apart; ignored when measuring coverage. */
const glue = new Set(['thu', 'tuc', 'cho', 'cua', 've', 'va', 'hoac', 'doi', 'voi', 'tai', 'o', 'trong', 'khi', 'lam', 'nguoi', 'can', 'gi', 'la', 'co', 'khong', 'duoc', 'thi', 'nhu', 'nao', 'the', 'bao', 'nhieu', 'tien', 'mat', 'lau', 'ngay', 'may', 'dau', 'nop', 'giay', 'to', 'ho', 'so', 'le', 'phi']);

/** Share of the question's distinctive words that appear in the procedure name. */
export function nameCoverage(queryFolded: string, nameFolded: string): number {
  const q = [...new Set(words(queryFolded).filter((w) => !glue.has(w)))];
  if (q.length === 0) return 0;
  const name = new Set(words(nameFolded));
  return q.filter((w) => name.has(w)).length / q.length;
}

export function rankCandidates(
  hits: SearchHit[],
  byCode: Map<string, Procedure>,
  queryFolded: string,
  variantsFolded: string[],
): Ranking {
  if (hits.length === 0) return { kind: 'none', candidates: [] };
  const top = hits[0].score || 1;
  const scored = hits.map((h) => {
    const nameFolded = foldDiacritics(h.name.toLowerCase());
    let score = h.score / top;
    for (const v of variantsFolded) {
      if (nameFolded.includes(v) && !queryFolded.includes(v)) {
        score *= rankingSettings.variantPenalty;
        break;
      }
    }
    const coverage = nameCoverage(queryFolded, nameFolded);
    // Coverage of the name by the question breaks near-ties toward the procedure actually named.
    score *= 0.8 + 0.2 * coverage;
    return { code: h.code, label: h.name, score, coverage, nameFolded };
  });
  scored.sort((a, b) => b.score - a.score);
  // Two candidates with the same name differ by level or agency: say which in the label.
  for (const c of scored) {
    if (scored.filter((o) => o.nameFolded === c.nameFolded).length > 1) {
      const p = byCode.get(c.code);
      const where = p ? [...p.levels, ...p.agencies.slice(0, 1)].join(', ') : '';
      if (where) c.label = `${c.label} (${where})`;
    }
  }
  const candidates = scored.map(({ code, label, score, coverage }) => ({ code, label, score, coverage }));
  const best = candidates[0];
  if (best.coverage < rankingSettings.weakCoverage) return { kind: 'weak', candidates };
  const second = candidates[1];
  if (second && second.score >= best.score * rankingSettings.closeRatio && second.coverage >= best.coverage) {
    return { kind: 'close', candidates };
  }
  return { kind: 'clear', candidates };
}

const ordinals: Record<string, number> = {
  mot: 1, nhat: 1, dau: 1, 'dau tien': 1, hai: 2, nhi: 2, ba: 3, bon: 4, tu: 4,
};

/**
 * Which offered choice a reply picks: by number ("2", "số 2", "cái thứ hai") or by words
 * that only one choice's name contains. Null when the reply picks none (a new question).
 */
export function pickChoice(folded: string, names: string[]): number | null {
  const text = folded.trim().replace(/[.!?,]+$/g, '');
  const num = /^(?:(?:so|chon|cai|thu tuc|muc|phuong an|lua chon)\s+)*(?:thu\s+)?(\d{1,2})$/.exec(text);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= names.length ? n - 1 : null;
  }
  const word = /^(?:(?:so|chon|cai|thu tuc|muc)\s+)*(?:thu\s+)?(mot|nhat|dau tien|dau|hai|nhi|ba|bon|tu)$/.exec(text);
  if (word) {
    const n = ordinals[word[1]];
    return n <= names.length ? n - 1 : null;
  }
  const reply = new Set(words(text));
  const nameWords = names.map((n) => new Set(words(foldDiacritics(n.toLowerCase()))));
  const scores = nameWords.map((own, i) => {
    let s = 0;
    for (const w of own) {
      if (!reply.has(w) || glue.has(w)) continue;
      const shared = nameWords.filter((o, j) => j !== i && o.has(w)).length;
      if (shared === 0) s += 1; // a word only this choice has
    }
    return s;
  });
  const max = Math.max(...scores);
  if (max <= 0) return null;
  return scores.filter((s) => s === max).length === 1 ? scores.indexOf(max) : null;
}
