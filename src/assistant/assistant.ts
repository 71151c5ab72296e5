import type { Procedure } from '../knowledge/procedure.js';
import type { Lexicon } from '../search/lexicon.js';
import { foldDiacritics, normalizeText } from '../search/normalize.js';
import type { ProcedureIndex } from '../search/procedure-index.js';
import { composeAnswer, channelLimits, continueAnswer, defaultLimit, fitAnswer } from './answer.js';
import { pickChoice, rankingSettings, type Candidate, type Ranking } from './ranking.js';
import { createRetrieval } from './retrieval.js';
import { siblingIndex } from './sibling.js';
import { complaintAspect, settlesComplaintOn } from './complaint.js';
import { readIntent, topicWords } from './intent.js';
import type { SessionState, SessionStore } from './session.js';
import type { Skill, SkillContext } from './skill.js';
import { fallbackReply, helpReply, notFoundReply, outOfScopeReply, smalltalkReply } from './smalltalk.js';
import type { Assistant, AssistantResult, Intent, Reply, Turn } from './turn.js';

export interface AssistantDeps {
  procedures: Procedure[];
  index: ProcedureIndex;
  lexicon: Lexicon;
  sessions: SessionStore;
  skills?: Skill[];
  sessionTtlSeconds?: number;
  now?: () => Date;
}

/** Intents answered from a procedure record. */
const procedureIntents = new Set<Intent>(['papers', 'fees', 'deadline', 'where', 'online', 'steps', 'overview']);

const codePattern = /(?<![\d.])(\d{1,2}\.\d{6})(?![\d])/g;
const morePattern = /^(?:xem them|doc tiep|tiep|tiep tuc|tiep theo|more|con nua khong)\b/;

/**
 * The conversation core. Order of precedence for one turn:
 *   1. an active skill flow (feedback intake, dossier verification) gets its expected answer;
 *   2. a procedure code in the text;
 *   3. "xem thêm" continues a cut answer; a pick among offered choices (number or words);
 *   4. skills that claim the turn (dossier, feedback);
 *   5. small talk and out-of-scope;
 *   6. a procedure question: follow-up on the procedure discussed, or retrieval and, when the
 *      best candidates stay close, one clarifying question.
 */
export function createAssistant(deps: AssistantDeps): Assistant {
  const byCode = new Map(deps.procedures.map((p) => [p.code, p]));
  const skills = deps.skills ?? [];
  const ttl = deps.sessionTtlSeconds ?? 1800;
  const clock = deps.now ?? (() => new Date());
  const retrieval = createRetrieval(deps);
  const siblingsOf = siblingIndex(deps.procedures);

  async function handle(turn: Turn): Promise<AssistantResult> {
    const now = turn.now ?? clock();
    const normalized = normalizeText(turn.text, deps.lexicon);
    const folded = foldDiacritics(normalized);
    const stored = turn.session ? await deps.sessions.get(turn.session) : null;
    const session: SessionState = stored ?? {};
    const ctx: SkillContext = { turn, session, normalized, folded, now };
    const result = await route(ctx);
    if (turn.session) {
      session.updatedAt = now.toISOString();
      await deps.sessions.set(turn.session, session, ttl);
    }
    return result;
  }

  async function route(ctx: SkillContext): Promise<AssistantResult> {
    const { session, normalized, turn } = ctx;
    // Codes keep their case in `ctx.folded` (skills compare them); cues are read in lower case.
    const folded = ctx.folded.toLowerCase();
    const limit = channelLimits[turn.channel] ?? defaultLimit;

    // 1. An active flow owns the turn.
    if (session.flow) {
      const owner = skills.find((s) => s.name === session.flow?.skill);
      if (owner) return owner.handle(ctx, null);
      session.flow = null; // its skill is gone (config change): drop the flow
    }

    const reading = readIntent(folded);
    if (!/[a-z0-9]/.test(folded)) return plain('smalltalk', helpReply());

    // 2. A procedure code wins.
    for (const m of folded.matchAll(codePattern)) {
      const p = byCode.get(m[1]);
      if (p) return answer(session, p, procedureIntent(reading.intent), [p.code], limit, folded);
    }

    // 3a. "xem thêm"
    if (!session.more && morePattern.test(folded.trim())) {
      const code = session.procedureCode ?? null;
      const text = code
        ? 'Tôi đã gửi hết nội dung của câu trả lời trước. Bạn muốn hỏi thêm gì về thủ tục này (giấy tờ, lệ phí, thời hạn, nơi nộp, nộp trực tuyến, các bước)?'
        : 'Hiện chưa có nội dung nào để xem thêm. Bạn muốn hỏi về thủ tục nào?';
      return { intent: procedureIntent((session.pendingIntent as Intent | null) ?? null), code, codes: code ? [code] : [], clarify: false, replies: [{ text }] };
    }
    if (session.more && morePattern.test(folded.trim())) {
      const fitted = continueAnswer(session.more, limit);
      session.more = fitted.more;
      const code = session.procedureCode ?? null;
      return { intent: procedureIntent((session.pendingIntent as Intent | null) ?? null), code, codes: code ? [code] : [], clarify: false, replies: [{ text: fitted.text }] };
    }

    // 3b. A pick among offered choices.
    if (session.pendingChoices?.length) {
      const choices = session.pendingChoices;
      const picked = pickChoice(folded, choices.map((c) => c.name));
      if (picked !== null) {
        const p = byCode.get(choices[picked].code);
        const intent = reading.intent && procedureIntents.has(reading.intent)
          ? reading.intent
          : procedureIntent((session.pendingIntent as Intent | null) ?? null);
        session.pendingChoices = undefined;
        if (p) return answer(session, p, intent, choices.map((c) => c.code), limit, folded);
      }
      // Only an aspect ("còn lệ phí?") and no pick: ask the same question again for that aspect
      // (after a tentative answer, the aspect is about the procedure answered: see below).
      if (reading.intent && procedureIntents.has(reading.intent) && topicWords(folded, reading).length === 0 && !session.pendingBeside) {
        const again = choices.map((c) => ({ code: c.code, label: c.name, score: 0, coverage: 0 }));
        return clarify(session, again, reading.intent, choices.map((c) => c.code));
      }
      session.pendingChoices = undefined; // anything else is a new question
      session.pendingBeside = false;
    }

    // 4. Skills, unless the question is about a published procedure that settles complaints on
    // its subject ("muốn khiếu nại quyết định xử phạt của công an thì nộp ở đâu"): that is a
    // procedure question, not a complaint to take in (complaint.ts).
    const topic = topicWords(folded, reading);
    const aspect = complaintAspect(folded, reading, procedureIntents);
    // Ranked once here for a complaint question, and reused by step 6.
    const complaintRanking = aspect !== null && topic.length > 0 ? await retrieval.rank(normalized, folded, topic) : null;
    const complaintBest = complaintRanking?.candidates[0];
    const aboutComplaintProcedure = !!complaintBest && (complaintRanking!.kind === 'clear' || complaintRanking!.kind === 'close')
      && settlesComplaintOn(complaintBest.label, folded);
    for (const skill of aboutComplaintProcedure ? [] : skills) {
      const intent = skill.claims(ctx);
      if (intent) return skill.handle(ctx, intent);
    }

    // 5. Small talk, out of scope, and dossier/feedback without a skill.
    const intent = aboutComplaintProcedure ? aspect : reading.intent;
    if (intent === 'smalltalk') return plain('smalltalk', smalltalkReply(folded));
    if (intent === 'out_of_scope') return plain('out_of_scope', outOfScopeReply());
    if (intent === 'dossier_status' || intent === 'feedback' || intent === 'feedback_status') {
      return plain(intent, fallbackReply(intent));
    }

    // 6. A procedure question.
    const current = session.procedureCode ? byCode.get(session.procedureCode) : undefined;
    if (current && topic.length === 0) {
      return answer(session, current, procedureIntent(intent), [current.code], limit, folded);
    }
    // The index drops question filler itself (lexicon stop phrases); it gets the whole question.
    const query = normalized;
    const ranked: Ranking = topic.length === 0 ? { kind: 'none', candidates: [] } : complaintRanking ?? await retrieval.rank(query, folded, topic);
    if (ranked.kind === 'none' || (ranked.kind === 'weak' && !intent && !current)) {
      if (current && intent) return answer(session, current, procedureIntent(intent), [current.code], limit, folded);
      return plain(intent ? procedureIntent(intent) : 'out_of_scope', intent ? notFoundReply() : outOfScopeReply());
    }
    const codes = ranked.candidates.slice(0, 5).map((c) => c.code);
    // A weak match on a short follow-up ("thế còn người nước ngoài?") keeps the current procedure.
    if (current && ranked.kind === 'weak' && topic.length <= 2 && intent) {
      return answer(session, current, procedureIntent(intent), [current.code, ...codes.filter((c) => c !== current.code)].slice(0, 5), limit, folded);
    }
    if (ranked.kind === 'close') return clarify(session, ranked.candidates.slice(0, 4), procedureIntent(intent), codes);
    // A long, story-like question whose best name covers little of it: answer the best record and
    // offer the next ones beside it, rather than holding the answer back.
    if (ranked.kind === 'weak' && ranked.weakReason === 'coverage' && intent && ranked.candidates[0].coverage > 0
      && (ranked.unknownShare ?? 1) < rankingSettings.tentativeUnknownShare) {
      return tentative(session, ranked.candidates.slice(0, 3), procedureIntent(intent), codes, limit, folded);
    }
    // Nothing covers the question well: offer the nearest names instead of answering a wrong record.
    if (ranked.kind === 'weak') return clarify(session, ranked.candidates.slice(0, 3), procedureIntent(intent), codes, true);
    const best = byCode.get(ranked.candidates[0].code)!;
    return answer(session, best, procedureIntent(intent), codes, limit, folded);
  }

  function answer(session: SessionState, p: Procedure, intent: Intent, codes: string[], limit: number, folded: string): AssistantResult {
    const fitted = fitAnswer(composeAnswer(p, intent, { askedVneid: /\bvneid\b/.test(folded), siblings: siblingsOf(p) }), limit);
    session.procedureCode = p.code;
    session.pendingChoices = undefined;
    session.pendingBeside = false;
    session.pendingIntent = intent;
    session.more = fitted.more;
    const reply: Reply = { text: fitted.text, link: { title: p.name, url: p.source.url } };
    return { intent, code: p.code, codes: codes.length ? codes.slice(0, 5) : [p.code], clarify: false, replies: [reply] };
  }

  /** The best record answered, the next ones offered as numbered choices under the answer. */
  function tentative(session: SessionState, candidates: Candidate[], intent: Intent, codes: string[], limit: number, folded: string): AssistantResult {
    const best = byCode.get(candidates[0].code)!;
    // Only names near the best one are worth offering; a far weaker one is noise under an answer.
    const others = candidates.slice(1).filter((c) => byCode.has(c.code) && c.score >= candidates[0].score * 0.6);
    const note = others.length === 0 ? '' : [
      'Nếu đây chưa phải thủ tục bạn cần, có thể bạn muốn hỏi (trả lời bằng số thứ tự):',
      ...others.map((c, i) => `${i + 1}. ${c.label} (mã ${c.code})`),
    ].join('\n');
    const result = answer(session, best, intent, codes, Math.max(200, limit - note.length - 2), folded);
    if (!note) return result;
    const reply = result.replies[0];
    reply.text = `${reply.text}\n\n${note}`;
    reply.choices = others.map((c, i) => ({ label: `${i + 1}. ${c.label}`, value: String(i + 1) }));
    session.pendingChoices = others.map((c) => ({ code: c.code, name: c.label }));
    session.pendingBeside = true;
    return result;
  }

  function clarify(session: SessionState, candidates: Candidate[], intent: Intent, codes: string[], uncertain = false): AssistantResult {
    session.pendingBeside = false;
    session.pendingChoices = candidates.map((c) => ({ code: c.code, name: c.label }));
    session.pendingIntent = intent;
    session.more = null;
    const lines = candidates.map((c, i) => `${i + 1}. ${c.label} (mã ${c.code})`);
    const question = uncertain
      ? 'Tôi chưa tìm thấy thủ tục khớp hẳn với câu hỏi. Có phải bạn muốn hỏi một trong các thủ tục dưới đây? Xin bạn trả lời bằng số thứ tự, hoặc nói rõ hơn tên thủ tục:'
      : 'Bạn muốn hỏi về thủ tục nào dưới đây? Xin bạn trả lời bằng số thứ tự hoặc tên thủ tục:';
    const text = [question, ...lines].join('\n');
    const reply: Reply = { text, choices: candidates.map((c, i) => ({ label: `${i + 1}. ${c.label}`, value: String(i + 1) })) };
    return { intent, code: null, codes, clarify: true, replies: [reply] };
  }

  return { handle };
}

function procedureIntent(intent: Intent | null): Intent {
  return intent && procedureIntents.has(intent) ? intent : 'overview';
}

function plain(intent: Intent, text: string): AssistantResult {
  return { intent, code: null, codes: [], clarify: false, replies: [{ text }] };
}
