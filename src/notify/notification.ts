import type { ChannelName, Choice } from '../assistant/turn.js';

/**
 * A message to a citizen that is not the answer to their last turn: a feedback status change,
 * a dossier result. The domain enqueues it in the outbox; the channel adapter's sender delivers it.
 */
export interface Notification {
  id: string;
  channel: ChannelName;
  /** The person on that channel (chat id, Zalo user id...). */
  userId: string;
  text: string;
  choices?: Choice[];
  /** What it is about, e.g. 'feedback_status' or 'dossier_status'. */
  kind: string;
  /** The feedback or dossier code it concerns. */
  ref?: string;
  createdAt: string;
}

export type NewNotification = Omit<Notification, 'id' | 'createdAt'>;

/** Thrown by a sender when retrying cannot help (e.g. Zalo's messaging window closed). */
export class UndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeliverableError';
  }
}

/** Delivers one notification on its channel; throws to have the outbox retry later. */
export type Sender = (notification: Notification) => Promise<void>;
