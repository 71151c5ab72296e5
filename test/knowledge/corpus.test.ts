import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type ImportResult } from '../../src/knowledge/importer.js';
import { parseAmount } from '../../src/knowledge/money.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { hasShared, portalCrawl, structuredExport } from '../support/shared.js';

/** The whole national portal crawl (2,642 records) through the real importer. */
describe.skipIf(!hasShared)('portal crawl corpus', () => {
  let result: ImportResult;
  let byCode: Map<string, Procedure>;
  beforeAll(async () => {
    result = await importFiles([portalCrawl]);
    byCode = new Map(result.procedures.map((p) => [p.code, p]));
  }, 60_000);

  const fees = (code: string, channel: string): number[] =>
    byCode.get(code)!.methods.filter((m) => m.channel === channel).flatMap((m) => m.fees.map((f) => f.amount));

  it('imports at least 99% of the 2,642 records', () => {
    const total = result.procedures.length + result.rejected.length;
    expect(total).toBe(2642);
    expect(result.procedures.length / total).toBeGreaterThanOrEqual(0.99);
  });

  it('puts the amount into fees for at least 97% of records whose methods cell states one', () => {
    let withAmount = 0;
    let parsed = 0;
    const misses: string[] = [];
    for (const line of readFileSync(portalCrawl, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const raw = JSON.parse(line) as { ma_thu_tuc: string; cach_thuc_thuc_hien?: string };
      const stated = new Set<number>();
      for (const m of (raw.cach_thuc_thuc_hien ?? '').matchAll(/(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|USD|đồng)/gu)) {
        const a = parseAmount(m[1]!);
        if (a !== null && a > 0) stated.add(a);
      }
      if (stated.size === 0) continue;
      withAmount++;
      const got = new Set(byCode.get(raw.ma_thu_tuc)?.methods.flatMap((m) => m.fees.map((f) => f.amount)) ?? []);
      // A column amount that lost its thousands (`135 VNĐ` beside `135.000 đồng`) counts when repaired.
      const missing = [...stated].filter((a) => !got.has(a) && !(a < 1000 && got.has(a * 1000)));
      if (missing.length === 0) parsed++;
      else misses.push(`${raw.ma_thu_tuc}: ${missing.join(', ')}`);
    }
    expect(withAmount).toBeGreaterThan(500);
    expect(parsed / withAmount, misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('1.001456 passport: direct 200.000, online 160.000, 8 working days', () => {
    expect(fees('1.001456', 'truc_tiep')[0]).toBe(200000);
    expect(fees('1.001456', 'truc_tuyen')[0]).toBe(160000);
    for (const m of byCode.get('1.001456')!.methods) expect(m.duration).toEqual({ value: 8, unit: 'ngày làm việc' });
  });

  it('1.004222 permanent residence: direct 20.000, online 10.000, 7 working days', () => {
    expect(fees('1.004222', 'truc_tiep')).toEqual([20000]);
    expect(fees('1.004222', 'truc_tuyen')).toEqual([10000]);
    for (const m of byCode.get('1.004222')!.methods) expect(m.duration).toEqual({ value: 7, unit: 'ngày làm việc' });
  });

  it('2.000635 civil-status copy: 8.000 on every channel', () => {
    const p = byCode.get('2.000635')!;
    expect(p.methods.length).toBe(3);
    for (const m of p.methods) expect(m.fees.map((f) => [f.amount, f.currency])).toEqual([[8000, 'VND']]);
  });

  it('2.000815 certified copy: 2.000 per trang', () => {
    const first = byCode.get('2.000815')!.methods[0]!.fees[0]!;
    expect([first.amount, first.currency, first.per]).toEqual([2000, 'VND', 'trang']);
  });

  it('3.000347 driving licence renewal: 135.000 taken from the note, note kept', () => {
    for (const m of byCode.get('3.000347')!.methods) {
      expect(m.fees[0]).toMatchObject({ amount: 135000, currency: 'VND', label: 'Lệ phí cấp giấy phép lái xe' });
      expect(m.note).toContain('135.000 đồng/lần');
    }
  });

  it('every record keeps its source page and decision', () => {
    for (const p of result.procedures) {
      expect(p.source.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//u);
      expect(p.source.retrievedAt).toBe('2026-07-20');
    }
  });

  it('no result keeps the portal page furniture', () => {
    for (const p of result.procedures) for (const r of p.results) expect(r).not.toMatch(/Từ khóa|Nộp hồ sơ$|Chọn cơ quan/u);
  });
});

describe.skipIf(!hasShared)('structured export corpus', () => {
  it('imports all 207 records of the structured export', async () => {
    const { procedures, rejected } = await importFiles([structuredExport]);
    expect(rejected).toEqual([]);
    expect(procedures.length).toBe(207);
    expect(procedures.every((p) => p.methods.length > 0 && p.papers.length > 0)).toBe(true);
  });
});
