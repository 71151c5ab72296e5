import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/search/lexicon.js';
import { VariantRule } from '../../src/search/variant.js';

const lexicon = await loadLexicon();
const rule = new VariantRule(lexicon);
const foreign = lexicon.variants.findIndex((g) => g.id === 'foreign');
const combined = lexicon.variants.findIndex((g) => g.id === 'combined');

describe('variant groups', () => {
  it('reads an exclusion as not being the special case (names from the portal FAQ and crawl)', () => {
    const excluded = 'Cấp, cấp lại giấy chứng nhận cơ sở đủ điều kiện sản xuất thức ăn thủy sản, sản phẩm xử lý môi trường nuôi trồng thủy sản (trừ nhà đầu tư nước ngoài, tổ chức kinh tế có vốn đầu tư nước ngoài)';
    expect(rule.groupsOfName(excluded)).not.toContain(foreign);
    expect(rule.groupsOfQuestion(`Cơ quan nào có thẩm quyền ${excluded}`)).not.toContain(foreign);
    expect(rule.groupsOfName('Thủ tục đăng ký kết hôn có yếu tố nước ngoài')).toContain(foreign);
    const securities = lexicon.variants.findIndex((g) => g.id === 'securities');
    expect(rule.groupsOfName('Đăng ký biện pháp bảo đảm bằng động sản (không phải là tàu bay, tàu biển, chứng khoán đã đăng ký tập trung)')).not.toContain(securities);
  });

  it('treats a joint ("liên thông") procedure as a combined variant, not a mention of "liên thông" inside an exclusion', () => {
    expect(rule.groupsOfName('Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi')).toContain(combined);
    expect(rule.groupsOfName('Đăng ký thuế lần đầu đối với người nộp thuế là tổ chức (trừ trường hợp đăng ký thuế theo cơ chế một cửa liên thông qua cơ quan đăng ký kinh doanh)')).not.toContain(combined);
  });

  it('reads a nationality as the foreign case, and "trong nước" / "đi nước ngoài" as not (blind-set wording)', () => {
    expect(rule.groupsOfQuestion('Em sắp lấy chồng người Hàn Quốc, đăng ký kết hôn thì nộp hồ sơ ở đâu ạ?')).toContain(foreign);
    expect(rule.groupsOfQuestion('dang ky ket hon voi nguoi trung quoc can giay to gi')).toContain(foreign);
    // Living abroad ("đang sống ở Đức", "định cư ở Mỹ") is the foreign case too; travelling there is not.
    expect(rule.groupsOfQuestion('Tôi đang sống ở Đức, muốn thôi quốc tịch Việt Nam thì nộp hồ sơ ở đâu?')).toContain(foreign);
    expect(rule.groupsOfQuestion('toi dinh cu o my muon lam lai giay khai sinh')).toContain(foreign);
    expect(rule.groupsOfQuestion('toi da co quoc tich nuoc ngoai, gio muon xin thoi quoc tich viet nam, dang song o trong nuoc')).not.toContain(foreign);
    expect(rule.groupsOfQuestion('sap di nuoc ngoai du lich, xin giay phep lai xe quoc te')).not.toContain(foreign);
    expect(rule.groupsOfQuestion('kết hôn với người nước ngoài cần giấy tờ gì')).toContain(foreign);
  });

  it('holds back "không phải xin phép" and insurer-only names unless the question says so (crawl names)', () => {
    const noPermit = lexicon.variants.findIndex((g) => g.id === 'noPermit');
    const insurer = lexicon.variants.findIndex((g) => g.id === 'insurer');
    expect(rule.groupsOfName('Đăng ký biến động chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền')).toContain(noPermit);
    expect(rule.groupsOfQuestion('xin chuyen muc dich tu dat vuon len dat o mat bao lau')).not.toContain(noPermit);
    expect(rule.groupsOfQuestion('chuyển mục đích không cần xin phép thì đăng ký biến động ở đâu')).toContain(noPermit);
    expect(rule.groupsOfName('Giải thể doanh nghiệp bảo hiểm, doanh nghiệp tái bảo hiểm, doanh nghiệp môi giới bảo hiểm, chấm dứt hoạt động chi nhánh nước ngoài')).toContain(insurer);
    expect(rule.groupsOfQuestion('Thủ tục giải thể doanh nghiệp')).not.toContain(insurer);
    expect(rule.groupsOfQuestion('rút bảo hiểm xã hội một lần')).not.toContain(insurer);
  });

  it('tells nationality procedures done in Việt Nam from those abroad (crawl names)', () => {
    const domestic = lexicon.variants.findIndex((g) => g.id === 'domestic');
    const q = rule.groupsOfQuestion('nguoi nuoc ngoai song o viet nam xin nhap quoc tich viet nam mat bao lau');
    const home = rule.weight(rule.groupsOfName('Nhập quốc tịch Việt Nam ở trong nước'), q);
    const abroad = rule.weight(rule.groupsOfName('Nhập quốc tịch Việt Nam ở nước ngoài'), q);
    expect(q).toContain(domestic);
    expect(home).toBeGreaterThan(abroad);
    // Only nationality names carry the group: a passport "ở trong nước" stays the base procedure.
    expect(rule.groupsOfName('Cấp hộ chiếu phổ thông ở trong nước (thực hiện tại cấp tỉnh)')).not.toContain(domestic);
  });

  it('reads "tại nhà" as the mobile case only when the registration comes home (blind-set wording)', () => {
    const mobile = lexicon.variants.findIndex((g) => g.id === 'mobile');
    expect(rule.groupsOfQuestion('Bố tôi vừa mất tại nhà, đi làm giấy khai tử cần mang theo những giấy tờ gì?')).not.toContain(mobile);
    expect(rule.groupsOfQuestion('đăng ký hộ kinh doanh để mở quán tạp hóa nhỏ tại nhà')).not.toContain(mobile);
    expect(rule.groupsOfQuestion('ông bà già yếu có cán bộ đến tận nhà đăng ký khai tử không')).toContain(mobile);
  });

  it('reads a police family as the armed-forces case, not "công an xã" where citizens file (blind-set wording)', () => {
    const armed = lexicon.variants.findIndex((g) => g.id === 'armed');
    expect(rule.groupsOfQuestion('Bố tôi là công an, thẻ bảo hiểm y tế thân nhân của mẹ tôi bị sai ngày sinh')).toContain(armed);
    expect(rule.groupsOfQuestion('đăng ký tạm trú ở công an xã cần giấy tờ gì')).not.toContain(armed);
  });

  it('does not read "công ty" as the organization case when the question says "cá nhân"', () => {
    const organization = lexicon.variants.findIndex((g) => g.id === 'organization');
    expect(rule.groupsOfQuestion('toi di lam cong ty nhung chua co ma so thue ca nhan, dang ky thue lan dau')).not.toContain(organization);
    expect(rule.groupsOfQuestion('công ty mới thành lập đăng ký thuế lần đầu ở đâu')).toContain(organization);
  });

  it('does not make a name a special case for one audience among others (crawl names)', () => {
    const listed = 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài';
    expect(rule.groupsOfName(listed)).not.toContain(foreign);
    expect(rule.listedGroupsOfName(listed)).toContain(foreign);
    // Neither asking for the case nor not asking is a mismatch.
    expect(rule.weight(rule.groupsOfName(listed), [foreign], rule.listedGroupsOfName(listed))).toBe(1);
    expect(rule.weight(rule.groupsOfName(listed), [], rule.listedGroupsOfName(listed))).toBe(1);
    // The case named first is still the case.
    const first = 'Kiểm tra, xét duyệt nhân sự, cấp phép nhập cảnh cho người nước ngoài, người Việt Nam định cư ở nước ngoài nhập cảnh vào Việt Nam';
    expect(rule.groupsOfName(first)).toContain(foreign);
  });

  it('holds back a sector-specific company procedure unless the question names the sector (crawl names)', () => {
    const securities = 'Đăng ký phát hành, chào bán cổ phần, tăng vốn điều lệ của công ty chứng khoán, công ty quản lý quỹ đầu tư chứng khoán';
    const lawFirm = 'Thay đổi người đại diện theo pháp luật của Văn phòng luật sư, công ty luật trách nhiệm hữu hạn một thành viên';
    const general = 'Đăng ký thay đổi vốn điều lệ, phần vốn góp, tỷ lệ phần vốn góp đối với công ty TNHH, công ty cổ phần, công ty hợp danh';
    const plain = rule.groupsOfQuestion('tăng vốn điều lệ công ty cổ phần thì đăng ký ở đâu');
    expect(rule.weight(rule.groupsOfName(securities), plain)).toBeLessThan(rule.weight(rule.groupsOfName(general), plain));
    // "pháp luật" is not "luật sư".
    const lawWeight = (q: string) => rule.weight(rule.groupsOfName(lawFirm), rule.groupsOfQuestion(q));
    expect(lawWeight('công ty TNHH đổi người đại diện theo pháp luật')).toBeLessThan(lawWeight('công ty luật đổi người đại diện theo pháp luật'));
  });
});
