import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedLog, LogCorruptError } from '../../src/store/embedded-log.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'elog-')), 'sub', 'log.jsonl');

describe('EmbeddedLog', () => {
  it('creates the file and replays what was appended', async () => {
    const path = fresh();
    const { log, entries } = await EmbeddedLog.open<{ n: number }>(path);
    expect(entries).toEqual([]);
    await Promise.all(Array.from({ length: 500 }, (_, n) => log.append({ n })));
    await log.close();
    const again = await EmbeddedLog.open<{ n: number }>(path);
    expect(again.entries.map((e) => e.n)).toEqual(Array.from({ length: 500 }, (_, n) => n));
    await again.log.close();
  });

  it('drops a torn last line and trims the file so later lines stay whole', async () => {
    const path = fresh();
    const { log } = await EmbeddedLog.open<{ n: number }>(path);
    await log.append({ n: 1 });
    await log.close();
    appendFileSync(path, '{"n":2,"content":"Phản ánh bị cắt ngang gi'); // crash mid-write
    const { log: reopened, entries, droppedTail } = await EmbeddedLog.open<{ n: number }>(path);
    expect(entries).toEqual([{ n: 1 }]);
    expect(droppedTail).toBeGreaterThan(0);
    await reopened.append({ n: 3 });
    await reopened.close();
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('drops a garbage line at the very end even when it ends with a newline', async () => {
    const path = fresh();
    const { log } = await EmbeddedLog.open(path);
    await log.close();
    writeFileSync(path, '{"n":1}\n\u0000\u0000\u0000\n');
    const { entries, log: l2 } = await EmbeddedLog.open(path);
    expect(entries).toEqual([{ n: 1 }]);
    await l2.close();
  });

  it('refuses to open when a bad line is followed by good ones (real corruption, not a crash)', async () => {
    const path = fresh();
    const { log } = await EmbeddedLog.open(path);
    await log.close();
    writeFileSync(path, '{"n":1}\n{"n":2\n{"n":3}\n');
    await expect(EmbeddedLog.open(path)).rejects.toBeInstanceOf(LogCorruptError);
  });

  it('rejects appends after close', async () => {
    const { log } = await EmbeddedLog.open(fresh());
    await log.close();
    await expect(log.append({ n: 1 })).rejects.toThrow(/closed/);
  });
});
