import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UnavailableError } from '../errors.js';
import { feedbackRecordSchema, formatCode, PENDING_CODE, type FeedbackRecord } from '../feedback/record.js';
import { isOpen } from '../feedback/lifecycle.js';
import type { StaffAccount, StaffSession } from '../feedback/staff.js';
import { listFilter, listPage, type FeedbackStore, type ListQuery, type NewFeedback } from '../feedback/store.js';
import { EmbeddedLog } from './embedded-log.js';
import { StaffFile } from './feedback-staff-file.js';

/**
 * The embedded feedback store (no servers): `DATA_DIR/feedback.jsonl` is the append-only truth,
 * replayed into memory at start-up. One process owns a DATA_DIR. Staff accounts live in
 * `DATA_DIR/staff.json` (rewritten atomically, read at each login, so `cli staff add` works while
 * the server runs); staff sessions are kept in memory and end with the process.
 */
type Entry =
  | { t: 'c'; r: FeedbackRecord; k: string[]; i?: string }
  | { t: 'u'; r: FeedbackRecord };

const NO_PROCEDURE = '';

export class EmbeddedFeedbackStore implements FeedbackStore {
  readonly kind = 'embedded' as const;
  private records = new Map<string, FeedbackRecord>();
  private byKey = new Map<string, string>();
  private pendingByKey = new Map<string, Promise<{ record: FeedbackRecord; created: boolean }>>();
  private seq = new Map<number, number>();
  /** Open records per procedure: fingerprints, plus receipt order (closed codes are skipped lazily). */
  private open = new Map<string, { tokens: Map<string, string[]>; order: string[] }>();
  private locks = new Map<string, Promise<unknown>>();
  private sessions = new Map<string, StaffSession>();
  private links = new Map<string, string[]>();
  private staff: StaffFile;

  private constructor(private log: EmbeddedLog<Entry>, dir: string, private lockPath: string) {
    this.staff = new StaffFile(dir);
  }

  static async open(dataDir: string): Promise<EmbeddedFeedbackStore> {
    await mkdir(dataDir, { recursive: true });
    const lockPath = takeLock(join(dataDir, 'feedback.lock'));
    let opened: Awaited<ReturnType<typeof EmbeddedLog.open<Entry>>>;
    try {
      opened = await EmbeddedLog.open<Entry>(join(dataDir, 'feedback.jsonl'));
    } catch (err) {
      releaseLock(lockPath);
      throw err;
    }
    const { log, entries } = opened;
    const store = new EmbeddedFeedbackStore(log, dataDir, lockPath);
    for (const e of entries) {
      const record = feedbackRecordSchema.parse(e.r);
      if (e.t === 'c') store.commitCreate(record, e.k, e.i);
      else store.commitUpdate(record);
    }
    return store;
  }

  /** How many records were rebuilt (for start-up logs and tests). */
  get size(): number {
    return this.records.size;
  }

  private commitCreate(record: FeedbackRecord, tokens: string[], key?: string): void {
    this.records.set(record.code, record);
    if (key) this.byKey.set(key, record.code);
    for (const older of record.similar) {
      const list = this.links.get(older);
      if (list) list.push(record.code);
      else this.links.set(older, [record.code]);
    }
    const [, year, n] = record.code.split('-');
    this.seq.set(Number(year), Math.max(this.seq.get(Number(year)) ?? 0, Number(n)));
    if (isOpen(record.status)) {
      const set = this.openSet(record.procedureCode);
      set.tokens.set(record.code, tokens);
      set.order.push(record.code);
    }
  }

  private commitUpdate(record: FeedbackRecord): void {
    this.records.set(record.code, record);
    if (isOpen(record.status)) return;
    const set = this.openSet(record.procedureCode);
    set.tokens.delete(record.code);
    if (set.order.length > 2 * set.tokens.size + 1000) set.order = set.order.filter((c) => set.tokens.has(c));
  }

  private openSet(procedureCode: string | undefined): { tokens: Map<string, string[]>; order: string[] } {
    const key = procedureCode ?? NO_PROCEDURE;
    let set = this.open.get(key);
    if (!set) this.open.set(key, (set = { tokens: new Map(), order: [] }));
    return set;
  }

  async create(input: NewFeedback): Promise<{ record: FeedbackRecord; created: boolean }> {
    if (input.record.code !== PENDING_CODE) throw new Error('create() expects a record with the pending code');
    const key = input.idempotencyKey;
    if (key) {
      const code = this.byKey.get(key);
      if (code) return { record: this.records.get(code)!, created: false };
      const pending = this.pendingByKey.get(key);
      if (pending) return pending.then(({ record }) => ({ record, created: false }));
    }
    // Allocation is synchronous, so the sequence is atomic within the one process that owns the log.
    const n = (this.seq.get(input.year) ?? 0) + 1;
    this.seq.set(input.year, n);
    const record: FeedbackRecord = { ...input.record, code: formatCode(input.year, n), ...(key ? { idempotencyKey: key } : {}) };
    const done = this.log.append({ t: 'c', r: record, k: input.tokens, ...(key ? { i: key } : {}) })
      .then(() => {
        this.commitCreate(record, input.tokens, key);
        return { record, created: true };
      }, (err) => { throw new UnavailableError('embedded feedback log', err); })
      .finally(() => { if (key) this.pendingByKey.delete(key); });
    if (key) this.pendingByKey.set(key, done);
    return done;
  }

  async get(code: string): Promise<FeedbackRecord | null> {
    return this.records.get(code) ?? null;
  }

  async update(record: FeedbackRecord, expectedVersion: number): Promise<boolean> {
    // Serialize writers per record so the version check and the append cannot interleave.
    const previous = this.locks.get(record.code) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(async () => {
      const current = this.records.get(record.code);
      if (!current || current.version !== expectedVersion) return false;
      try {
        await this.log.append({ t: 'u', r: record });
      } catch (err) {
        throw new UnavailableError('embedded feedback log', err);
      }
      this.commitUpdate(record);
      return true;
    });
    this.locks.set(record.code, run);
    void run.finally(() => { if (this.locks.get(record.code) === run) this.locks.delete(record.code); }).catch(() => undefined);
    return run;
  }

  async list(query: ListQuery): Promise<{ items: FeedbackRecord[]; total: number }> {
    return listPage([...this.records.values()].filter(listFilter(query)), query);
  }

  async linkedFrom(code: string): Promise<string[]> {
    return [...(this.links.get(code) ?? [])].sort();
  }

  async openCandidates(procedureCode: string | undefined, limit: number): Promise<{ code: string; tokens: string[] }[]> {
    const set = this.open.get(procedureCode ?? NO_PROCEDURE);
    const found: { code: string; tokens: string[] }[] = [];
    if (!set) return found;
    for (let i = set.order.length - 1; i >= 0 && found.length < limit; i--) {
      const tokens = set.tokens.get(set.order[i]!);
      if (tokens) found.push({ code: set.order[i]!, tokens });
    }
    return found.reverse();
  }

  async putStaff(account: StaffAccount): Promise<void> {
    await this.staff.put(account);
  }

  async getStaff(username: string): Promise<StaffAccount | null> {
    return this.staff.get(username);
  }

  async putSession(digest: string, session: StaffSession): Promise<void> {
    this.sessions.set(digest, session);
  }

  async getSession(digest: string): Promise<StaffSession | null> {
    const s = this.sessions.get(digest);
    if (!s) return null;
    if (Date.parse(s.expiresAt) <= Date.now()) {
      this.sessions.delete(digest);
      return null;
    }
    return s;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    await this.log.close();
    releaseLock(this.lockPath);
  }
}

export class DataDirInUseError extends Error {
  constructor(readonly lockPath: string, readonly pid: number) {
    super(`${lockPath}: the embedded feedback store is in use by process ${pid}; one process per DATA_DIR (use REDIS_URL for several)`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * One process per DATA_DIR: two writers would hand out the same codes. The lock file holds the
 * owner's pid; a lock left by a process that no longer exists (kill -9, power cut) is taken over.
 */
function takeLock(path: string): string {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (pid === process.pid) return path; // reopened within this process (tests, restarts in place)
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirInUseError(path, pid);
      try { unlinkSync(path); } catch { /* raced with another taker; retry decides */ }
    }
  }
  throw new Error(`${path}: could not take the lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(path: string): void {
  try {
    if (Number(readFileSync(path, 'utf8').trim()) === process.pid) unlinkSync(path);
  } catch { /* already gone */ }
}
