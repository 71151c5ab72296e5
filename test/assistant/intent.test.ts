import { describe, expect, it } from 'vitest';
import { readIntent, topicWords } from '../../src/assistant/intent.js';
import { foldDiacritics, normalizeText } from '../../src/search/normalize.js';
import { loadLexicon } from '../../src/search/lexicon.js';

const lexicon = await loadLexicon();
const read = (text: string) => readIntent(foldDiacritics(normalizeText(text, lexicon)).toLowerCase());

/** Cue phrases, accented and folded, in questions shaped like real ones (dev set, portal FAQ). */
const table: Array<[string, string | null]> = [
  ['Đăng ký khai sinh cho con cần mang theo giấy tờ gì?', 'papers'],
  ['dang ky khai sinh can giay to gi', 'papers'],
  ['Hồ sơ thông báo tập trung kinh tế gồm những giấy tờ gì?', 'papers'],
  ['tam ngung kinh doanh ho kinh doanh can ho so gi', 'papers'],
  ['cap ban sao giay khai sinh can gi', 'papers'],
  ['thành phần hồ sơ cấp lại sổ bảo hiểm xã hội', 'papers'],
  ['làm giấy chứng tử mất bao nhiêu tiền', 'fees'],
  ['lam ho chieu het bao nhieu tien', 'fees'],
  ['lệ phí đăng ký tạm trú', 'fees'],
  ['le phi dang ky tam tru', 'fees'],
  ['lệ phí làm hộ chiếu nộp trực tuyến', 'fees'],
  ['đăng ký kết hôn có mất phí không', 'fees'],
  ['gia hạn tạm trú mất mấy ngày', 'deadline'],
  ['dang ky ket hon mat bao lau', 'deadline'],
  ['dang ky khai tu het bao nhieu ngay', 'deadline'],
  ['làm hộ chiếu tốn bao nhiêu thời gian', 'deadline'],
  ['đổi bằng lái tốn bao nhiêu', 'fees'],
  ['Thời hạn giải quyết việc mở ngành đào tạo trình độ tiến sĩ như thế nào?', 'deadline'],
  ['bao giờ thì có kết quả cấp hộ chiếu', 'deadline'],
  ['đăng ký thường trú nộp ở đâu', 'where'],
  ['dang ky khai sinh o dau', 'where'],
  ['đăng ký giám hộ thì lên đâu làm vậy', 'where'],
  ['Thuyên chuyển trường cho học sinh tiểu học, thực hiện là cơ quan nào?', 'where'],
  ['Cơ quan có thẩm quyền cấp văn bản chấp thuận khai thác thủy sản', 'where'],
  ['khai sinh cho con có làm online được không', 'online'],
  ['dang ky thuong tru lam online tren vneid duoc khong', 'online'],
  ['đăng kí tạm trú online trên vneid đc ko', 'online'],
  ['có nộp trực tuyến được không', 'online'],
  ['thủ tục sang tên xe máy gồm những bước nào', 'steps'],
  ['Trình tự thực hiện thủ tục hỗ trợ một lần sau đầu tư đóng mới tàu cá', 'steps'],
  ['quy trinh cap doi giay phep lai xe', 'steps'],
  ['làm thế nào để đăng ký kết hôn', 'steps'],
  ['xin chào bạn', 'smalltalk'],
  ['cam on nhieu', 'smalltalk'],
  ['bạn làm được gì', 'smalltalk'],
  ['tỷ giá đô la hôm nay', 'out_of_scope'],
  ['giá vàng hôm nay bao nhiêu', 'out_of_scope'],
  ['điều chỉnh giấy chứng nhận đủ điều kiện kinh doanh xổ số cần chuẩn bị hồ sơ như thế nào', 'papers'],
  ['Đề nghị cho biết hồ sơ đề nghị cấp mới giấy chứng nhận đăng ký hoạt động giám định', 'papers'],
  ['thoi tiet ha noi ngay mai', 'out_of_scope'],
  ['tra cứu tình trạng hồ sơ 000.00.31.H56-250312-0007', 'dossier_status'],
  ['ho so 000.00.31.H56-250312-0007 den dau roi', 'dossier_status'],
  ['hồ sơ số 000.00.31.H56-250312-0007', 'dossier_status'],
  // "hồ sơ sơ tuyển" folds like "hồ sơ số": a place to apply, not a dossier to look up.
  ['con em muốn thi vào trường công an thì nộp hồ sơ sơ tuyển ở đâu', 'where'],
  ['toi muon phan anh viec giai quyet ho so bi tre han', 'feedback'],
  ['phản ánh mã PA-2026-000045 xử lý đến đâu rồi', 'feedback_status'],
  ['đăng ký thường trú', null],
  ['1.001612', null],
  // "giấy tờ tùy thân" is what the citizen has, not a request for the papers.
  ['con đã có giấy tờ tùy thân nhưng chưa từng được khai sinh thì đăng ký khai sinh thế nào', 'steps'],
  ['đăng ký khai sinh cần giấy tờ gì', 'papers'],
];

describe('intent cues', () => {
  it.each(table)('%s -> %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it('reads the same intent with and without diacritics', () => {
    const pairs = [
      ['cấp lại thẻ căn cước bị mất cần gì', 'cap lai the can cuoc bi mat can gi'],
      ['đổi giấy phép lái xe nộp ở đâu', 'doi giay phep lai xe nop o dau'],
      ['giấy phép xây dựng mất bao lâu', 'giay phep xay dung mat bao lau'],
    ];
    for (const [a, b] of pairs) expect(read(a).intent).toBe(read(b).intent);
  });
});

describe('topic words', () => {
  const topic = (text: string) => {
    const folded = foldDiacritics(normalizeText(text, lexicon)).toLowerCase();
    return topicWords(folded, readIntent(folded));
  };
  it('leaves nothing for a bare follow-up', () => {
    expect(topic('còn lệ phí thì sao?')).toEqual([]);
    expect(topic('nộp ở đâu?')).toEqual([]);
    expect(topic('online được không?')).toEqual([]);
    expect(topic('mất bao lâu vậy')).toEqual([]);
    expect(topic('còn cần những loại giấy tờ gì')).toEqual([]);
    expect(topic('làm như thế nào')).toEqual([]);
  });
  it('keeps the procedure words inside a cue ("hồ sơ X cần gì", "thủ tục X như thế nào")', () => {
    expect(topic('hồ sơ khai sinh cần gì')).toEqual(['khai', 'sinh']);
    expect(topic('thủ tục đăng ký khai sinh như thế nào')).toEqual(['dang', 'ky', 'khai', 'sinh']);
    expect(topic('nhà e làm hồ sơ hưởng tử tuất cần gì')).toEqual(expect.arrayContaining(['huong', 'tu', 'tuat']));
  });
  it('keeps the procedure words of a new question', () => {
    expect(topic('lệ phí đăng ký kết hôn')).toEqual(['dang', 'ky', 'ket', 'hon']);
  });
  it('keeps words whose folded form collides with filler', () => {
    expect(topic('xin cấp lại sổ đỏ')).toContain('do');
    expect(topic('cấp bản sao giấy khai sinh')).toEqual(expect.arrayContaining(['ban', 'sao']));
    expect(topic('rút bảo hiểm xã hội một lần')).toContain('hoi');
    expect(topic('đăng ký nhận cha mẹ con')).toContain('con');
    expect(topic('giấy phép xây dựng nhà ở')).toContain('nha');
  });
});
