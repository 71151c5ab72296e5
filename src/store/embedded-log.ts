import { open, type FileHandle } from 'node:fs/promises';
import { mkdirSync, openSync, fsyncSync, closeSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An append-only JSON Lines file: the embedded store's source of truth. `append` resolves only
 * after the line is on disk (write + fdatasync), so "received" is never said about something a
 * power cut could take back. Appends that arrive while a sync is running are written together
 * in the next one (group commit): one fdatasync serves a whole burst, which is what keeps the
 * embedded store at hundreds of submissions per second on an ordinary disk.
 *
 * A crash can leave the last line half-written. Opening the log drops such a tail (and trims the
 * file so new lines do not glue onto it); a bad line followed by good ones is real corruption and
 * refuses to open rather than silently losing records.
 */
export class LogCorruptError extends Error {
  constructor(readonly path: string, readonly line: number) {
    super(`${path}: line ${line} is not valid JSON but later lines are; refusing to open a corrupt log`);
    this.name = 'LogCorruptError';
  }
}

interface Pending { line: string; resolve: () => void; reject: (err: unknown) => void }

export class EmbeddedLog<T> {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  private constructor(readonly path: string, private fh: FileHandle, private size: number) {}

  /** Open (creating if needed) and replay the log. `droppedTail` counts bytes of a torn last line removed. */
  static async open<T>(path: string): Promise<{ log: EmbeddedLog<T>; entries: T[]; droppedTail: number }> {
    mkdirSync(dirname(path), { recursive: true });
    const fresh = !existsSync(path);
    const fh = await open(path, 'a+');
    if (fresh) syncDir(dirname(path));
    const buf = await fh.readFile();
    const entries: T[] = [];
    let good = 0; // bytes of whole, parsed lines
    let start = 0;
    let lineNo = 0;
    let badLine = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl === -1 ? buf.length : nl;
      lineNo++;
      const text = buf.subarray(start, end).toString('utf8').trim();
      let parsed: T | undefined;
      if (text && nl !== -1) {
        try { parsed = JSON.parse(text) as T; } catch { parsed = undefined; }
      }
      if (parsed !== undefined) {
        if (badLine) {
          await fh.close();
          throw new LogCorruptError(path, badLine);
        }
        entries.push(parsed);
        good = end + 1;
      } else if (text && !badLine) {
        badLine = lineNo;
      } else if (!text && nl !== -1 && !badLine) {
        good = end + 1; // blank line
      }
      start = end + 1;
    }
    const droppedTail = buf.length - good;
    if (droppedTail > 0) {
      await fh.truncate(good);
      await fh.datasync();
    }
    return { log: new EmbeddedLog<T>(path, fh, good), entries, droppedTail };
  }

  /** Resolves once the entry is durable; rejects if the disk refused it (nothing half-written stays). */
  append(entry: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.path} is closed`));
    const line = `${JSON.stringify(entry)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const data = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
      try {
        let written = 0;
        while (written < data.length) {
          const { bytesWritten } = await this.fh.write(data, written, data.length - written, null);
          written += bytesWritten;
        }
        await this.fh.datasync();
        this.size += data.length;
        for (const p of batch) p.resolve();
      } catch (err) {
        await this.fh.truncate(this.size).catch(() => undefined);
        for (const p of batch) p.reject(err);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.fh.close();
  }
}

/** fsync a directory so a newly created file's name survives a power cut. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Some filesystems refuse fsync on directories; the file's own fsync still protects its content.
  }
}
