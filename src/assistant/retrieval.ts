import type { Procedure } from '../knowledge/procedure.js';
import type { Lexicon } from '../search/lexicon.js';
import { foldDiacritics, normalizeText } from '../search/normalize.js';
import type { ProcedureIndex } from '../search/procedure-index.js';
import { VariantRule } from '../search/variant.js';
import { readIntent, topicWords, withoutSpans } from './intent.js';
import { foldSynonyms, rankCandidates, type Ranking } from './ranking.js';

/**
 * Retrieval as the assistant sees it: the index's text match, then the ranking rules of
 * ranking.ts. Shared by the conversation core and `GET /api/procedures`, so the list a helper
 * sees on the web is in the same order as the answer a citizen gets in chat.
 */
export interface Retrieval {
  /** `normalized`/`folded` as produced by normalizeText/foldDiacritics (folded in lower case). */
  rank(normalized: string, folded: string, topic: string[], limit?: number): Promise<Ranking>;
  /** Convenience for raw text (API search box). */
  search(text: string, limit?: number): Promise<Ranking>;
}

/**
 * How many index hits the ranking rules read. The index only sees words; a procedure the rules
 * would put first ("Cấp lại Giấy chứng nhận do bị mất" for "sổ đỏ bị mất") can sit well below
 * the top ten on word counts alone.
 */
const rerankDepth = 30;

const armedPolicyFields = new Set(['Chính sách', 'Tổ chức, cán bộ']);
const armedAgency = /bộ công an|bộ quốc phòng|cục chính sách/iu;

const specialCaseIds = new Set(['foreign', 'mobile', 'border', 'again', 'armed']);

export function createRetrieval(deps: { procedures: Procedure[]; index: ProcedureIndex; lexicon: Lexicon }): Retrieval {
  const byCode = new Map(deps.procedures.map((p) => [p.code, p]));
  const variants = new VariantRule(deps.lexicon);
  const nameGroups = new Map(deps.procedures.map((p) => [p.name, variants.groupsOfName(p.name)]));
  const listedGroups = new Map(deps.procedures.map((p) => [p.name, variants.listedGroupsOfName(p.name)]));
  const synonyms = foldSynonyms(deps.lexicon.synonyms);
  // Names read like questions (abbreviations expanded), computed once per name.
  const readNames = new Map<string, string>();
  const readName = (name: string) => {
    let folded = readNames.get(name);
    if (folded === undefined) {
      folded = foldDiacritics(normalizeText(name, deps.lexicon)).toLowerCase();
      readNames.set(name, folded);
    }
    return folded;
  };

  // Variant groups that make a separate procedure for a citizen's special case; the others (fully
  // online, central level, organization...) only narrow the same service.
  const specialCases = new Set(deps.lexicon.variants.flatMap((g, i) => (specialCaseIds.has(g.id) ? [i] : [])));
  // Every word of every name, read like a question: tells a topic the knowledge lacks ("phù hiệu").
  // Built once here (start-up), not on a citizen's first question.
  const vocabulary = new Set(deps.procedures.flatMap((p) => readName(p.name).split(/[^a-z0-9]+/).filter(Boolean)));
  // A token with a digit ("a1", "b2", "2024") is a class, grade or date, not a missing topic.
  const knownWord = (w: string) => vocabulary.has(w) || /\d/.test(w);

  // Benefits the police or the army run for their own people ("Cấp lại thẻ bảo hiểm y tế (thực
  // hiện tại cấp tỉnh)" by Bộ Công an, field "Chính sách") say so only in the record's agency and
  // field, not in the name: they count as the armed-forces variant.
  const armed = deps.lexicon.variants.findIndex((g) => g.id === 'armed');
  const armedPolicy = new Set(deps.procedures.filter((p) => armedPolicyFields.has(p.field ?? '')
    && p.agencies.some((a) => armedAgency.test(a))).map((p) => p.code));

  async function rank(normalized: string, folded: string, fullTopic: string[], limit = 12): Promise<Ranking> {
    const topic = withoutState(normalized, withoutPurpose(normalized, fullTopic));
    const hits = await deps.index.search(stateless(normalized, fullTopic, topic), { limit: Math.max(limit, rerankDepth) });
    const asked = variants.groupsOfQuestion(normalized);
    const ranking = rankCandidates(hits, byCode, folded, {
      topic,
      variantWeight: (name) => variants.weight(nameGroups.get(name) ?? variants.groupsOfName(name), asked, listedGroups.get(name) ?? []),
      recordWeight: (code) => (armedPolicy.has(code) && !asked.includes(armed) ? variants.factor : 1),
      synonyms,
      actionText: withoutSpans(folded, readIntent(folded).spans),
      readName,
      knownWord,
      missesAskedVariant: (name) => {
        // Read loosely here: a name that mentions the case at all ("... của nước ngoài") has it.
        const own = [...(nameGroups.get(name) ?? variants.groupsOfName(name)), ...variants.groupsOfQuestion(name)];
        return asked.some((g) => specialCases.has(g) && !own.includes(g));
      },
    });
    return { ...ranking, candidates: ranking.candidates.slice(0, limit) };
  }

  return {
    rank,
    async search(text, limit = 10) {
      const normalized = normalizeText(text, deps.lexicon);
      const folded = foldDiacritics(normalized).toLowerCase();
      return rank(normalized, folded, topicWords(folded, readIntent(folded)), limit);
    },
  };
}

/** Words most names share ("đăng ký", "cấp", "giấy"): sharing one does not make two phrases one topic. */
const genericWords = new Set(['dang', 'ky', 'cap', 'lam', 'giay', 'xin', 'thu', 'tuc', 'co', 'to']);

/** Words after a copied document that are the question again ("ở xã", "hết bao nhiêu", "mấy trang"). */
const copyEnd = new Set(['o', 'tai', 'het', 'bao', 'mat', 'bn', 'may', 'mot', '1', 'lam', 'nop']);

/** Words of a story that name no procedure: people, time, age, going somewhere. */
const storyWords = new Set(['chua', 'con', 'be', 'chau', 'bo', 'me', 'ong', 'ba', 'anh', 'chi', 'vo', 'chong', 'em', 'nha', 'nam', 'nay', 'tuoi', 'thang', 'ngay', 'gio', 'di', 'lam', 'moi', 'roi', 'hom', 'qua', 'truoc', 'sau', 'luc', 'khi']);

/** Words that end a "chưa ..." state: what follows is the request again. */
const stateEnd = new Set(['ma', 'nhung', 'thi', 'gio', 'nay', 'muon', 'nen', 'roi', 'can', 'xin', 'va']);

/**
 * "chưa đăng ký kết hôn mà có con, giờ muốn nhận con": what follows "chưa" (not yet) describes the
 * citizen's situation, not the procedure asked for, so its words do not count in the ranking's
 * coverage — unless nothing else is left ("con chưa đăng ký khai sinh thì làm sao": the state is
 * the request). Read on accented text, or on text typed without any marks ("chua").
 * Exported for its table test.
 */
export function withoutState(normalized: string, topic: string[]): string[] {
  const plain = foldDiacritics(normalized) === normalized;
  const tokens = normalized.toLowerCase().split(/\s+/);
  const bare = tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''));
  const folded = bare.map((t) => foldDiacritics(t));
  const spans: string[][] = [];
  /** Words of copied documents: always set aside (they never name the procedure). */
  const copies: string[] = [];
  const rest = new Set<string>();
  // Folded "can" is "cần" (need: a boundary) but also "căn" of "căn cước".
  const isCanCuoc = (k: number) => folded[k] === 'can' && folded[k + 1] === 'cuoc';
  /** The words after `from` up to a boundary (at most 5), as a state span; returns where it ends. */
  const take = (from: number, closers?: string[]): number => {
    const span: string[] = [];
    let k = from;
    for (; k < Math.min(tokens.length, from + 5); k++) {
      if (!folded[k] || (stateEnd.has(folded[k]) && !isCanCuoc(k))) break;
      span.push(folded[k]);
      if (/[,.;!?]$/.test(tokens[k])) { k++; break; }
    }
    if (closers && !closers.includes(folded[k])) return -1;
    spans.push(span);
    return k - 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = bare[i];
    // "chưa X" (not yet), "có X rồi" (has X already). Not a bare "đã có X": "đã có sổ đỏ giờ sang
    // tên" names the thing the procedure is about.
    if (word === 'chưa' || (plain && word === 'chua')) { i = Math.max(i, take(i + 1)); continue; }
    if (word === 'có' || (plain && word === 'co')) {
      const end = take(i + 1, ['roi']);
      if (end >= 0) { i = end + 1; continue; }
    }
    // "ở ủy ban nhân dân (cấp) xã": where the citizen goes, not which procedure (lexicon stop
    // phrases drop it from the index query too). Kept out of coverage so that names that mention
    // the commune people's committee ("... cộng tác viên dịch thuật của Ủy ban nhân dân cấp xã")
    // do not look closer.
    if (folded.slice(i, i + 4).join(' ') === 'uy ban nhan dan' || (folded[i] === 'uy' && folded[i + 1] === 'ban' && /^(?:xa|phuong)$/.test(folded[i + 2] ?? ''))) {
      let k = folded[i + 2] === 'nhan' ? i + 4 : i + 2;
      if (folded[k] === 'cap') k++;
      if (/^(?:xa|phuong|huyen|tinh)$/.test(folded[k] ?? '')) {
        copies.push(...folded.slice(i, k + 1));
        i = k;
        continue;
      }
    }
    // "photo / sao y X": X is only the document copied ("photo căn cước và bằng đại học"), not
    // the procedure ("Cấp thẻ căn cước").
    // "chứng thực / công chứng bản sao X" too, but not a bare "bản sao X": "bản sao giấy khai
    // sinh" is itself a procedure (Cấp bản sao trích lục).
    const certifiedCopy = folded[i] === 'sao' && folded[i - 1] === 'ban' && (folded[i - 2] === 'thuc' || folded[i - 2] === 'chung');
    const copy = word === 'photo' || (folded[i] === 'sao' && folded[i + 1] === 'y') || certifiedCopy;
    if (copy) {
      const from = folded[i + 1] === 'y' ? i + 2 : i + 1;
      const span: string[] = [];
      let k = from;
      for (; k < Math.min(tokens.length, from + 6) && folded[k] && ((!copyEnd.has(folded[k]) && !stateEnd.has(folded[k])) || isCanCuoc(k)); k++) {
        // "photo công chứng X": the request comes first, the document after it.
        if (`${folded[k]} ${folded[k + 1]}` === 'cong chung' || `${folded[k]} ${folded[k + 1]}` === 'chung thuc') { k += 1; continue; }
        span.push(folded[k]);
      }
      copies.push(...span);
      rest.add(folded[i]);
      i = k - 1;
      continue;
    }
    // "đã có X nhưng / mà ...": what the citizen has, set against what they ask for.
    if ((word === 'đã' || (plain && word === 'da')) && folded[i + 1] === 'co') {
      const end = take(i + 2, ['nhung', 'ma']);
      if (end >= 0) { i = end; continue; }
    }
    rest.add(folded[i]);
  }
  const own = new Set(topic);
  // A state that shares a topic word with the rest ("chưa có sổ đỏ, muốn làm sổ lần đầu") is
  // about the very thing asked for: it stays.
  const state = new Set(spans.filter((sp) => !sp.some((w) => own.has(w) && rest.has(w) && !genericWords.has(w))).flat());
  const copied = new Set(copies);
  if (state.size === 0 && copied.size === 0) return topic;
  const kept = topic.filter((w) => !copied.has(w) && (rest.has(w) || !state.has(w)));
  // "con em 16 tuổi chưa làm căn cước thì đi làm ở đâu": what is left tells only who and when, so
  // the state is the request itself.
  if (state.size > 0 && kept.every((w) => storyWords.has(w) || genericWords.has(w) || /\d/.test(w))) return topic.filter((w) => !copied.has(w));
  return kept.length >= 2 ? kept : topic;
}

/** The question without the words withoutState set aside (same reading), for the index. */
function stateless(normalized: string, fullTopic: string[], topic: string[]): string {
  if (topic.length === fullTopic.length) return normalized;
  const dropped = new Set(fullTopic.filter((w) => !topic.includes(w)));
  return normalized.split(/\s+/).filter((t) => !dropped.has(foldDiacritics(t.replace(/[^\p{L}\p{N}]/gu, '')))).join(' ');
}

/**
 * "xin lý lịch tư pháp để đi xuất khẩu lao động": what follows "để" is why the citizen needs
 * the procedure, not which one it is, so its words do not count in the ranking's coverage. Only
 * when the words before "để" already name something ("cần gì để làm hộ chiếu", "điều kiện để
 * đăng ký thường trú" name it after) and only on accented text (folded "de" is also "đề", "đẻ").
 * Exported for its table test.
 */
export function withoutPurpose(normalized: string, topic: string[]): string[] {
  // "để lại" (bequeath), "để trống" (leave blank), "để dành" (save): verbs, not a purpose.
  const at = normalized.toLowerCase().search(/ để (?!(?:lại|trống|dành|ý|nguyên|không)(?:\s|$))/u);
  if (at < 0) return topic;
  // "cần chuẩn bị giấy tờ gì để làm giấy chứng tử": a question word right before "để" means the
  // procedure is named after it.
  if (/(?:^|\s)(?:gì|gi|j|nào|nao)\s*$/u.test(normalized.slice(0, at).toLowerCase())) return topic;
  const head = foldDiacritics(normalized.slice(0, at)).toLowerCase();
  const headTopic = topicWords(head, readIntent(head));
  if (headTopic.length < 2) return topic;
  const own = new Set(headTopic);
  // The purpose ends where the sentence goes on ("để vay ngân hàng thì đăng ký thế chấp ...").
  const after = foldDiacritics(normalized.slice(at + 4)).toLowerCase();
  const end = after.search(/(?:^|[\s,;.])(?:thi|nen|ma)\s|[,;.]/);
  const tail = new Set((end >= 0 ? after.slice(0, end) : after).split(/[^a-z0-9]+/).filter(Boolean));
  return topic.filter((w) => own.has(w) || !tail.has(w));
}
