import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fromPortalRecord, isPortalRecord, portalRecordSchema } from './portal-record.js';
import { procedureSchema, type Procedure } from './procedure.js';
import { fromStructuredRecord, isStructuredRecord, structuredRecordSchema } from './structured-record.js';

/**
 * Turns published procedure records into canonical records. Accepts the portal crawl (JSONL),
 * the structured export (JSONL) and canonical JSON (one record, an array, or a directory of
 * them); the format is detected per record, so files may be mixed. Nothing here throws on bad
 * input: every record that cannot be used becomes a rejection with its code and reason.
 */
export interface Rejection {
  /** `file:line` (or the file) the record came from. */
  source: string;
  code: string | null;
  reason: string;
}

export interface ImportResult {
  procedures: Procedure[];
  rejected: Rejection[];
}

export interface ImportOptions {
  /** Keep only these codes (others are skipped silently, not rejected). */
  only?: ReadonlySet<string>;
}

interface RawRecord { source: string; value: unknown; error?: string; codeHint?: string | null }

export async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const procedures: Procedure[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    for (const raw of await readRecords(path)) {
      if (raw.error !== undefined) {
        if (!options.only || (raw.codeHint && options.only.has(raw.codeHint))) {
          rejected.push({ source: raw.source, code: raw.codeHint ?? null, reason: raw.error });
        }
        continue;
      }
      const code = codeOf(raw.value);
      if (options.only && (code === null || !options.only.has(code))) continue;
      const result = convertRecord(raw.value);
      if ('reason' in result) {
        rejected.push({ source: raw.source, code, reason: result.reason });
        continue;
      }
      if (seen.has(result.procedure.code)) {
        rejected.push({ source: raw.source, code: result.procedure.code, reason: 'duplicate code: an earlier record was kept' });
        continue;
      }
      seen.add(result.procedure.code);
      procedures.push(result.procedure);
    }
  }
  procedures.sort((a, b) => a.code.localeCompare(b.code));
  return { procedures, rejected };
}

/** Convert one parsed JSON value of any accepted format into a validated canonical record. */
export function convertRecord(value: unknown): { procedure: Procedure } | { reason: string } {
  try {
    let candidate: unknown = value;
    if (isPortalRecord(value)) {
      const parsed = portalRecordSchema.safeParse(value);
      if (!parsed.success) return { reason: `portal record: ${describe(parsed.error.issues)}` };
      candidate = fromPortalRecord(parsed.data);
    } else if (isStructuredRecord(value)) {
      const parsed = structuredRecordSchema.safeParse(value);
      if (!parsed.success) return { reason: `structured record: ${describe(parsed.error.issues)}` };
      candidate = fromStructuredRecord(parsed.data);
    } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { reason: `not a procedure record (got ${Array.isArray(value) ? 'array' : typeof value})` };
    }
    const checked = procedureSchema.safeParse(candidate);
    if (!checked.success) return { reason: describe(checked.error.issues) };
    return { procedure: checked.data };
  } catch (err) {
    return { reason: `could not convert: ${(err as Error).message}` };
  }
}

function describe(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`).join('; ');
}

function codeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const meta = v.metadata as Record<string, unknown> | undefined;
  const code = v.ma_thu_tuc ?? v.code ?? meta?.['mã_thủ_tục'] ?? v.thu_tuc_id;
  return typeof code === 'string' ? code.trim() : null;
}

const CODE_HINT = /"(?:ma_thu_tuc|code|thu_tuc_id)"\s*:\s*"([^"]{1,20})"/u;

/** Read one path into raw records; unreadable or malformed input becomes error entries. */
async function readRecords(path: string): Promise<RawRecord[]> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    return [{ source: path, value: null, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, codeHint: null }];
  }
  if (info.isDirectory()) {
    const entries = await readdir(path, { withFileTypes: true });
    const sub = entries.find((e) => e.isDirectory() && e.name === 'procedures');
    const folder = sub ? join(path, sub.name) : path;
    const names = (await readdir(folder)).filter((n) => n.endsWith('.json') || n.endsWith('.jsonl')).sort();
    const out: RawRecord[] = [];
    for (const name of names) out.push(...(await readRecords(join(folder, name))));
    return out;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return [{ source: path, value: null, error: `cannot read: ${(err as Error).message}`, codeHint: null }];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A whole-file JSON document (a record or an array of records) comes first...
  const trimmed = text.trim();
  if (!path.endsWith('.jsonl') && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    try {
      const doc: unknown = JSON.parse(trimmed);
      const items = Array.isArray(doc) ? doc : [doc];
      return items.map((value, i) => ({ source: Array.isArray(doc) ? `${path}[${i}]` : path, value }));
    } catch (err) {
      if (trimmed.startsWith('[') || !trimmed.includes('\n')) {
        return [{ source: path, value: null, error: `malformed JSON (truncated file?): ${(err as Error).message}`, codeHint: CODE_HINT.exec(trimmed)?.[1] ?? null }];
      }
    }
  }
  // ...otherwise one JSON object a line.
  const out: RawRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const source = `${basename(path)}:${i + 1}`;
    try {
      out.push({ source, value: JSON.parse(line) });
    } catch (err) {
      out.push({ source, value: null, error: `malformed JSON line: ${(err as Error).message}`, codeHint: CODE_HINT.exec(line)?.[1] ?? null });
    }
  });
  return out;
}
