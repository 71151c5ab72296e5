/**
 * Conversation state kept between turns of one session. Stored in memory on the
 * embedded default and in Redis when REDIS_URL is set (both behind SessionStore).
 */
export interface SessionState {
  /** The procedure being discussed; follow-ups ("còn lệ phí thì sao?") refer to it. */
  procedureCode?: string | null;
  /** Numbered choices offered by the last clarifying question. */
  pendingChoices?: { code: string; name: string }[];
  /** Intent of the question that led to the clarifying question, answered once the user picks. */
  pendingIntent?: string | null;
  /** A multi-step dialogue owned by a skill (feedback intake, dossier verification...). */
  flow?: { skill: string; step: string; data: Record<string, unknown> } | null;
  /** Remaining text of a long answer, sent on "xem thêm". */
  more?: string | null;
  updatedAt?: string;
}

export interface SessionStore {
  get(key: string): Promise<SessionState | null>;
  set(key: string, state: SessionState, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}
