import type { Procedure } from '../knowledge/procedure.js';
import type { Lexicon } from '../search/lexicon.js';
import { foldDiacritics, normalizeText } from '../search/normalize.js';
import type { ProcedureIndex } from '../search/procedure-index.js';
import { VariantRule } from '../search/variant.js';
import { askedPart } from './clause.js';
import { createFieldDomains } from './domain.js';
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
const armedAgency = /bộ công an|công an (?:cấp )?tỉnh|bộ quốc phòng|cục chính sách|cục tổ chức cán bộ/iu;

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
  const nameWords = deps.procedures.map((p) => readName(p.name).split(/[^a-z0-9]+/).filter(Boolean));
  const vocabulary = new Set(nameWords.flat());
  // A token with a digit ("a1", "b2", "2024") is a class, grade or date, not a missing topic.
  const knownWord = (w: string) => vocabulary.has(w) || /\d/.test(w);
  // Word pairs of the names, for the clause readers: "chưa vận hành" in a name is no story.
  const namePairs = new Set(nameWords.flatMap((ws) => ws.slice(1).map((w, i) => `${ws[i]} ${w}`)));

  // Benefits the police or the army run for their own people ("Cấp lại thẻ bảo hiểm y tế (thực
  // hiện tại cấp tỉnh)" by Bộ Công an, field "Chính sách") say so only in the record's agency and
  // field, not in the name: they count as the armed-forces variant.
  const armed = deps.lexicon.variants.findIndex((g) => g.id === 'armed');
  const armedPolicy = new Set(deps.procedures.filter((p) => armedPolicyFields.has(p.field ?? '')
    && p.agencies.some((a) => armedAgency.test(a))).map((p) => p.code));

  const fieldDomains = createFieldDomains(deps.procedures, deps.lexicon.abbreviations.values(), readName);

  async function rank(normalized: string, folded: string, fullTopic: string[], limit = 12): Promise<Ranking> {
    const { topic, query } = askedPart(normalized, fullTopic, (pair) => namePairs.has(pair));
    const hits = await deps.index.search(query, { limit: Math.max(limit, rerankDepth) });
    const asked = variants.groupsOfQuestion(normalized);
    const ranking = rankCandidates(hits, byCode, folded, {
      fieldDomain: fieldDomains(folded),
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
