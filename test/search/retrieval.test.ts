import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/knowledge/importer.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { loadLexicon, type Lexicon } from '../../src/search/lexicon.js';
import { foldDiacritics } from '../../src/search/normalize.js';
import { buildProcedureIndex, type ProcedureIndex } from '../../src/search/procedure-index.js';
import { hasShared, portalCrawl } from '../support/shared.js';

/** Retrieval on the whole published corpus (2,642 records), imported with the project's importer. */
describe.skipIf(!hasShared)('procedure retrieval on the national corpus', () => {
  let procedures: Procedure[];
  let lexicon: Lexicon;
  let index: ProcedureIndex;
  const top = async (q: string) => (await index.search(q, { limit: 5 }))[0]?.code;
  const nameOf = (code: string | undefined) => procedures.find((p) => p.code === code)?.name ?? '';

  beforeAll(async () => {
    ({ procedures } = await importFiles([portalCrawl]));
    lexicon = await loadLexicon();
    index = await buildProcedureIndex(procedures, lexicon);
  });

  it('indexes every record', () => {
    expect(index.size).toBe(procedures.length);
    expect(index.size).toBeGreaterThan(2600);
  });

  const questions = [
    'đăng ký khai sinh cho con cần giấy tờ gì',
    'đăng ký thường trú ở đâu',
    'cấp lại giấy phép lái xe mất bao lâu',
    'chứng thực bản sao từ bản chính lệ phí',
    'đăng ký thành lập hộ kinh doanh',
    'xóa đăng ký tạm trú',
    'công nhận hộ nghèo hộ cận nghèo',
    'cấp giấy phép xây dựng nhà ở riêng lẻ',
    'đổi giấy phép lái xe',
    'đăng ký giám hộ',
  ];

  it.each(questions)('finds the same first record with and without diacritics: %s', async (q) => {
    const accented = await top(q);
    expect(accented).toBeDefined();
    expect(await top(foldDiacritics(q))).toBe(accented);
  });

  it('finds a record whose name carries the question\'s words first', async () => {
    for (const q of questions.slice(0, 5)) {
      const words = foldDiacritics(q).split(' ').slice(0, 3).join(' ');
      expect(foldDiacritics(nameOf(await top(q)).toLowerCase())).toContain(words.replace(/ can.*$/, ''));
    }
  });

  it('prefers the base procedure when the question does not mention a special case', async () => {
    for (const q of ['đăng ký khai sinh', 'dang ky ket hon', 'đăng ký khai tử', 'đăng ký nhận cha mẹ con']) {
      const name = nameOf(await top(q));
      expect(name, q).not.toMatch(/nước ngoài|lưu động|biên giới|đăng ký lại/iu);
    }
  });

  it('prefers the variant the question asks for', async () => {
    expect(nameOf(await top('đăng ký kết hôn với người nước ngoài'))).toMatch(/kết hôn có yếu tố nước ngoài$/u);
    expect(nameOf(await top('dang ky khai sinh luu dong'))).toMatch(/khai sinh lưu động/u);
    expect(nameOf(await top('đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới'))).toMatch(/khai tử có yếu tố nước ngoài tại khu vực biên giới/u);
  });

  it('reads abbreviations and everyday names like the official words', async () => {
    const pairs: Array<[string, string]> = [
      ['cấp lại gplx', 'cấp lại giấy phép lái xe'],
      ['cấp đổi bằng lái', 'đổi giấy phép lái xe'],
      ['cap doi so do', 'cấp đổi giấy chứng nhận quyền sử dụng đất'],
      ['đổi cà vẹt xe', 'đổi chứng nhận đăng ký xe'],
      ['doi cavet xe', 'đổi chứng nhận đăng ký xe'],
      ['làm giấy chứng tử', 'đăng ký khai tử'],
      ['cắt hộ khẩu', 'xóa đăng ký thường trú'],
      ['làm passport', 'cấp hộ chiếu phổ thông'],
    ];
    for (const [everyday, official] of pairs) expect(await top(everyday), everyday).toBe(await top(official));
  });

  it('finds a procedure by its code', async () => {
    for (const code of ['1.004222', '2.000635', '3.000347']) expect(await top(`thủ tục ${code} cần gì`)).toBe(code);
  });

  it('repairs common typos without changing what exact questions find', async () => {
    expect(await top('dang ky khai sihn')).toBe(await top('dang ky khai sinh'));
    expect(await top('ddawng kys thuowngf tru')).toBe(await top('đăng ký thường trú'));
    const plain = await buildProcedureIndex(procedures, lexicon, { spelling: false });
    for (const q of questions) expect((await plain.search(q))[0]?.code, q).toBe(await top(q));
  });

  it('returns scores best first, comparable within one search', async () => {
    const hits = await index.search('đăng ký kết hôn', { limit: 5 });
    expect(hits).toHaveLength(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('finds nothing for filler alone', async () => {
    expect(await index.search('cho em hỏi với ạ')).toEqual([]);
  });

  it('reaches 90% top-1 on questions written from citizens\' point of view, accented and not', async () => {
    const rows = readFileSync(join(import.meta.dirname, 'fixtures', 'own-questions.jsonl'), 'utf8')
      .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; codes: string[] });
    let accented = 0;
    let plain = 0;
    for (const r of rows) {
      if (r.codes.includes((await top(r.text)) ?? '')) accented++;
      if (r.codes.includes((await top(foldDiacritics(r.text))) ?? '')) plain++;
    }
    expect(accented / rows.length).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(accented - plain) / rows.length).toBeLessThanOrEqual(0.02);
  });
});
