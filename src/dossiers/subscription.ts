import { z } from 'zod';
import type { ChannelName } from '../assistant/turn.js';
import type { DossierStatus } from './dossier.js';

/**
 * "Báo cho tôi khi có kết quả": a citizen's wish to hear about status changes of a dossier on the
 * channel they asked from. Kept on disk (DATA_DIR) or in Redis (src/store/dossier-subscriptions-*.ts).
 */
export interface DossierSubscription {
  code: string;
  channel: ChannelName;
  userId: string;
  /** The status the citizen last saw; a change from it is notified. */
  lastStatus: DossierStatus;
  createdAt: string;
  /** Set once the citizen has been told the dossier is past its appointment date. */
  lateNotified?: boolean;
}

/** How a stored subscription is checked when read back (both stores). */
export const storedSubscriptionSchema = z.object({
  code: z.string().min(1),
  channel: z.string().min(1),
  userId: z.string().min(1),
  lastStatus: z.number().int().min(1).max(10),
  createdAt: z.string(),
  lateNotified: z.boolean().optional(),
});

export function subscriptionKey(s: Pick<DossierSubscription, 'code' | 'channel' | 'userId'>): string {
  return `${s.channel}\u0000${s.userId}\u0000${s.code}`;
}

export interface DossierSubscriptionStore {
  /** Add or replace the subscription of this user to this code. */
  put(s: DossierSubscription): Promise<void>;
  list(): Promise<DossierSubscription[]>;
  remove(s: Pick<DossierSubscription, 'code' | 'channel' | 'userId'>): Promise<void>;
  close?(): Promise<void>;
}
