import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/knowledge/duration.js';
import { parseLegalBasesCell } from '../../src/knowledge/legal-bases-cell.js';
import { parseListCell } from '../../src/knowledge/list-cell.js';
import { parseMethodsCell } from '../../src/knowledge/methods-cell.js';
import { findAmounts, parseAmount } from '../../src/knowledge/money.js';
import { parsePapersCell } from '../../src/knowledge/papers-cell.js';
import { convertRecord } from '../../src/knowledge/importer.js';
import { legalBasisSchema, methodSchema, paperSchema, procedureSchema } from '../../src/knowledge/procedure.js';
import { parseRequirementsCell } from '../../src/knowledge/requirements-cell.js';
import { parseResultsCell } from '../../src/knowledge/results-cell.js';
import { parseStepsCell } from '../../src/knowledge/steps-cell.js';

/**
 * Arbitrary strings mixed with the tokens the parsers look for, so the property reaches the
 * interesting branches rather than only the "no match" path.
 */
const tokens = [
  'Hình thức nộpThời gianPhí, lệ phíMô tả', 'Trực tiếp', 'Trực tuyến', 'Dịch vụ bưu chính', 'Không có thông tin',
  'Miễn phí', '7 Ngày làm việc', '10,000 Việt Nam Đồng', '8,000 VNĐ', '10 USD', '(', ')', '(/trang)', '135.000 đồng/lần',
  'Tên giấy tờMẫu đơn, tờ khaiSố lượng', '1 bản chính', '0 bản chính,1 bản sao', '* Giấy tờ phải nộp:', '.doc',
  'Tên văn bản pháp lýMã văn bản', '68/2020/QH14', '75/2022/TT-BTC', 'Mã: KQ.G15.000031', 'Từ khóa', 'Bước 1:', ',', '\n',
];
const glued = fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...tokens)), { maxLength: 30 }).map((xs) => xs.join(''));

describe('cell parsers never throw and always return schema-valid parts', () => {
  it('methods', () => {
    fc.assert(fc.property(glued, (s) => {
      for (const m of parseMethodsCell(s)) expect(methodSchema.safeParse(m).success).toBe(true);
    }), { numRuns: 500 });
  });
  it('papers', () => {
    fc.assert(fc.property(glued, (s) => {
      for (const p of parsePapersCell(s)) expect(paperSchema.safeParse(p).success).toBe(true);
    }), { numRuns: 500 });
  });
  it('legal bases', () => {
    fc.assert(fc.property(glued, (s) => {
      for (const b of parseLegalBasesCell(s)) expect(legalBasisSchema.safeParse(b).success).toBe(true);
    }), { numRuns: 500 });
  });
  it('results, steps, requirements, lists, money, duration', () => {
    fc.assert(fc.property(glued, (s) => {
      for (const list of [parseResultsCell(s), parseStepsCell(s), parseRequirementsCell(s), parseListCell(s)]) {
        for (const item of list) expect(item.length).toBeGreaterThan(0);
      }
      findAmounts(s);
      parseAmount(s);
      parseDuration(s);
    }), { numRuns: 500 });
  });
});

describe('convertRecord never throws on arbitrary input', () => {
  const portalShaped = fc.record({
    ma_thu_tuc: fc.oneof(fc.constantFrom('1.004222', '2.000635'), fc.string()),
    ten_thu_tuc: fc.oneof(fc.string(), fc.integer()),
    detail_url: fc.oneof(fc.constant('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x'), fc.string()),
    cach_thuc_thuc_hien: fc.oneof(glued, fc.constant(null)),
    thanh_phan_ho_so: glued,
    can_cu_phap_ly: glued,
    ket_qua_xu_ly: glued,
    cap_thuc_hien: glued,
    trinh_tu_thuc_hien: glued,
  });
  it('returns a valid procedure or a reason', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), portalShaped), (value) => {
      const result = convertRecord(value);
      if ('procedure' in result) expect(procedureSchema.safeParse(result.procedure).success).toBe(true);
      else expect(result.reason.length).toBeGreaterThan(0);
    }), { numRuns: 400 });
  });
});
