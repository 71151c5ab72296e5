import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { speakText } from '../../src/voice/speech.js';
import { hasShared, officialFaq, portalCrawl } from '../support/shared.js';

/**
 * Real published text read aloud: after speakText no digit, slash or markup symbol may remain,
 * because a voice would read those as it pleases ("1.004222" as a decimal, "/" as "slash").
 */
const leftover = /[^\s]*[\d%$@#*&<>[\]{}|\\/][^\s]*/g;

describe.skipIf(!hasShared)('spoken form of real procedure texts', () => {
  it('the national portal crawl (first 150 records, 5 fields each)', () => {
    const lines = readFileSync(portalCrawl, 'utf8').split('\n').filter(Boolean).slice(0, 150);
    const found: string[] = [];
    let texts = 0;
    for (const line of lines) {
      const r = JSON.parse(line) as Record<string, unknown>;
      for (const f of ['trinh_tu_thuc_hien', 'yeu_cau_dieu_kien', 'can_cu_phap_ly', 'cach_thuc_thuc_hien', 'thanh_phan_ho_so']) {
        const v = r[f];
        if (typeof v !== 'string' || !v) continue;
        texts++;
        found.push(...(speakText(v.slice(0, 3000)).match(leftover) ?? []));
      }
    }
    expect(texts).toBeGreaterThan(500);
    expect(found).toEqual([]);
  });

  it('the official FAQ answers', () => {
    const rows = readFileSync(officialFaq, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { reference_answer: string });
    const found = rows.flatMap((r) => speakText(String(r.reference_answer).slice(0, 3000)).match(leftover) ?? []);
    expect(rows.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });
});
