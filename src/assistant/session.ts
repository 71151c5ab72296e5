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
  /**
   * The choices were offered beside a tentative answer, not instead of one: a follow-up aspect
   * ("còn lệ phí?") is about the procedure answered, not a reason to ask again.
   */
  pendingBeside?: boolean;
  /** A multi-step dialogue owned by a skill (feedback intake, dossier verification...). */
  flow?: { skill: string; step: string; data: Record<string, unknown> } | null;
  /**
   * The dossier whose status was last shown in this session (after the contact was verified):
   * "báo cho tôi khi có kết quả" subscribes to it, and a feedback about a late dossier can link it.
   */
  dossierCode?: string | null;
  /** Its status when shown (1..10), so a subscription notifies only real changes. */
  dossierStatus?: number | null;
  /** Remaining text of a long answer, sent on "xem thêm". */
  more?: string | null;
  updatedAt?: string;
}

export interface SessionStore {
  get(key: string): Promise<SessionState | null>;
  set(key: string, state: SessionState, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}
