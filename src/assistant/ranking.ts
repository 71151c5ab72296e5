import type { Procedure } from '../knowledge/procedure.js';
import { foldDiacritics } from '../search/normalize.js';
import type { SearchHit } from '../search/procedure-index.js';
import { baseName } from './sibling.js';

/**
 * Ranking beyond text match. The index scores words and already prefers the base procedure over
 * its special variants (src/search/variant.ts); this step reads the candidates as a citizen
 * would: a name that covers the question's words beats one that only shares a few, and when the
 * best candidates stay close the assistant asks instead of guessing.
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
  /**
   * Why a match is weak: `variant` — the question asks for a special case (foreign element,
   * mobile...) no candidate is; `coverage` — the best name covers little of a long, story-like
   * question, which in the blind rounds still had the right record first four times in five.
   */
  weakReason?: 'variant' | 'coverage';
  /** Share of the question's units that no procedure name has a word of (a topic the knowledge may lack). */
  unknownShare?: number;
}

export const rankingSettings = {
  /** Below this share of the question's words found in the name, the match is weak. */
  weakCoverage: 0.2,
  /** Second best at or above this share of the best score: ask the user to choose. */
  closeRatio: 0.98,
  /** Index scores are compressed (score^k) so that name-reading rules can outweigh word counts. */
  textExponent: 0.6,
  /** Bonus per extra word of the longest run of question words found in order in the name. */
  phraseBonus: 0.12,
  /** Factor for a name that opens with an action the question does not mention. */
  actionPenalty: 0.8,
  /** Weight of the share of the name's words found in the question (shorter, exact names first). */
  precisionWeight: 0.2,
  /** Names longer than this many words are not held back further for their length. */
  precisionCap: 100,
  /** Weight of the share of the question's words that the name covers. */
  coverageWeight: 0.3,
  /**
   * How much a question word counts as covered when only the record's field has it: citizens
   * name the domain ("bên bảo hiểm xã hội", "thai sản bhxh") that a benefit's name leaves out
   * ("Giải quyết hưởng chế độ thai sản", field "Thực hiện chính sách BHXH").
   */
  fieldCoverage: 0.5,
  /**
   * A colloquial question carries words no name has ("ông tôi mới mất", "sắp hết hạn"), so its
   * best match can cover little of it and still be the only sensible one: a best candidate this
   * far ahead of the second, covering at least `dominantCoverage`, is answered, not doubted.
   */
  dominantRatio: 1.15,
  dominantCoverage: 0.1,
  /**
   * A weak match is still answered (tentatively, with the next names offered) unless this share of
   * the question's units or more is words no name has: then the knowledge probably lacks the topic
   * ("phòng cháy chữa cháy" in a knowledge without fire-safety records) and the names are offered.
   */
  tentativeUnknownShare: 0.3,
};

const words = (s: string) => s.split(/[^a-z0-9]+/).filter(Boolean);

/** Words that do not tell procedures apart; ignored when measuring coverage. */
const glue = new Set(['bi', 'thu', 'tuc', 'cho', 'cua', 've', 'va', 'hoac', 'doi', 'voi', 'tai', 'o', 'trong', 'khi', 'lam', 'nguoi', 'gi', 'la', 'co', 'khong', 'duoc', 'thi', 'nhu', 'nao', 'bao', 'nhieu', 'tien', 'lau', 'ngay', 'may', 'dau', 'nop', 'giay', 'to', 'so', 'le', 'phi', 'a', 'da', 'oi', 'hoi', 'toi', 'em', 'minh', 'muon',
  // Colloquial words that never tell procedures apart ("xin cấp", "sắp hết hạn", "làm xong rồi", "rách nát").
  'xin', 'sap', 'xong', 'roi', 'nat',
  // Spoken-style words around the request ("con trai lấy vợ ra riêng", "đi làm ăn xa vài tháng",
  // "nghỉ bán luôn", "mảnh đất"): they tell the citizen's story, never which procedure it is.
  'di', 'vai', 'thang', 'tuan', 'luon', 'nua', 'nay', 'rieng', 'ra', 'trai', 'gai', 'lay', 'manh', 'phai', 'de', 'vua']);

/** Function words skipped when matching phrases, so "khai sinh cho con" does not favour "... cho người ...". */
const functionWords = new Set(['cho', 'cua', 've', 'va', 'hoac', 'voi', 'tai', 'o', 'trong', 'la', 'co', 'thi', 'nhu', 'nao', 'gi', 'de', 'duoc', 'da', 'a', 'nhung', 'cac', 'mot', 'thu', 'tuc', 'lam', 'can', 'nguoi']);

/**
 * Actions that make a procedure a follow-on of the main one (re-issuing, extending, reporting a
 * loss...). A citizen who asks "làm hộ chiếu" means the issuing procedure, not "Trình báo mất hộ
 * chiếu": a name opening with such an action is held back unless the question uses one of its
 * trigger words.
 */
const followOnActions: Array<{ name: string; triggers: string[] }> = [
  { name: 'trinh bao mat', triggers: ['mat', 'trinh bao', 'that lac'] },
  { name: 'khoi phuc', triggers: ['khoi phuc'] },
  { name: 'mo khoa', triggers: ['mo khoa', 'mo lai'] },
  { name: 'gia han', triggers: ['gia han'] },
  { name: 'cap lai', triggers: ['lam lai', 'cap lai', 'xin lai', 'mat', 'hong', 'rach'] },
  { name: 'cap ban sao', triggers: ['ban sao', 'sao y', 'trich luc'] },
  { name: 'dung', triggers: ['dung', 'ngung'] },
  { name: 'cap doi', triggers: ['doi'] },
  { name: 'doi', triggers: ['doi'] },
  { name: 'dieu chinh', triggers: ['dieu chinh', 'sua', 'thay doi'] },
  { name: 'sua doi', triggers: ['sua', 'thay doi', 'dieu chinh'] },
  { name: 'thay doi', triggers: ['thay doi', 'doi', 'sua', 'cai chinh', 'bi sai'] },
  { name: 'bo sung', triggers: ['bo sung', 'them'] },
  { name: 'thu hoi', triggers: ['thu hoi'] },
  { name: 'huy', triggers: ['huy'] },
  { name: 'xoa', triggers: ['xoa'] },
  { name: 'cham dut', triggers: ['cham dut', 'ngung', 'dung'] },
  { name: 'tam ngung', triggers: ['ngung', 'tam dung', 'dung'] },
  { name: 'dinh chinh', triggers: ['dinh chinh', 'sai', 'sua'] },
  { name: 'giai the', triggers: ['giai the'] },
  { name: 'mien nhiem', triggers: ['mien nhiem'] },
  { name: 'chuyen doi', triggers: ['chuyen doi', 'doi'] },
  { name: 'sua chua', triggers: ['sua chua', 'sua'] },
  { name: 'cai tao', triggers: ['cai tao'] },
  { name: 'di doi', triggers: ['di doi', 'di chuyen'] },
  // "Ghi vào Sổ hộ tịch việc ... đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài":
  // recording what was done abroad, never the registration itself.
  // "Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp": withdrawing a filing, not the filing.
  // "Truy lĩnh lương hưu ... của người hưởng đã chết": claiming what a deceased person was owed.
  { name: 'truy linh', triggers: ['truy linh', 'da chet', 'qua doi', 'chua nhan', 'chua linh'] },
  // "Rút yêu cầu trợ giúp pháp lý", "Rút nghiệp vụ ...": withdrawing, never the request itself.
  { name: 'rut', triggers: ['rut'] },
  { name: 'de nghi dung', triggers: ['dung', 'ngung', 'rut'] },
  { name: 'ghi vao so', triggers: ['ghi vao so', 'vao so ho tich', 'ghi chu', 'da dang ky o nuoc ngoai', 'da giai quyet'] },
];

/**
 * Actions a question asks for in so many words ("làm lại", "bị mất", "gia hạn"). A candidate
 * that is not such an action is held back: "bị mất bằng lái xe thì làm lại thế nào" means
 * "Cấp lại giấy phép lái xe", not "Cấp giấy phép lái xe". Only unambiguous triggers count here
 * ("lại" alone also reads "lái" once folded).
 */
const askedActions: Array<{ triggers: string[]; names: string[]; strong?: boolean }> = [
  { triggers: ['lam lai', 'cap lai', 'bi mat', 'mat', 'bi hong', 'hu hong', 'bi rach'], names: ['cap lai', 'trinh bao mat', 'cap doi', 'doi'] },
  { triggers: ['gia han'], names: ['gia han'], strong: true },
  { triggers: ['cap doi', 'doi lai', 'het han'], names: ['cap doi', 'doi', 'gia han'] },
  { triggers: ['khoi phuc'], names: ['khoi phuc'], strong: true },
  { triggers: ['tam ngung'], names: ['tam ngung'], strong: true },
  { triggers: ['cham dut'], names: ['cham dut'], strong: true },
  { triggers: ['thu hoi'], names: ['thu hoi'], strong: true },
  // "đăng ký thay đổi vốn điều lệ" is a change, not the founding "Đăng ký thành lập ...".
  { triggers: ['thay doi'], names: ['thay doi', 'doi', 'cap doi', 'dieu chinh', 'sua doi', 'cai chinh', 'bien dong', 'chuyen doi', 'bo sung'] },
  { triggers: ['cai chinh', 'bi sai', 'ghi sai', 'sua sai', 'sua lai', 'dinh chinh', 'hieu dinh'], names: ['thay doi', 'cai chinh', 'dinh chinh', 'dieu chinh', 'sua doi', 'sua loi', 'hieu dinh', 'cap nhat', 'bo sung'] },
];

/** True when the question asks for an action (re-issue, extension...) that the name does not open with. */
export function missesAskedAction(nameWords: string[], queryFolded: string): boolean {
  const all = askedActionsOf(queryFolded);
  if (all.length === 0) return false;
  // A request word ("khôi phục", "thu hồi", "gia hạn") outranks the story around it ("hộ chiếu
  // đã báo mất", "xe bị hỏng"): when one is asked, only a name doing it answers the question.
  const strong = all.filter((a) => a.strong);
  const asked = strong.length > 0 ? strong : all;
  const opening = readingOf(nameWords).opening8;
  return !asked.some((a) => a.names.some((n) => hasPhrase(opening, n)));
}

/**
 * The ranking rules read the same question against ~30 names per turn: what depends only on the
 * question is read once (the last question is remembered), what depends only on a name once per
 * name (cached by its word list), so a turn costs less CPU at 1,000 turns a second.
 */
let lastActionQuery: { folded: string; query: string; asked: typeof askedActions; triggered: Set<string> } | null = null;
function actionQuery(queryFolded: string) {
  if (lastActionQuery?.folded !== queryFolded) {
    // "bị thu hồi", "đã bị tạm ngừng": what happened to the citizen, not what they ask for.
    const query = words(queryFolded).join(' ').replace(/(?<!muon |xin |de nghi )\bbi (thu hoi|tam ngung|cham dut|huy)\b/g, (_m, a: string) => `bi_${a.replace(' ', '_')}`);
    lastActionQuery = {
      folded: queryFolded,
      query,
      asked: askedActions.filter((a) => a.triggers.some((t) => hasPhrase(query, t))),
      triggered: new Set(followOnActions.filter((a) => a.triggers.some((t) => hasPhrase(query, t))).map((a) => a.name)),
    };
  }
  return lastActionQuery;
}
const askedActionsOf = (queryFolded: string) => actionQuery(queryFolded).asked;

interface NameReading {
  /** The name without a leading "thủ tục", and its first 8 and `actionWindow` words. */
  name: string;
  opening8: string;
  followOns: string[];
  own: string[];
}
const nameReadings = new WeakMap<string[], NameReading>();
function readingOf(nameWords: string[]): NameReading {
  let r = nameReadings.get(nameWords);
  if (!r) {
    const name = nameWords.join(' ').replace(/^thu tuc /, '');
    const opening = name.split(' ').slice(0, actionWindow).join(' ');
    r = {
      name,
      opening8: name.split(' ').slice(0, 8).join(' '),
      // One-word actions only count at the very start: "đổi" folds like "đối (với)".
      followOns: followOnActions.filter((a) => (a.name.includes(' ') ? hasPhrase(opening, a.name) : name.startsWith(`${a.name} `))).map((a) => a.name),
      own: [...new Set(nameWords.filter((w) => !functionWords.has(w)))],
    };
    nameReadings.set(nameWords, r);
  }
  return r;
}

/** Word lists of folded names, shared so that readingOf's cache hits across turns. */
const nameWordCache = new Map<string, { nameWords: string[]; nameSet: Set<string>; runWords: string[] }>();
function nameWordsOf(nameFolded: string) {
  let c = nameWordCache.get(nameFolded);
  if (!c) {
    if (nameWordCache.size > 100_000) nameWordCache.clear();
    const nameWords = words(nameFolded);
    c = { nameWords, nameSet: new Set(nameWords), runWords: nameWords.filter((w) => !functionWords.has(w)) };
    nameWordCache.set(nameFolded, c);
  }
  return c;
}

/** Share of the name's own words that the question uses: "Đổi giấy phép lái xe" over "... của người nước ngoài". */
export function namePrecision(queryWords: Set<string>, nameWords: string[], cap = Infinity): number {
  const own = readingOf(nameWords).own;
  if (own.length === 0) return 0;
  return Math.min(1, own.filter((w) => queryWords.has(w)).length / Math.min(own.length, cap));
}

export interface Synonym {
  phrase: string[];
  means: string[][];
}

/** Lexicon synonyms folded into word lists, once per lexicon. */
export function foldSynonyms(list: Array<{ phrase: string; means: string[] }>): Synonym[] {
  return list.map((s) => ({ phrase: words(foldDiacritics(s.phrase)), means: s.means.map((m) => words(foldDiacritics(m))) }))
    .filter((s) => s.phrase.length > 0);
}

/**
 * The question's distinctive words as units of meaning. An everyday phrase of the lexicon
 * ("sổ đỏ", "bằng lái xe", "công chứng") is one unit, covered by a name that has the phrase or
 * any of its official meanings ("giấy chứng nhận quyền sử dụng đất"); every other word is a unit.
 */
/** Longest phrases first, sorted once per synonym list (the lexicon's is fixed at start-up). */
const sortedSynonyms = new WeakMap<Synonym[], Synonym[]>();

export function topicUnits(topic: string[], synonyms: Synonym[]): string[][][] {
  const units: string[][][] = [];
  const used = new Array<boolean>(topic.length).fill(false);
  let sorted = sortedSynonyms.get(synonyms);
  if (!sorted) {
    sorted = [...synonyms].sort((a, b) => b.phrase.length - a.phrase.length);
    sortedSynonyms.set(synonyms, sorted);
  }
  for (const syn of sorted) {
    for (let i = 0; i + syn.phrase.length <= topic.length; i++) {
      if (topic[i] !== syn.phrase[0] || !syn.phrase.every((w, k) => topic[i + k] === w)) continue;
      if (used.slice(i, i + syn.phrase.length).some(Boolean)) continue;
      for (let k = 0; k < syn.phrase.length; k++) used[i + k] = true;
      units.push([syn.phrase, ...syn.means]);
    }
  }
  const seen = new Set<string>();
  topic.forEach((w, i) => {
    if (used[i] || glue.has(w) || seen.has(w)) return;
    seen.add(w);
    units.push([[w]]);
  });
  return units;
}

/** How far into a name a multi-word action still marks a follow-on ("Cấp điều chỉnh giấy phép..."). */
const actionWindow = 8;

function hasPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/** The follow-on action a name opens with, if the question does not ask for it. */
export function unaskedAction(nameWords: string[], queryFolded: string): string | null {
  const found = readingOf(nameWords).followOns;
  if (found.length === 0) return null;
  const { triggered } = actionQuery(queryFolded);
  // A name may list alternatives ("thay đổi, cải chính, bổ sung"): asking for any one is enough.
  return found.some((a) => triggered.has(a)) ? null : found[0];
}

/** Longest run of consecutive question words that appears, in the same order, in the name. */
export function longestRun(queryWords: string[], nameWords: string[]): number {
  let best = 0;
  const prev = new Array<number>(nameWords.length + 1).fill(0);
  for (let i = 1; i <= queryWords.length; i++) {
    let diag = 0;
    for (let j = 1; j <= nameWords.length; j++) {
      const tmp = prev[j];
      prev[j] = queryWords[i - 1] === nameWords[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

/**
 * One name is the other plus qualifiers ("Đăng ký khai sinh" / "... cho người đã có hồ sơ"):
 * not a real choice. The better-scored one already reflects whether the question named the
 * qualifier, so the assistant answers instead of asking.
 */
function nested(a: string, b: string): boolean {
  const wa = new Set(words(a).filter((w) => !functionWords.has(w)));
  const wb = new Set(words(b).filter((w) => !functionWords.has(w)));
  const sub = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  return sub(wa, wb) || sub(wb, wa);
}

/** Share of the question's distinctive words that appear in the procedure name. */
export function nameCoverage(queryFolded: string, nameFolded: string): number {
  const q = [...new Set(words(queryFolded).filter((w) => !glue.has(w)))];
  if (q.length === 0) return 0;
  const name = new Set(words(nameFolded));
  return q.filter((w) => name.has(w)).length / q.length;
}

/**
 * An age the question states ("con 15 tuổi") against an age bound in the name ("dưới 14 tuổi",
 * "từ đủ 14 tuổi trở lên"): false when they contradict, true when they agree, null otherwise.
 */
export function ageFits(nameFolded: string, queryFolded: string): boolean | null {
  const asked = /\b(\d{1,3}) tuoi\b/.exec(queryFolded);
  if (!asked) return null;
  const age = Number(asked[1]);
  const under = /\bduoi (\d{1,3}) tuoi\b/.exec(nameFolded);
  const over = /\btu (?:du )?(\d{1,3}) tuoi(?: tro len)?\b/.exec(nameFolded);
  if (under && over) return null;
  if (under) return age < Number(under[1]);
  if (over) return age >= Number(over[1]);
  return null;
}

export interface RankOptions {
  /** The question's topic words (intent cues and filler removed); defaults to all its words. */
  topic?: string[];
  /** The index's variant factor for a name (1 when none): kept whole while word scores are compressed. */
  variantWeight?: (name: string) => number;
  /**
   * A factor the index did not apply: what the record says beyond its name (the police's own
   * benefits, known by agency and field, are a variant the question must ask for).
   */
  recordWeight?: (code: string) => number;
  /** Everyday phrases and the official words they stand for (lexicon synonyms), folded. */
  synonyms?: Synonym[];
  /**
   * The words of a domain the question names ("bảo hiểm xã hội") when the record's field is that
   * domain: they then tell nothing between the field's procedures, so they neither count in its
   * coverage nor in its phrase run ("Giải quyết hưởng chế độ thai sản" against "... bảo hiểm xã
   * hội một lần" for "hưởng thai sản bhxh").
   */
  fieldDomain?: (code: string) => ReadonlySet<string> | null;
  /** The question without its intent cues (filler kept: "hết hạn", "bị mất" are action words). */
  actionText?: string;
  /**
   * A name read the way questions are (abbreviations expanded: "GTGT" -> "giá trị gia tăng"),
   * folded, lower case. Defaults to folding the name as published.
   */
  readName?: (name: string) => string;
  /**
   * Whether a folded word occurs in some procedure name of the knowledge. A question word no
   * name has points at a procedure the knowledge lacks, so a low-coverage best match is then
   * never answered on its lead alone.
   */
  knownWord?: (word: string) => boolean;
  /**
   * True when the question asks for a special case (variants.json: foreign element, mobile,
   * re-registration...) that the name is not. The best candidate being such a name means the
   * knowledge lacks the case asked for: the nearest names are offered, not answered as a match.
   */
  missesAskedVariant?: (name: string) => boolean;
}

export function rankCandidates(
  hits: SearchHit[],
  byCode: Map<string, Procedure>,
  queryFolded: string,
  opts: RankOptions = {},
): Ranking {
  const topic = opts.topic ?? words(queryFolded);
  const variantWeight = opts.variantWeight ?? (() => 1);
  const readName = opts.readName ?? ((name: string) => foldDiacritics(name.toLowerCase()));
  const units = topicUnits(topic, opts.synonyms ?? []);
  const queryWordSet = new Set([...words(queryFolded), ...units.flatMap((u) => u.flat())]);
  if (hits.length === 0) return { kind: 'none', candidates: [] };
  const top = hits[0].score || 1;
  const actionText = opts.actionText ?? topic.join(' ');
  // Phrase runs read the whole question (negations like "không phải" matter) minus function words.
  const queryRunWords = words(queryFolded).filter((w) => !functionWords.has(w));
  const settings = rankingSettings;
  const scored = hits.map((h) => {
    const nameFolded = readName(h.name);
    const { nameWords, nameSet, runWords } = nameWordsOf(nameFolded);
    const domain = opts.fieldDomain?.(h.code);
    const own = domain ? units.filter((u) => !u.every((alt) => alt.every((w) => domain.has(w)))) : units;
    const uncovered = own.filter((u) => !u.some((alt) => alt.every((w) => nameSet.has(w))));
    const field = byCode.get(h.code)?.field;
    const fieldSet = field && settings.fieldCoverage > 0 ? nameWordsOf(readName(field)).nameSet : null;
    const byField = fieldSet ? uncovered.filter((u) => u.some((alt) => alt.every((w) => fieldSet.has(w)))).length : 0;
    const coverage = own.length === 0 ? 0 : (own.length - uncovered.length + settings.fieldCoverage * byField) / own.length;
    const variant = variantWeight(h.name);
    let score = Math.pow(Math.max(h.score, 0) / variant / top, settings.textExponent) * variant * (opts.recordWeight?.(h.code) ?? 1);
    const run = longestRun(domain ? queryRunWords.filter((w) => !domain.has(w)) : queryRunWords, runWords);
    if (run >= 2) score *= 1 + settings.phraseBonus * (run - 1);
    if (unaskedAction(nameWords, actionText)) score *= settings.actionPenalty;
    if (missesAskedAction(nameWords, actionText)) score *= settings.actionPenalty;
    if (ageFits(nameFolded, queryFolded) === false) score *= settings.actionPenalty;
    score *= 1 - settings.coverageWeight + settings.coverageWeight * coverage;
    score *= 1 - settings.precisionWeight + settings.precisionWeight * namePrecision(queryWordSet, nameWords, settings.precisionCap);
    return { code: h.code, label: h.name, score, coverage, nameFolded, base: baseName(h.name), uncovered };
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
  const second = candidates[1];
  if (opts.missesAskedVariant?.(hits.find((h) => h.code === best.code)!.name)) return { kind: 'weak', candidates, weakReason: 'variant' };
  if (best.coverage < settings.weakCoverage) {
    const known = opts.knownWord ?? (() => true);
    const dominant = best.coverage >= settings.dominantCoverage && (!second || best.score >= second.score * settings.dominantRatio)
      && scored[0].uncovered.every((u) => u.some((alt) => alt.every(known)));
    if (!dominant) {
      const unknown = scored[0].uncovered.filter((u) => u.every((alt) => !alt.every(known))).length;
      return { kind: 'weak', candidates, weakReason: 'coverage', unknownShare: units.length ? unknown / units.length : 0 };
    }
  }
  if (second && second.score >= best.score * settings.closeRatio && second.coverage >= best.coverage
    && !nested(scored[0].nameFolded, scored[1].nameFolded)
    // The same procedure at another level is no choice: the answer names it (sibling.ts).
    && scored[0].base !== scored[1].base) {
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
