import type { NewNotification } from '../notify/notification.js';
import type { Logger } from '../log.js';
import { formatVnDate } from '../feedback/working-days.js';
import type { Dossier } from './dossier.js';
import { isClosed, statusExplanations, statusNames } from './dossier-status.js';
import type { DossierProvider } from './provider.js';
import type { DossierSubscription, DossierSubscriptionStore } from './subscription.js';
import type { HolidaySet } from '../feedback/holidays.js';
import { timeliness } from './overdue.js';
import { feedbackChoice, lateRuleText } from './dossier-answer.js';

/**
 * The poller behind "báo cho tôi khi có kết quả": every `intervalMs` it asks the provider about
 * each subscribed dossier and, when the status changed, enqueues a notification in the outbox
 * (the same one feedback uses), which delivers it on the citizen's channel with retries.
 * A provider that is down only delays the check to the next pass. Subscriptions end when the
 * dossier is closed (result returned, refused, withdrawn, stopped) or after `maxAgeDays`.
 */
export interface DossierWatchOptions {
  provider: DossierProvider;
  store: DossierSubscriptionStore;
  outbox: { enqueue(n: NewNotification): Promise<unknown> };
  log?: Logger;
  intervalMs?: number;
  maxAgeDays?: number;
  holidays?: HolidaySet;
  now?: () => Date;
}

export interface WatchPass {
  checked: number;
  notified: number;
  failed: number;
  ended: number;
}

export interface DossierWatch {
  subscribe(s: Omit<DossierSubscription, 'createdAt'>): Promise<void>;
  unsubscribe(s: Pick<DossierSubscription, 'code' | 'channel' | 'userId'>): Promise<void>;
  /** One pass over all subscriptions; the timer calls it, tests call it directly. */
  checkOnce(): Promise<WatchPass>;
  start(): void;
  stop(): Promise<void>;
}

export function statusChangeText(d: Dossier): string {
  const lines = [`Hồ sơ ${d.code} (${d.procedureName}) vừa chuyển sang trạng thái: ${statusNames[d.status]}.`, statusExplanations[d.status]];
  if (d.status === 9) lines.push(`Bạn có thể đến nhận kết quả tại ${d.agency ?? 'Bộ phận Một cửa nơi đã nộp hồ sơ'}, nhớ mang theo giấy tiếp nhận hồ sơ và thẻ căn cước.`);
  if (d.status === 5) lines.push(`Xin bạn mang giấy tờ bổ sung đến ${d.agency ?? 'Bộ phận Một cửa nơi đã nộp hồ sơ'}.`);
  if (d.dueAt && (d.status === 2 || d.status === 4)) lines.push(`Ngày hẹn trả kết quả: ${formatVnDate(d.dueAt)}.`);
  return lines.join('\n');
}

/** Sent once when a watched dossier passes its appointment date without a result. */
export function lateText(d: Dossier, workingDaysLate: number): string {
  const late = workingDaysLate > 0 ? `đã quá hạn ${workingDaysLate} ngày làm việc` : 'đã quá ngày hẹn trả kết quả';
  return [`Hồ sơ ${d.code} (${d.procedureName}) ${late}${d.dueAt ? ` (ngày hẹn ${formatVnDate(d.dueAt)})` : ''} mà chưa có kết quả.`,
    lateRuleText, 'Nếu bạn chưa nhận được văn bản này, bạn có thể gửi phản ánh gắn với hồ sơ.'].join('\n');
}

export function createDossierWatch(opts: DossierWatchOptions): DossierWatch {
  const { provider, store, outbox, log } = opts;
  const now = opts.now ?? (() => new Date());
  const intervalMs = opts.intervalMs ?? 300_000;
  const maxAgeMs = (opts.maxAgeDays ?? 90) * 86_400_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function checkOne(s: DossierSubscription, pass: WatchPass): Promise<void> {
    if (now().getTime() - Date.parse(s.createdAt) > maxAgeMs) {
      await store.remove(s);
      pass.ended++;
      return;
    }
    let d: Dossier | null;
    try {
      d = await provider.find(s.code, { fresh: true });
    } catch (err) {
      pass.failed++;
      log?.warn({ dossier: s.code, err: (err as Error).message }, 'dossier watch: provider unavailable, will check again');
      return;
    }
    pass.checked++;
    if (!d) return;
    const t = timeliness(d, now(), opts.holidays);
    if (d.status === s.lastStatus && t.overdue && !s.lateNotified) {
      await outbox.enqueue({
        channel: s.channel, userId: s.userId, kind: 'dossier_late', ref: s.code,
        text: lateText(d, t.workingDaysLate), choices: [feedbackChoice(d.code)],
      });
      await store.put({ ...s, lateNotified: true });
      pass.notified++;
      log?.info({ dossier: s.code, channel: s.channel, late: t.workingDaysLate }, 'dossier late notified');
      return;
    }
    if (d.status !== s.lastStatus) {
      await outbox.enqueue({ channel: s.channel, userId: s.userId, kind: 'dossier_status', ref: s.code, text: statusChangeText(d) });
      pass.notified++;
      log?.info({ dossier: s.code, channel: s.channel, from: s.lastStatus, to: d.status }, 'dossier status change notified');
      if (isClosed(d.status)) {
        await store.remove(s);
        pass.ended++;
      } else {
        await store.put({ ...s, lastStatus: d.status });
      }
    }
  }

  async function checkOnce(): Promise<WatchPass> {
    const pass: WatchPass = { checked: 0, notified: 0, failed: 0, ended: 0 };
    for (const s of await store.list()) {
      await checkOne(s, pass).catch((err: Error) => {
        pass.failed++;
        log?.warn({ dossier: s.code, err: err.message }, 'dossier watch: could not record a change');
      });
    }
    return pass;
  }

  function schedule(): void {
    timer = setTimeout(() => {
      running = checkOnce()
        .catch((err: Error) => log?.warn({ err: err.message }, 'dossier watch pass failed'))
        .finally(() => {
          running = null;
          if (timer) schedule();
        });
    }, intervalMs);
    timer.unref();
  }

  return {
    async subscribe(s) {
      await store.put({ ...s, createdAt: now().toISOString() });
    },
    unsubscribe: (s) => store.remove(s),
    checkOnce,
    start() {
      if (!timer) schedule();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
