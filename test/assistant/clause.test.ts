import { describe, expect, it } from 'vitest';
import { askedPart, withoutPurpose, withoutState } from '../../src/assistant/clause.js';
import { readIntent, topicWords } from '../../src/assistant/intent.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';

const lexicon = await loadLexicon();

/** A citizen's question as retrieval reads it: normalized, and its topic words before any clause is set aside. */
function read(question: string) {
  const normalized = normalizeText(question, lexicon);
  const folded = foldDiacritics(normalized).toLowerCase();
  return { normalized, topic: topicWords(folded, readIntent(folded)) };
}

/** The topic words the ranking counts after one clause reader. */
function counted(reader: (normalized: string, topic: string[]) => string[], question: string): string[] {
  const { normalized, topic } = read(question);
  return reader(normalized, topic);
}

describe('a purpose clause ("để ...") does not name the procedure', () => {
  it.each([
    // "de" + a verb, typed without marks, is "để".
    ['muon xin thoi quoc tich viet nam de nhap quoc tich han quoc thi le phi bao nhieu', 'han'],
    // "vì" gives a reason the same way.
    ['Đổi thẻ căn cước vì đã thay đổi họ tên thì có mất phí không?', 'ten'],
  ])('%s drops "%s"', (question, word) => {
    expect(counted(withoutPurpose, question)).not.toContain(word);
  });

  it('drops the purpose after a named request', () => {
    const words = counted(withoutPurpose, 'xin lý lịch tư pháp để đi xuất khẩu lao động mất bao lâu');
    expect(words).toContain('ly');
    expect(words).not.toContain('xuat');
    expect(words).not.toContain('lao');
  });

  it.each([
    // The procedure is named after "để": nothing is dropped.
    ['cần chuẩn bị gì để làm hộ chiếu', 'chieu'],
    ['điều kiện để đăng ký thường trú vào nhà thuê là gì', 'thuong'],
    // "để lại" is a verb (bequeath), not a purpose.
    ['bố mẹ để lại đất cho con thừa kế thì sang tên sổ đỏ cần giấy tờ gì', 'ke'],
    // The purpose ends where the sentence goes on: "thì đăng ký thế chấp" is the request again.
    ['em thế chấp sổ đỏ để vay ngân hàng thì đăng ký thế chấp mất mấy ngày', 'dang'],
    // A question word right before "để": the procedure is named after it.
    ['Bố em vừa mất ở nhà, gia đình cần chuẩn bị giấy tờ gì để làm giấy chứng tử?', 'tu'],
    // "để trống" (leave blank) is a verb, not a purpose.
    ['con đã có giấy khai sinh nhưng để trống phần tên cha, bố muốn nhận con', 'nhan'],
    // Typed without marks, "de" may be "đề" ("đề xuất", "đề nghị"): only "de" before a verb is a purpose.
    ['Hop tac xa muon de xuat ho tro dau tu du an nang cao hieu qua chan nuoi', 'xuat'],
  ])('%s keeps "%s"', (question, word) => {
    expect(counted(withoutPurpose, question)).toContain(word);
  });
});

describe('a "chưa ..." state describes the situation, not the procedure asked for', () => {
  it.each([
    // Questions of the blind sets' kind: the request is elsewhere in the sentence.
    ['dạ em với anh ấy chưa đăng ký kết hôn mà có con rồi giờ anh ấy muốn nhận con thì làm thế nào', 'hon', 'nhan'],
    ['thủ tục nhận con khi chưa đăng ký kết hôn gồm những bước nào', 'ket', 'nhan'],
    ['thu tuc nhan con khi chua dang ky ket hon', 'hon', 'nhan'],
    // "đã có X nhưng ...": what the citizen has, set against the request.
    ['con em đã có giấy khai sinh nhưng để trống phần tên cha giờ bố cháu muốn làm thủ tục nhận con', 'khai', 'nhan'],
    // "photo / sao y X": X is the document copied, not the procedure.
    ['cong chung photo cccd het bn tien 1 trang', 'cuoc', 'photo'],
    ['photo công chứng bằng đại học mất bao nhiêu tiền một trang', 'dai', 'chung'],
    // "chứng thực / công chứng bản sao X": X is the document copied.
    ['Chứng thực bản sao thẻ căn cước ở xã mất bao nhiêu tiền một trang?', 'cuoc', 'chung'],
    // "đang X thì mất": what the deceased was doing, not the family's request.
    ['Bố tôi đang hưởng lương hưu thì mất, gia đình muốn nhận tiền tuất thì hồ sơ gồm những gì?', 'huu', 'tuat'],
    ['ba e đang đóng bảo hiểm xã hội thì mất, nhà e làm hồ sơ hưởng tử tuất cần gì', 'hiem', 'tuat'],
    // "đã X," closed by a comma: a finished step.
    ['chong em nguoi nhat, hai vo chong da dang ky ket hon, be moi sinh o viet nam, lam khai sinh cho be mat may ngay', 'hon', 'sinh'],
    // "đã X rồi": what is done already.
    ['em mua mảnh đất đã công chứng hợp đồng rồi giờ đi sang tên sổ đỏ thì mất bao nhiêu ngày', 'hop', 'ten'],
    // "từ bản chính" after the document is the procedure again ("Chứng thực bản sao từ bản chính").
    ['chung thuc ban sao bang tot nghiep tu ban chinh thi bao nhieu tien mot trang', 'nghiep', 'chinh'],
    // Where the citizen goes is not which procedure: "ở ubnd xã".
    ['photo công chứng bằng đh ở ubnd xã bn tiền 1 trang', 'xa', 'chung'],
    // The family is who asks ("gia đình đi làm ..."), not "... hộ gia đình" of a land record.
    ['dạ ông nội em mới mất thì gia đình đi làm giấy khai tử ở đâu ạ', 'dinh', 'khai'],
    ['Gia đình tôi khó khăn, muốn xin xét công nhận hộ cận nghèo thì thủ tục làm thế nào?', 'dinh', 'ngheo'],
  ])('%s drops "%s", keeps "%s"', (question, dropped, kept) => {
    const words = counted(withoutState, question);
    expect(words).not.toContain(dropped);
    expect(words).toContain(kept);
  });

  it('keeps the document of "bản sao X": "bản sao giấy khai sinh" is a procedure of its own', () => {
    expect(counted(withoutState, 'xin bản sao giấy khai sinh bao nhiêu tiền')).toContain('khai');
  });

  it('reads "có ... rồi" (already has) as a state too', () => {
    const words = counted(withoutState, 'con em có giấy khai sinh rồi giờ bố cháu muốn làm thủ tục nhận con thì mất mấy ngày');
    expect(words).not.toContain('khai');
    expect(words).toContain('nhan');
  });

  it.each([
    // The state is the request: nothing else is left.
    ['con tôi chưa đăng ký khai sinh', 'khai'],
    // The state shares its topic with the request ("sổ đỏ" ... "làm sổ").
    ['đất ông bà để lại chưa có sổ đỏ, muốn làm sổ lần đầu thì các bước thế nào', 'do'],
    // What is left tells only who and when: the state is the request.
    ['cho em hỏi con em năm nay mười sáu tuổi chưa làm căn cước thì đi làm ở đâu ạ', 'cuoc'],
    // "đã có X" names what the procedure is about ("đã có sổ đỏ giờ sang tên").
    ['bố mẹ em cho em mảnh đất đã có sổ đỏ giờ sang tên cho em thì mất bao lâu', 'do'],
    // "lần đầu" names nothing: the state is the request ("chưa có thẻ căn cước ... làm lần đầu").
    ['dạ con em năm nay mười lăm tuổi chưa có thẻ căn cước giờ đi làm lần đầu thì làm ở đâu ạ', 'cuoc'],
    // "đang X" without a death after it is the request ("đang hưởng lương hưu muốn chuyển về quê").
    ['mẹ tôi đang hưởng lương hưu thì chuyển về quê ở, muốn chuyển nơi nhận lương hưu thì làm sao', 'huu'],
    ['dang ky thuong tru cho con thi can gi', 'thuong'],
    // "hộ gia đình", "gia đình liệt sĩ" name the procedure.
    ['mua bảo hiểm y tế hộ gia đình ở đâu', 'dinh'],
    ['cấp giấy chứng nhận gia đình liệt sĩ cần giấy tờ gì', 'dinh'],
    // "thế chấp" at the start is not the follow-up filler "thế".
    ['thế chấp sổ đỏ cần giấy tờ gì', 'the'],
  ])('%s keeps "%s"', (question, word) => {
    expect(counted(withoutState, question)).toContain(word);
  });
});

describe('a "chưa ..." that procedure names say too is no story', () => {
  // Pairs as they occur in names of the crawl ("... công trình chưa vận hành", "sửa chữa, cải tạo").
  const named = (pair: string) => ['chua van', 'chua cai'].includes(pair);
  it.each([
    ['tinh tien cap quyen khai thac tai nguyen nuoc cho cong trinh chua van hanh thi trinh tu the nao', 'van'],
    // Typed plain, "sua chua cai tao" is "sửa chữa, cải tạo".
    ['xin giay phep sua chua cai tao nha o thi le phi bao nhieu', 'cai'],
  ])('%s keeps "%s"', (question, word) => {
    const { normalized, topic } = read(question);
    expect(withoutState(normalized, topic)).not.toContain(word);
    expect(withoutState(normalized, topic, named)).toContain(word);
  });
});

describe('the asked part: coverage words and the index query agree', () => {
  it('leaves the words set aside out of the query too, and keeps the question whole otherwise', () => {
    const story = read('dạ em với anh ấy chưa đăng ký kết hôn mà có con rồi giờ anh ấy muốn nhận con thì làm thế nào');
    const asked = askedPart(story.normalized, story.topic);
    expect(asked.topic).not.toContain('hon');
    expect(foldDiacritics(asked.query)).not.toMatch(/\bhon\b/);
    expect(foldDiacritics(asked.query)).toMatch(/\bnhan con\b/);
    const plain = read('đăng ký khai sinh cần giấy tờ gì');
    expect(askedPart(plain.normalized, plain.topic)).toEqual({ topic: plain.topic, query: plain.normalized });
  });

  it('keeps the purpose when the request before it names nothing ("xin giấy xác nhận ... để mua nhà ở xã hội")', () => {
    const bare = read('Xin giấy xác nhận chưa có nhà để mua nhà ở xã hội thì nộp ở đâu?');
    expect(askedPart(bare.normalized, bare.topic).topic).toEqual(expect.arrayContaining(['xa', 'hoi']));
    const named = read('xin lý lịch tư pháp để đi xuất khẩu lao động thì nộp ở đâu');
    expect(askedPart(named.normalized, named.topic).topic).not.toContain('xuat');
  });
});
