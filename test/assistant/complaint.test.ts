import { describe, expect, it } from 'vitest';
import { complaintAspect, settlesComplaintOn } from '../../src/assistant/complaint.js';
import { readIntent } from '../../src/assistant/intent.js';
import type { Intent } from '../../src/assistant/turn.js';
import { foldDiacritics } from '../../src/search/normalize.js';

const aspects = new Set<Intent>(['papers', 'fees', 'deadline', 'where', 'online', 'steps', 'overview']);
const fold = (s: string) => foldDiacritics(s.toLowerCase());
const aspectOf = (q: string) => complaintAspect(fold(q), readIntent(fold(q)), aspects);

describe('complaints about what a published procedure settles', () => {
  it.each([
    ['muốn khiếu nại quyết định xử phạt của công an thì nộp đơn ở đâu', 'where'],
    ['khieu nai quyet dinh cua canh sat giao thong thi trinh tu the nao', 'steps'],
    // "tố cáo cán bộ" reads as feedback; the aspect asked still counts.
    ['Tôi gửi đơn tố cáo cán bộ công an, thời hạn giải quyết tố cáo là bao lâu?', 'deadline'],
    // No aspect asked, or no complaint at all.
    ['tôi muốn tố cáo cán bộ xã nhận tiền', null],
    ['đăng ký khai sinh ở đâu', null],
  ])('%s -> %s', (question, aspect) => {
    expect(aspectOf(question)).toBe(aspect);
  });

  // Names as published in the crawl.
  const police = 'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân (thực hiện tại cấp tỉnh)';
  const legalAid = 'Thủ tục giải quyết khiếu nại về trợ giúp pháp lý';
  it.each([
    [police, 'khiếu nại quyết định xử phạt của cảnh sát giao thông', true],
    [police, 'khiếu nại quyết định của công an xã', true],
    [police, 'khiếu nại quyết định xử phạt của ủy ban nhân dân xã', false],
    [legalAid, 'không đồng ý với trung tâm trợ giúp pháp lý, muốn khiếu nại', true],
    [legalAid, 'muốn khiếu nại cán bộ địa chính', false],
    ['Đăng ký khai sinh', 'khiếu nại công an', false],
  ])('%s / %s -> %s', (name, question, settles) => {
    expect(settlesComplaintOn(name, fold(question))).toBe(settles);
  });
});
