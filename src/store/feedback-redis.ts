import type { Redis } from 'ioredis';
import { UnavailableError } from '../errors.js';
import { feedbackRecordSchema, PENDING_CODE, type FeedbackRecord } from '../feedback/record.js';
import { isOpen } from '../feedback/lifecycle.js';
import { staffAccountSchema, type StaffAccount, type StaffSession } from '../feedback/staff.js';
import { listFilter, listPage, type FeedbackStore, type ListQuery, type NewFeedback } from '../feedback/store.js';

/**
 * The Redis feedback store, shared by every instance behind a load balancer.
 *
 * Keys (prefix `fb:`):
 *   rec:<code>        the record (JSON)
 *   seq:<year>        the yearly sequence (INCR)
 *   idem:<key>        idempotency key -> code (7 days)
 *   all               ZSET code by receivedAt (periods, listing)
 *   status:<status>   ZSET code by receivedAt
 *   due               ZSET open code by dueAt (overdue)
 *   open:<procedure>  ZSET open code by receivedAt, with fp (HASH code -> tokens) for duplicates
 *   links:<code>      SET of later codes linked to this one as near duplicates
 *   events            STREAM of submissions and transitions (for auditors and other consumers)
 *   staff:<username>, session:<sha256>  accounts and expiring staff sessions
 *
 * Creation and transitions run as Lua scripts, so a record and its indexes never disagree and
 * an idempotency key can never yield two records, whatever instance or retry comes in.
 */
const P = 'fb:';
const IDEM_TTL = 7 * 24 * 3600;
const EVENTS_MAXLEN = 100_000;

const createScript = `
if KEYS[1] ~= '' then
  local existing = redis.call('GET', KEYS[1])
  if existing then return {0, redis.call('GET', '${P}rec:' .. existing)} end
end
local n = redis.call('INCR', KEYS[2])
local code = string.format('PA-%s-%06d', ARGV[2], n)
local json = (string.gsub(ARGV[1], '^{"code":"${PENDING_CODE.replace('-', '%-')}"', '{"code":"' .. code .. '"', 1))
redis.call('SET', '${P}rec:' .. code, json)
redis.call('ZADD', '${P}all', ARGV[3], code)
redis.call('ZADD', '${P}status:' .. ARGV[5], ARGV[3], code)
if ARGV[9] == '1' then
  redis.call('ZADD', '${P}due', ARGV[4], code)
  redis.call('ZADD', '${P}open:' .. ARGV[6], ARGV[3], code)
  redis.call('HSET', '${P}fp', code, ARGV[7])
end
if KEYS[1] ~= '' then redis.call('SET', KEYS[1], code, 'EX', ARGV[8]) end
for older in string.gmatch(ARGV[11], '%S+') do redis.call('SADD', '${P}links:' .. older, code) end
redis.call('XADD', '${P}events', 'MAXLEN', '~', '${EVENTS_MAXLEN}', '*', 'type', 'submitted', 'code', code, 'status', ARGV[5], 'at', ARGV[10])
return {1, code}
`;

const updateScript = `
local key = '${P}rec:' .. ARGV[1]
local old = redis.call('GET', key)
if not old then return 0 end
local o = cjson.decode(old)
if tonumber(o.version) ~= tonumber(ARGV[2]) then return 0 end
redis.call('SET', key, ARGV[3])
redis.call('ZREM', '${P}status:' .. o.status, ARGV[1])
redis.call('ZADD', '${P}status:' .. ARGV[4], ARGV[5], ARGV[1])
if ARGV[7] == '1' then
  redis.call('ZADD', '${P}due', ARGV[6], ARGV[1])
else
  redis.call('ZREM', '${P}due', ARGV[1])
  redis.call('ZREM', '${P}open:' .. ARGV[8], ARGV[1])
  redis.call('HDEL', '${P}fp', ARGV[1])
end
redis.call('XADD', '${P}events', 'MAXLEN', '~', '${EVENTS_MAXLEN}', '*', 'type', 'transition', 'code', ARGV[1], 'from', o.status, 'status', ARGV[4], 'at', ARGV[9])
return 1
`;

type Scripted = Redis & {
  fbCreate(idemKey: string, seqKey: string, ...args: (string | number)[]): Promise<[number, string]>;
  fbUpdate(...args: (string | number)[]): Promise<number>;
};

/** Runs a Redis call, turning connection failures into UnavailableError (-> 503). */
async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new UnavailableError(`redis (${what})`, err);
  }
}

const procKey = (code: string | undefined) => code ?? '_';

export class RedisFeedbackStore implements FeedbackStore {
  readonly kind = 'redis' as const;
  private redis: Scripted;
  private fingerprints = new Map<string, string[]>();

  /** The connection, for HTTP-side helpers that share state through Redis (the staff login rate limit). */
  get client(): Redis {
    return this.redis;
  }

  constructor(redis: Redis, private ownsClient = true) {
    redis.defineCommand('fbCreate', { numberOfKeys: 2, lua: createScript });
    redis.defineCommand('fbUpdate', { numberOfKeys: 0, lua: updateScript });
    this.redis = redis as Scripted;
  }

  async create(input: NewFeedback): Promise<{ record: FeedbackRecord; created: boolean }> {
    if (input.record.code !== PENDING_CODE) throw new Error('create() expects a record with the pending code');
    const { record } = input;
    const json = JSON.stringify(input.idempotencyKey ? { ...record, idempotencyKey: input.idempotencyKey } : record);
    // The script swaps the placeholder at the very start of the JSON for the allocated code.
    if (!json.startsWith(`{"code":"${PENDING_CODE}"`)) throw new Error('record JSON must start with its code');
    const [created, stored] = await guard('create', () => this.redis.fbCreate(
      input.idempotencyKey ? `${P}idem:${input.idempotencyKey}` : '', `${P}seq:${input.year}`,
      json, input.year, Date.parse(record.receivedAt), Date.parse(record.dueAt), record.status,
      procKey(record.procedureCode), input.tokens.join(' '), IDEM_TTL, isOpen(record.status) ? '1' : '0',
      record.receivedAt, record.similar.join(' '),
    ));
    // A new record comes back as its code only (the JSON is ours already); a replay as the stored JSON.
    if (created === 1 && isOpen(record.status)) this.remember(stored, input.tokens);
    if (created === 1) return { record: { ...record, code: stored, ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}) }, created: true };
    return { record: feedbackRecordSchema.parse(JSON.parse(stored)), created: false };
  }

  async get(code: string): Promise<FeedbackRecord | null> {
    const json = await guard('get', () => this.redis.get(`${P}rec:${code}`));
    return json ? feedbackRecordSchema.parse(JSON.parse(json)) : null;
  }

  async update(record: FeedbackRecord, expectedVersion: number): Promise<boolean> {
    const ok = await guard('update', () => this.redis.fbUpdate(
      record.code, expectedVersion, JSON.stringify(record), record.status, Date.parse(record.receivedAt),
      Date.parse(record.dueAt), isOpen(record.status) ? '1' : '0', procKey(record.procedureCode), record.updatedAt,
    ));
    return ok === 1;
  }

  async list(query: ListQuery): Promise<{ items: FeedbackRecord[]; total: number }> {
    return guard('list', async () => {
      let codes: string[];
      if (query.overdueAt) {
        codes = await this.redis.zrangebyscore(`${P}due`, '-inf', `(${query.overdueAt.getTime()}`);
      } else {
        const index = query.status ? `${P}status:${query.status}` : `${P}all`;
        const min = query.from ? String(query.from.getTime()) : '-inf';
        const max = query.to ? `(${query.to.getTime()}` : '+inf';
        codes = await this.redis.zrevrangebyscore(index, max, min);
      }
      const simple = !query.q && !query.overdueAt && !(query.status && (query.from || query.to));
      if (simple) {
        const page = codes.slice(query.offset, query.offset + query.limit);
        return { items: await this.fetch(page), total: codes.length };
      }
      // Filters beyond one index are applied on the records, fetched in chunks.
      const keep = listFilter(query);
      const matches: FeedbackRecord[] = [];
      for (let i = 0; i < codes.length; i += 500) {
        for (const r of await this.fetch(codes.slice(i, i + 500))) if (keep(r)) matches.push(r);
      }
      return listPage(matches, query);
    });
  }

  private async fetch(codes: string[]): Promise<FeedbackRecord[]> {
    if (codes.length === 0) return [];
    const rows = await this.redis.mget(codes.map((c) => `${P}rec:${c}`));
    return rows.filter((r): r is string => r !== null).map((r) => feedbackRecordSchema.parse(JSON.parse(r)));
  }

  async linkedFrom(code: string): Promise<string[]> {
    return (await guard('links', () => this.redis.smembers(`${P}links:${code}`))).sort();
  }

  async openCandidates(procedureCode: string | undefined, limit: number): Promise<{ code: string; tokens: string[] }[]> {
    return guard('candidates', async () => {
      const codes = await this.redis.zrevrange(`${P}open:${procKey(procedureCode)}`, 0, limit - 1);
      // A fingerprint never changes for a code, so it is cached here; Redis stays the judge of which codes are open.
      const missing = codes.filter((c) => !this.fingerprints.has(c));
      if (missing.length > 0) {
        const fps = await this.redis.hmget(`${P}fp`, ...missing);
        missing.forEach((code, i) => this.remember(code, fps[i] ? fps[i]!.split(' ') : []));
      }
      return codes.map((code) => ({ code, tokens: this.fingerprints.get(code) ?? [] }));
    });
  }

  private remember(code: string, tokens: string[]): void {
    if (this.fingerprints.size >= 20_000) this.fingerprints.delete(this.fingerprints.keys().next().value!);
    this.fingerprints.set(code, tokens);
  }

  async putStaff(account: StaffAccount): Promise<void> {
    await guard('staff', () => this.redis.set(`${P}staff:${account.username}`, JSON.stringify(staffAccountSchema.parse(account))));
  }

  async getStaff(username: string): Promise<StaffAccount | null> {
    const json = await guard('staff', () => this.redis.get(`${P}staff:${username}`));
    return json ? staffAccountSchema.parse(JSON.parse(json)) : null;
  }

  async putSession(digest: string, session: StaffSession, ttlSeconds: number): Promise<void> {
    await guard('session', () => this.redis.set(`${P}session:${digest}`, JSON.stringify(session), 'EX', Math.max(1, ttlSeconds)));
  }

  async getSession(digest: string): Promise<StaffSession | null> {
    const json = await guard('session', () => this.redis.get(`${P}session:${digest}`));
    return json ? (JSON.parse(json) as StaffSession) : null;
  }

  async ping(): Promise<boolean> {
    return (await this.redis.ping().catch(() => '')) === 'PONG';
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

