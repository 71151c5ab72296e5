import { z } from 'zod';

/**
 * The channel model (DESIGN.md: channel -> Turn -> assistant -> Reply -> channel).
 * Adapters in bots/ build a Turn from an update and render the Replies they get back.
 */
export const intents = [
  'papers', 'fees', 'deadline', 'where', 'online', 'steps', 'overview',
  'dossier_status', 'feedback', 'feedback_status', 'smalltalk', 'out_of_scope',
] as const;
export type Intent = (typeof intents)[number];

export type ChannelName = 'cli' | 'api' | 'web' | 'telegram' | 'zalo' | 'zalo_bot' | 'botframework' | (string & {});

export interface Turn {
  channel: ChannelName;
  /** Stable id of the person on that channel (chat id, Zalo user id, session string). */
  userId: string;
  /** Session key: lines with the same session form one conversation. Null: the turn stands alone. */
  session: string | null;
  conversationId?: string;
  messageId?: string;
  text: string;
  audio?: { url?: string; mime?: string };
  image?: { url?: string };
  location?: { lat: number; lon: number };
  /** Clock for deadlines and dates; tests pass a fixed one. */
  now?: Date;
}

export interface Choice {
  /** What the button shows. */
  label: string;
  /** What is sent back as the user's text when the button is pressed. */
  value: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  link?: { title: string; url: string };
  /** Spoken form (plain text or SSML); filled by the voice renderer when absent. */
  speak?: string;
}

/** What the assistant returns for one turn; the `ask --jsonl` line is built from it. */
export interface AssistantResult {
  intent: Intent;
  code: string | null;
  codes: string[];
  clarify: boolean;
  replies: Reply[];
}

export const askInputSchema = z.object({
  text: z.string().max(4000, 'Tin nhắn quá dài (tối đa 4.000 ký tự).'),
  session: z.string().min(1).max(200).optional(),
  channel: z.string().min(1).max(40).optional(),
}).strict();
export type AskInput = z.infer<typeof askInputSchema>;

export interface AskOutput {
  session: string | null;
  intent: Intent;
  code: string | null;
  codes: string[];
  clarify: boolean;
  text: string;
  speak: string | null;
  ms: number;
  /** Beyond CONTRACTS.md §1 (additive): the offered choices as buttons, when the reply has any. */
  choices?: Choice[];
  /** Beyond CONTRACTS.md §1 (additive): the official record the answer cites. */
  link?: { title: string; url: string };
}

/** The conversation core as channels see it: one turn in, one result out. */
export interface Assistant {
  handle(turn: Turn): Promise<AssistantResult>;
}

/**
 * Channels whose adapters push notifications to a chat id (they register an outbox sender).
 * Only turns from these carry a channel user id into feedback and dossier subscriptions.
 */
export const pushChannels: ReadonlySet<string> = new Set(['telegram', 'zalo', 'zalo_bot', 'botframework']);
