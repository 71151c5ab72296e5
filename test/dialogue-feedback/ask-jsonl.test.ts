import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accented, unaccented } from './conversations.js';
import { askJsonl as runAsk } from '../support/ask-process.js';
import { EmbeddedFeedbackStore } from '../../src/store/feedback-embedded.js';

/**
 * The Must-show conversation of issue 4, through the real command line: `ask --jsonl` sessions
 * from "tôi muốn phản ánh..." to a tracking code, accented and unaccented, with DATA_DIR in a
 * temporary directory; then the records are read back from that directory.
 */
interface Out { session: string | null; intent: string; text: string; code: string | null; clarify: boolean }


const abandoned = ['tôi muốn góp ý', 'Cán bộ tiếp dân thường xuyên đi muộn vào buổi sáng thứ hai.', 'ok', 'huy'];

describe('feedback through ask --jsonl', () => {
  let dir = '';
  let out: Out[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ask-jsonl-feedback-'));
    const lines = [
      ...accented.map((text) => ({ text, session: 'co-dau' })),
      ...unaccented.map((text) => ({ text, session: 'khong-dau' })),
      ...abandoned.map((text) => ({ text, session: 'bo-do' })),
    ];
    const run = await runAsk(lines, { env: { DATA_DIR: dir, REDIS_URL: '' } });
    if (run.code !== 0) throw new Error(`ask --jsonl exited with ${run.code}: ${run.stderr}`);
    out = run.out as unknown as Out[];
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every line, as feedback turns', () => {
    expect(out).toHaveLength(accented.length + unaccented.length + abandoned.length);
    for (const o of out) {
      expect(o.intent).toBe('feedback');
      expect(o.code).toBeNull();
      expect(o.clarify).toBe(false);
    }
  });

  for (const [style, session, lines] of [['accented', 'co-dau', accented], ['unaccented', 'khong-dau', unaccented]] as const) {
    it(`ends the ${style} conversation with a tracking code and due date that are really stored`, async () => {
      const mine = out.filter((o) => o.session === session);
      for (const o of mine.slice(0, -1)) expect(o.text).not.toMatch(/PA-\d{4}-\d{6}/);
      const last = mine[mine.length - 1].text;
      const code = /Mã phản ánh: (PA-\d{4}-\d{6})/.exec(last)?.[1];
      expect(code).toBeDefined();
      expect(last).toMatch(/Hạn trả lời dự kiến: \d{2}\/\d{2}\/\d{4}/);

      const store = await EmbeddedFeedbackStore.open(dir);
      try {
        const rec = await store.get(code!);
        expect(rec?.content).toBe(lines[1]);
        expect(rec?.contact.name).toBe(lines[3]);
        expect(rec?.consent.noticeVersion).toMatch(/\S/);
      } finally {
        await store.close();
      }
    });
  }

  it('stores nothing for a conversation without consent that was cancelled', async () => {
    const mine = out.filter((o) => o.session === 'bo-do');
    expect(mine[2].text).toMatch(/chưa nhận được sự đồng ý/);
    expect(mine[3].text).toMatch(/Đã hủy/);
    const store = await EmbeddedFeedbackStore.open(dir);
    try {
      const { items } = await store.list({ offset: 0, limit: 10 });
      expect(items).toHaveLength(2);
      expect(items.some((r) => r.content === abandoned[1])).toBe(false);
    } finally {
      await store.close();
    }
  });
});
