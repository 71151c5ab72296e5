import type { Reply } from '../assistant/turn.js';
import { rewriteAbbreviations } from './abbreviation.js';
import { rewriteCodes } from './code.js';
import { rewriteDates } from './date.js';
import { rewriteLegalReferences } from './legal-reference.js';
import { rewriteLinks } from './link.js';
import { rewriteLetteredItems, rewriteLists } from './list.js';
import { rewriteMoney } from './money.js';
import { ordinalWords, rewriteNumbers } from './number-words.js';
import { phrases, sentences } from './sentence.js';
import { rewriteRomanNumerals, rewriteUnits } from './unit.js';
import { letterName } from './letters.js';

/**
 * The spoken form of a reply, for voice channels (Direct Line Speech, telephony) and the
 * `speak` field of `ask --jsonl`. Each step is a pure rewrite; the order matters: links and
 * lists first (they own punctuation and line starts), then legal numbers, dates and money
 * (they own slashes, dots and currency), then codes, abbreviations and the remaining numbers.
 */
export const defaultVoice = 'vi-VN-HoaiMyNeural';

function stripMarkup(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/__|`+/g, '')
    // Portal cells arrive glued ("Trực tiếp7 Ngày làm việc70,000 Việt Nam Đồng"): part a Vietnamese word from its number.
    .replace(/(?<=\p{L}*[^\x00-\x7F]\p{L}*)(?=\d)/gu, ' ')
    // ... and the other way round ("01ngày", "2026Mẫu", "1Miễn phí").
    .replace(/(?<=\d)(?=\p{L}*[^\x00-\x7F\s\d])(?=\p{L})/gu, ' ')
    .replace(/^\s*#+\s*/gm, '')
    .replace(/^\s*>\s?/gm, '');
}

/**
 * Masked names ("Nguyễn V. A.") would be cut into one-letter sentences at each dot; the initials
 * are said by name and the group keeps one final dot.
 */
function rewriteInitials(text: string): string {
  return text.replace(/(?<=\p{Lu}\p{Ll}*\s)((?:[A-ZĐ]\.\s?)+)/gu, (group: string) => {
    const letters = group.match(/[A-ZĐ]/g)!.map(letterName).join(' ');
    return `${letters}.${/\s$/.test(group) ? group.match(/\s+$/)![0] : ''}`;
  });
}

function tidySymbols(text: string): string {
  return text
    .replace(/(đồng|đô la Mỹ)\s?\/\s?(?=\p{L})/gu, '$1 một ')
    .replace(/(và|hoặc)\s?\/\s?(và|hoặc)/giu, '$1 $2')
    .replace(/(ngày|tháng)\s?\/\s?(?=tháng|năm)/giu, '$1 ')
    // "50.000/lần", "đồng/thẻ": a slash before a unit means "per".
    .replace(/\s?\/\s?(?=(?:lần|người|thẻ|bản|trang|hồ sơ|giấy|tờ|chiếc|khẩu|xe|con|năm|tháng|ngày|trường hợp|hộ|cuốn|quyển|bộ)(?!\p{L}))/giu, ' một ')
    .replace(/(^|\s)\+\s/g, '$1')
    .replace(/(?<=\p{L})\s?\/\s?(?=\p{L})/gu, ' hoặc ')
    .replace(/\s?&\s?/g, ' và ')
    .replace(/\/(?=\s*[.,;:!?]|\s*$)/gm, '')
    .replace(/\s[–—]\s|\s-\s/g, ', ')
    .replace(/([,(])\s*-\s+/g, '$1 ')
    .replace(/[()[\]{}]/g, ', ')
    .replace(/[*"“”«»|_~^<>#]/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/…\.+/g, '…')
    .replace(/([.!?])(?:\s*[.,])+/g, '$1')
    .replace(/^[\s,;:]+/gm, '')
    .replace(/[ \t]+/g, ' ');
}

/** Plain spoken text for one written text: numbers, dates, money, codes and abbreviations in words. */
export function speakText(text: string): string {
  let s = stripMarkup(text);
  s = rewriteLinks(s);
  s = rewriteInitials(s);
  s = rewriteLists(s);
  s = rewriteLetteredItems(s);
  s = rewriteLegalReferences(s);
  s = rewriteDates(s);
  s = rewriteMoney(s);
  s = rewriteUnits(s);
  s = rewriteRomanNumerals(s);
  s = rewriteCodes(s);
  s = rewriteAbbreviations(s);
  s = rewriteNumbers(s);
  s = tidySymbols(s);
  return sentences(s).join(' ');
}

/** A speak field that is SSML is reduced to its text, so replies can be joined into one utterance. */
function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<\/s>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Choices are read unless the text already lists them (a clarifying question with its numbered list). */
function speakChoices(reply: Reply): string {
  if (!reply.choices?.length) return '';
  const bare = (label: string) => label.replace(/^\s*\d{1,2}[.)]\s*/, '').trim();
  if (reply.choices.every((c) => reply.text.includes(bare(c.label)))) return '';
  const items = reply.choices.map((c, i) => `${ordinalWords(i + 1)}, ${speakText(c.label.replace(/^\s*\d{1,2}[.)]\s*/, '')).replace(/[.!?]+$/, '')}`);
  return `Bạn có thể chọn: ${items.join('; ')}.`;
}

/** The spoken text for a whole answer: every reply, its choices, and a pointer to its link. */
export function speakReplies(replies: Reply[]): string {
  const parts: string[] = [];
  for (const reply of replies) {
    if (reply.speak) {
      parts.push(reply.speak.trimStart().startsWith('<') ? ssmlToText(reply.speak) : reply.speak);
      continue;
    }
    parts.push(speakText(reply.text));
    const choices = speakChoices(reply);
    if (choices) parts.push(choices);
    if (reply.link && !/https?:\/\//.test(reply.text)) parts.push('Chi tiết có trong đường dẫn gửi kèm tin nhắn.');
  }
  return parts.filter(Boolean).join(' ');
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * SSML for a vi-VN neural voice (Azure Speech, Direct Line Speech). Pass spoken text
 * (from `speakReplies`); each sentence becomes an `<s>`, read slightly slower than default
 * because many listeners are elderly.
 */
export function toSsml(text: string, opts: { voice?: string; rate?: string } = {}): string {
  const voice = opts.voice ?? defaultVoice;
  const body = sentences(text)
    .map((s) => `<s>${phrases(s).map(escapeXml).join('<break strength="medium"/>')}</s>`)
    .join('');
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="vi-VN">`
    + `<voice name="${escapeXml(voice)}"><prosody rate="${escapeXml(opts.rate ?? '-5%')}">${body}</prosody></voice></speak>`;
}
