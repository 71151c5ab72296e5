import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../src/knowledge/procedure.js';
import { ageFits, missesAskedAction, rankCandidates, rankingSettings } from '../../src/assistant/ranking.js';
import { foldDiacritics } from '../../src/search/normalize.js';

/** Names as published on the national portal (the 2,642-record crawl); scores as the index gives them. */
const fold = (s: string) => foldDiacritics(s.toLowerCase());
const byCode = new Map<string, Procedure>();
const words = (q: string) => fold(q).split(/[^a-z0-9]+/).filter(Boolean);

describe('age bounds in names', () => {
  it.each([
    ['Cấp thẻ căn cước cho người dưới 14 tuổi', 'làm căn cước cho con 15 tuổi', false],
    ['Cấp thẻ căn cước cho người dưới 14 tuổi', 'làm căn cước cho bé 6 tuổi', true],
    ['Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'làm căn cước cho con 15 tuổi', true],
    ['Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'con 14 tuổi làm căn cước', true],
    ['Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'con 13 tuổi làm căn cước', false],
    ['Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên', 'làm căn cước lần đầu', null],
    ['Đăng ký thường trú', 'con 15 tuổi đăng ký thường trú', null],
  ])('%s / %s', (name, question, fits) => {
    expect(ageFits(fold(name), fold(question))).toBe(fits);
  });
});

describe('rankCandidates', () => {
  it('does not ask between the same procedure published at two levels', () => {
    const hits = [
      { code: '1.010386', name: 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)', score: 100 },
      { code: '1.001445', name: 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', score: 100 },
    ];
    const q = 'trình báo mất hộ chiếu';
    expect(rankCandidates(hits, byCode, fold(q), { topic: words(q) }).kind).toBe('clear');
  });

  it('still asks between two different procedures that score alike', () => {
    const hits = [
      { code: '1.003197', name: 'Xóa đăng ký thường trú', score: 100 },
      { code: '1.010028', name: 'Xóa đăng ký tạm trú', score: 100 },
    ];
    const q = 'xóa đăng ký';
    expect(rankCandidates(hits, byCode, fold(q), { topic: words(q) }).kind).toBe('close');
  });

  it('counts a word the record\'s field has, at half weight ("thai sản bhxh" / field "Thực hiện chính sách BHXH")', () => {
    const hits = [{ code: '2.000693', name: 'Giải quyết hưởng chế độ thai sản', score: 100 }];
    const withField = new Map([['2.000693', { code: '2.000693', field: 'Thực hiện chính sách BHXH' } as Procedure]]);
    const opts = { topic: words('hưởng thai sản bảo hiểm xã hội'), readName: (s: string) => fold(s).replace(/\bbhxh\b/g, 'bao hiem xa hoi') };
    const q = fold('hưởng thai sản bảo hiểm xã hội');
    const nameOnly = rankCandidates(hits, byCode, q, opts).candidates[0].coverage;
    const both = rankCandidates(hits, withField, q, opts).candidates[0].coverage;
    // Units: hưởng, thai, sản, hiểm, xã ("bảo", "hội" are glue); the field adds hiểm and xã.
    expect(nameOnly).toBeCloseTo(3 / 5);
    expect(both).toBeCloseTo((3 + 2 * rankingSettings.fieldCoverage) / 5);
  });

  it('leaves a domain the question names out of a field procedure\'s coverage and phrase run', () => {
    const hits = [
      { code: '1.001613', name: 'Giải quyết hưởng bảo hiểm xã hội một lần', score: 100 },
      { code: '1.001667', name: 'Giải quyết hưởng chế độ ốm đau', score: 60 },
    ];
    const q = 'nghỉ ốm đau hưởng chế độ bảo hiểm xã hội';
    const opts = { topic: words(q) };
    expect(rankCandidates(hits, byCode, fold(q), opts).candidates[0].code).toBe('1.001613');
    const domain = new Set(['bao', 'hiem', 'xa', 'hoi']);
    expect(rankCandidates(hits, byCode, fold(q), { ...opts, fieldDomain: () => domain }).candidates[0].code).toBe('1.001667');
  });

  const died = [
    { code: '1.000656', name: 'Thủ tục đăng ký khai tử', score: 156 },
    { code: '1.005461', name: 'Đăng ký lại khai tử', score: 116 },
    { code: '2.000547', name: 'Thủ tục ghi vào Sổ hộ tịch việc hộ tịch khác của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', score: 97 },
  ];
  const q = 'ông nội tôi mới mất sáng hôm qua ở quê nhà làm khai tử';
  const topic = words('ong noi moi mat sang hom qua que nha khai tu');

  it('answers a low-coverage best match far ahead of the rest when every other word is known', () => {
    const r = rankCandidates(died, byCode, fold(q), { topic, knownWord: () => true });
    expect(r.candidates[0].coverage).toBeLessThan(rankingSettings.weakCoverage);
    expect(r.kind).toBe('clear');
    expect(r.candidates[0].code).toBe('1.000656');
  });

  it('keeps it weak when the question has a word no procedure name has', () => {
    const r = rankCandidates(died, byCode, fold(q), { topic, knownWord: (w) => w !== 'ong' });
    expect(r.kind).toBe('weak');
  });

  it('holds back withdrawing a filing ("Đề nghị dừng thực hiện thủ tục ...") unless asked (crawl names)', () => {
    const hits = [
      { code: '1.010010', name: 'Đề nghị dừng thực hiện thủ tục đăng ký doanh nghiệp; thông báo hủy bỏ nghị quyết, quyết định giải thể doanh nghiệp', score: 100 },
      { code: '2.002023', name: 'Giải thể doanh nghiệp, giải thể trong trường hợp bị thu hồi Giấy chứng nhận đăng ký doanh nghiệp hoặc theo quyết định của Tòa án', score: 100 },
    ];
    expect(rankCandidates(hits, byCode, fold('giải thể doanh nghiệp'), { topic: words('giai the doanh nghiep') }).candidates[0].code).toBe('2.002023');
    expect(rankCandidates(hits, byCode, fold('xin dừng thủ tục đăng ký doanh nghiệp đã nộp'), { topic: words('dung dang ky doanh nghiep nop') }).candidates[0].code).toBe('1.010010');
  });

  it('holds back withdrawing a request ("Rút yêu cầu ...") unless asked (crawl names)', () => {
    const hits = [
      { code: '2.001680', name: 'Thủ tục rút yêu cầu trợ giúp pháp lý của người được trợ giúp pháp lý', score: 100 },
      { code: '2.000829', name: 'Thủ tục yêu cầu trợ giúp pháp lý', score: 96 },
    ];
    expect(rankCandidates(hits, byCode, fold('người khuyết tật muốn được trợ giúp pháp lý'), { topic: words('nguoi khuyet tat tro giup phap ly') }).candidates[0].code).toBe('2.000829');
    expect(rankCandidates(hits, byCode, fold('muốn rút yêu cầu trợ giúp pháp lý'), { topic: words('rut yeu cau tro giup phap ly') }).candidates[0].code).toBe('2.001680');
  });

  it('holds back names that are not a correction when the question asks for one', () => {
    const hits = [
      { code: '2.000635', name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', score: 140 },
      { code: '1.004859', name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', score: 114 },
    ];
    const question = 'giấy khai sinh bị sai ngày sinh muốn cải chính';
    const r = rankCandidates(hits, byCode, fold(question), { topic: words('giay khai sinh bi sai ngay sinh cai chinh') });
    expect(r.candidates[0].code).toBe('1.004859');
  });
});

describe('a special case the knowledge lacks', () => {
  it('offers the nearest names when the best one is not the special case asked for', () => {
    const hits = [
      { code: '1.000894', name: 'Thủ tục đăng ký kết hôn', score: 200 },
      { code: '1.004746', name: 'Thủ tục đăng ký lại kết hôn', score: 120 },
    ];
    const q = 'đăng ký kết hôn với người nước ngoài';
    const asked = (name: string) => !/nước ngoài/.test(name);
    expect(rankCandidates(hits, byCode, fold(q), { topic: words(q), missesAskedVariant: asked }).kind).toBe('weak');
    expect(rankCandidates(hits, byCode, fold(q), { topic: words(q) }).kind).not.toBe('weak');
  });
});

describe('a request word outranks the story around it', () => {
  const cases: Array<[string, string, boolean]> = [
    // [question, name, held back]
    ['hộ chiếu bị báo mất giờ tìm lại được muốn khôi phục', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', true],
    ['hộ chiếu bị báo mất giờ tìm lại được muốn khôi phục', 'Khôi phục giá trị sử dụng hộ chiếu phổ thông (thực hiện tại cấp tỉnh)', false],
    ['xe bị hỏng không dùng nữa muốn thu hồi đăng ký biển số', 'Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công trực tuyến toàn trình', true],
    ['xe bị hỏng không dùng nữa muốn thu hồi đăng ký biển số', 'Thu hồi chứng nhận đăng ký xe, biển số xe thực hiện bằng dịch vụ công toàn trình', false],
    ['dang ky thay doi von dieu le cong ty tnhh hai thanh vien can gi', 'Đăng ký thành lập công ty TNHH hai thành viên trở lên', true],
    ['dang ky thay doi von dieu le cong ty tnhh hai thanh vien can gi', 'Đăng ký thay đổi vốn điều lệ, phần vốn góp, tỷ lệ phần vốn góp đối với công ty TNHH, công ty cổ phần, công ty hợp danh', false],
    // Without a request word, the story's action still counts.
    ['mất hộ chiếu thì báo ở đâu', 'Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)', false],
    // "bị thu hồi" is what happened; "xin cấp lại" is the request.
    ['Ông này từng bị thu hồi chứng chỉ hành nghề luật sư, nay xin cấp lại thì nộp bao nhiêu tiền', 'Thu hồi chứng chỉ hành nghề luật sư', true],
    ['Ông này từng bị thu hồi chứng chỉ hành nghề luật sư, nay xin cấp lại thì nộp bao nhiêu tiền', 'Cấp lại Chứng chỉ hành nghề luật sư trong trường hợp bị thu hồi Chứng chỉ hành nghề luật sư', false],
    // ... unless the citizen asks for it ("muốn bị thu hồi").
    ['co so cai nghien muon bi thu hoi giay phep hoat dong', 'Cấp giấy phép hoạt động đối với cơ sở cai nghiện ma túy tự nguyện', true],
    // "hiệu đính" asks for a correction.
    ['giấy đk hộ kinh doanh bị ghi sai địa chỉ muốn hiệu đính', 'Đăng ký thành lập hộ kinh doanh', true],
  ];
  it.each(cases)('%s / %s', (question, name, heldBack) => {
    expect(missesAskedAction(words(name), fold(question))).toBe(heldBack);
  });
});
