import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderActivities } from '../../bots/botframework/render.js';
import { renderTelegram } from '../../bots/telegram/render.js';
import { splitText } from '../../bots/text-split.js';
import { renderZaloBot } from '../../bots/zalo-bot/channel.js';
import { renderZalo } from '../../bots/zalo/render.js';
import { hasShared, portalCrawl } from '../support/shared.js';

/** Long real texts: the "trình tự thực hiện" (steps) of procedures from the national portal crawl. */
function realSteps(count: number): string[] {
  const lines = readFileSync(portalCrawl, 'utf8').split('\n').filter(Boolean);
  return lines
    .map((l) => (JSON.parse(l) as { trinh_tu_thuc_hien?: string }).trinh_tu_thuc_hien ?? '')
    .filter((t) => t.length > 3000)
    .slice(0, count);
}

describe('splitText', () => {
  it.each([
    ['short text stays whole', 'Lệ phí: 50.000 đồng.', 100, ['Lệ phí: 50.000 đồng.']],
    ['cuts between paragraphs first', 'Bước 1: Nộp hồ sơ.\n\nBước 2: Nhận kết quả.', 30, ['Bước 1: Nộp hồ sơ.', 'Bước 2: Nhận kết quả.']],
    ['then at a line break', 'a) Tờ khai;\nb) Bản sao giấy khai sinh;\nc) Ảnh 4x6', 30, ['a) Tờ khai;', 'b) Bản sao giấy khai sinh;', 'c) Ảnh 4x6']],
    ['then after a sentence', 'Nộp tại Công an cấp xã. Thời hạn 7 ngày làm việc.', 30, ['Nộp tại Công an cấp xã.', 'Thời hạn 7 ngày làm việc.']],
    ['then at a space', 'Giấy tờ chứng minh chỗ ở hợp pháp', 12, ['Giấy tờ', 'chứng minh', 'chỗ ở hợp', 'pháp']],
    ['a word longer than the limit is cut', 'aaaaaaaaaa', 4, ['aaaa', 'aaaa', 'aa']],
    ['empty text gives nothing', '   ', 10, []],
  ])('%s', (_name, text, limit, expected) => {
    expect(splitText(text, limit)).toEqual(expected);
  });

  it('never cuts a surrogate pair', () => {
    const parts = splitText('😀😀😀😀😀', 3);
    for (const p of parts) expect(p).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    expect(parts.join('')).toBe('😀😀😀😀😀');
  });

  describe.skipIf(!hasShared)('on real procedure steps', () => {
    const texts = hasShared ? realSteps(20) : [];
    it.each([2000, 4096, 700])('keeps every word within %i characters', (limit) => {
      expect(texts.length).toBeGreaterThan(5);
      for (const text of texts) {
        const parts = splitText(text, limit);
        expect(parts.every((p) => p.length <= limit && p.length > 0)).toBe(true);
        // Nothing lost or reordered: the words read the same.
        expect(parts.join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
        if (text.length > limit) expect(parts.length).toBeGreaterThan(1);
      }
    });
  });
});

const choices = [
  { label: '1. Đăng ký khai sinh', value: '1' },
  { label: '2. Đăng ký khai sinh có yếu tố nước ngoài', value: '2' },
];

describe('channel rendering', () => {
  it('Telegram: inline keyboard under the last part, link kept in the text', () => {
    const msgs = renderTelegram({ text: 'x '.repeat(3000), choices, link: { title: 'Xem thủ tục', url: 'https://dichvucong.gov.vn/p/1' } });
    expect(msgs).toHaveLength(2);
    expect(msgs[0].reply_markup).toBeUndefined();
    expect(msgs[1].reply_markup?.inline_keyboard).toEqual([[{ text: choices[0].label, callback_data: '1' }], [{ text: choices[1].label, callback_data: '2' }]]);
    expect(msgs[1].text).toContain('https://dichvucong.gov.vn/p/1');
  });

  it('Telegram: a choice value longer than 64 bytes is sent as its number', () => {
    const [m] = renderTelegram({ text: 'Chọn', choices: [{ label: 'Dài', value: 'đăng ký thường trú '.repeat(5) }] });
    expect(m.reply_markup?.inline_keyboard[0][0].callback_data).toBe('1');
  });

  it('Zalo OA: 2,000-character parts, oa.query.show buttons (at most five)', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, value: String(i + 1) }));
    const msgs = renderZalo({ text: 'Bước 1: nộp hồ sơ. '.repeat(200), choices: many });
    expect(msgs.length).toBeGreaterThan(1);
    expect(msgs.every((m) => m.text.length <= 2000)).toBe(true);
    const buttons = msgs.at(-1)!.attachment!.payload.buttons;
    expect(buttons).toHaveLength(5);
    expect(buttons[0]).toEqual({ title: 'Lựa chọn 1', type: 'oa.query.show', payload: '1' });
  });

  it('Zalo Bot: numbered choices appended only when the text does not list them', () => {
    expect(renderZaloBot({ text: 'Bạn muốn hỏi thủ tục nào?', choices })[0]).toContain('\n1. 1. Đăng ký khai sinh');
    expect(renderZaloBot({ text: `Bạn muốn hỏi thủ tục nào?\n${choices.map((c) => c.label).join('\n')}`, choices })[0].match(/Đăng ký khai sinh có/g)).toHaveLength(1);
  });

  it('Bot Framework: speak in vi-VN SSML, input hints, suggested actions', () => {
    const acts = renderActivities([{ text: 'Lệ phí là 50.000 đồng.' }, { text: 'Bạn chọn thủ tục nào?', choices }]);
    expect(acts[0].speak).toMatch(/^<speak[^>]+xml:lang="vi-VN"/);
    expect(acts[0].speak).toContain('năm mươi nghìn đồng');
    expect(acts.map((a) => a.inputHint)).toEqual(['ignoringInput', 'expectingInput']);
    expect(acts[1].suggestedActions?.actions).toEqual(choices.map((c) => ({ type: 'imBack', title: c.label, value: c.value })));
    expect(renderActivities([{ text: 'Xin chào' }])[0].inputHint).toBe('acceptingInput');
  });
});
