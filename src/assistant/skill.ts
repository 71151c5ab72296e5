import type { AssistantResult, Intent, Turn } from './turn.js';
import type { SessionState } from './session.js';

/**
 * A skill is a small, self-contained piece of the dialogue (feedback intake, dossier lookup),
 * composed into the assistant like grammY middleware. The core asks each skill, in order,
 * whether it claims a turn before it tries procedure questions.
 */
export interface SkillContext {
  turn: Turn;
  /** Mutable: a skill sets `session.flow` to keep the conversation, and clears it to end. */
  session: SessionState;
  /** The normalized text (NFC, lower case, abbreviations expanded) and its diacritic-folded form. */
  normalized: string;
  folded: string;
  now: Date;
}

export interface Skill {
  name: string;
  /** The intent this skill answers for this turn, or null when the turn is not for it. */
  claims(ctx: SkillContext): Intent | null;
  /** Answer a claimed turn, or continue this skill's active flow (`session.flow.skill === name`). */
  handle(ctx: SkillContext, intent: Intent | null): Promise<AssistantResult>;
}
