import { describe, expect, it } from 'vitest';
import { createFieldDomains } from '../../src/assistant/domain.js';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { foldDiacritics } from '../../src/search/normalize.js';

/** Names and fields as published in the crawl; only what the domain rule reads. */
const record = (code: string, name: string, field: string) => ({ code, name, field }) as Procedure;
const procedures = [
  record('1.001613', 'Giải quyết hưởng bảo hiểm xã hội một lần', 'Thực hiện chính sách BHXH'),
  record('1.001667', 'Giải quyết hưởng chế độ ốm đau', 'Thực hiện chính sách BHXH'),
  record('2.000693', 'Giải quyết hưởng chế độ thai sản', 'Thực hiện chính sách BHXH'),
  record('3.000347', 'Đổi giấy phép lái xe', 'Sát hạch, cấp giấy phép lái xe'),
  record('3.000348', 'Cấp lại giấy phép lái xe', 'Sát hạch, cấp giấy phép lái xe'),
  record('1.000000', 'Chấp thuận hoạt động của sân tập lái để sát hạch lái xe mô tô', 'Sát hạch, cấp giấy phép lái xe'),
];
const readName = (s: string) => foldDiacritics(s.toLowerCase()).replace(/\bbhxh\b/g, 'bao hiem xa hoi');
const domainsOf = createFieldDomains(procedures, ['bảo hiểm xã hội', 'giấy phép lái xe', 'căn cước công dân'], readName);
const fold = (s: string) => foldDiacritics(s.toLowerCase());

describe('field domains', () => {
  it('leaves a domain the field names out for that field\'s procedures ("thai sản bhxh")', () => {
    const check = domainsOf(fold('hưởng chế độ thai sản bảo hiểm xã hội'));
    expect(check?.('2.000693')).toEqual(new Set(['bao', 'hiem', 'xa', 'hoi']));
    expect(check?.('1.001613')).toEqual(new Set(['bao', 'hiem', 'xa', 'hoi']));
  });

  it('is no domain where half of the field\'s names carry the phrase ("giấy phép lái xe")', () => {
    expect(domainsOf(fold('đổi giấy phép lái xe ở đâu'))).toBeUndefined();
  });

  it('does nothing for a question that names no domain, or for records of other fields', () => {
    expect(domainsOf(fold('thai sản cần giấy tờ gì'))).toBeUndefined();
    expect(domainsOf(fold('thai sản bảo hiểm xã hội'))?.('3.000347')).toBeNull();
  });
});
