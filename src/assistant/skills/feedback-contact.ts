import { normalizeEmail, normalizePhone } from '../../feedback/contact.js';

/**
 * The contact details the feedback dialogue collects, validated one at a time so each bad value
 * gets its own plain Vietnamese explanation. Pure functions.
 */
export type ContactReading =
  | { ok: true; phone: string; email?: undefined }
  | { ok: true; email: string; phone?: undefined }
  | { ok: false; userMessage: string };

/**
 * A Vietnamese phone number or an e-mail address, read with the feedback domain's own rules
 * (src/feedback/contact.ts), so whatever the dialogue accepts the service accepts too.
 */
export function readContact(text: string): ContactReading {
  const t = contactPart(text.trim());
  if (t.includes('@')) {
    const email = normalizeEmail(t.replace(/^mailto:/i, ''));
    if (email) return { ok: true, email };
    return { ok: false, userMessage: 'Địa chỉ email chưa đúng, ví dụ đúng: nguyenvanan@gmail.com. Xin bạn nhập lại.' };
  }
  if (!/^[+\d\s.()-]+$/.test(t) || !/\d/.test(t)) {
    return { ok: false, userMessage: 'Xin bạn nhập số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ email để nhận kết quả.' };
  }
  const phone = normalizePhone(t);
  if (phone) return { ok: true, phone };
  return { ok: false, userMessage: 'Số điện thoại chưa đúng: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678). Xin bạn nhập lại.' };
}

/**
 * "số điện thoại của tôi là 0912 345 678", "email: an@gmail.com": the contact inside a sentence.
 * Only one candidate is taken; with two different ones the text is read as a whole and refused.
 */
function contactPart(t: string): string {
  const emails = t.match(/[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+/g) ?? [];
  if (emails.length === 1 && emails[0] !== t) return emails[0].replace(/[.]+$/, '');
  if (emails.length > 0) return t;
  const phones = t.match(/\+?\d[\d .()-]{7,}\d/g) ?? [];
  return phones.length === 1 ? phones[0] : t;
}

/** Words that appear in questions and never in Vietnamese names: the person is asking something else. */
const QUESTION = /\b(?:bao nhieu|the nao|o dau|thu tuc|le phi|giay to|ho so|lam sao|khong|gi|nhu nao|phan anh)\b/;
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

export type NameReading = { ok: true; name: string } | { ok: false; userMessage: string };

/** A person's full name: letters (any script, with diacritics), spaces, apostrophes and hyphens. */
export function readName(text: string): NameReading {
  const name = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length < 2) return { ok: false, userMessage: 'Xin bạn cho biết họ và tên, ví dụ: Nguyễn Văn An.' };
  if (name.length > 100) return { ok: false, userMessage: 'Họ và tên dài quá 100 ký tự. Xin bạn nhập lại.' };
  if (!/^[\p{L}][\p{L}\p{M}' -]*$/u.test(name)) {
    return { ok: false, userMessage: 'Họ và tên chỉ gồm chữ cái, ví dụ: Nguyễn Văn An. Xin bạn nhập lại.' };
  }
  if (name.split(' ').length > 7 || QUESTION.test(fold(name))) {
    return { ok: false, userMessage: 'Đây có vẻ không phải họ tên. Xin bạn chỉ nhập họ và tên, ví dụ: Nguyễn Văn An.' };
  }
  return { ok: true, name };
}

export type ContentReading = { ok: true; content: string } | { ok: false; userMessage: string };

export const MAX_CONTENT = 4000;

/** The feedback as typed (kept exactly, only trimmed), long enough to act on, without markup. */
export function readContent(text: string): ContentReading {
  const content = text.trim();
  if (content.replace(/\s/g, '').length < 10) {
    return { ok: false, userMessage: 'Nội dung hơi ngắn. Xin bạn mô tả rõ sự việc: ở đâu, khi nào, ai hoặc thủ tục nào liên quan.' };
  }
  if (content.length > MAX_CONTENT) {
    return { ok: false, userMessage: `Nội dung dài ${content.length.toLocaleString('vi-VN')} ký tự, vượt quá 4.000 ký tự. Xin bạn rút gọn lại.` };
  }
  if (/<\s*\/?\s*[a-z!?][^>]*>/i.test(content)) {
    return { ok: false, userMessage: 'Nội dung không được chứa mã HTML hay thẻ <...>. Xin bạn gửi lại bằng chữ thường.' };
  }
  return { ok: true, content };
}
