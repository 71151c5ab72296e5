import { romanValue } from './roman-numeral.js';
import { numberWords } from './number-words.js';

/**
 * Units of measure after a number ("100 m2", "5 kg", "2 ha") said in full, so "m2" is not spelled
 * "em mờ hai"; Roman numerals after the words that use them ("Phụ lục II", "quý III") as numbers.
 */
export const unitWords: Record<string, string> = {
  m2: 'mét vuông', 'm²': 'mét vuông', km2: 'ki lô mét vuông', 'km²': 'ki lô mét vuông', m3: 'mét khối', 'm³': 'mét khối',
  km: 'ki lô mét', cm: 'xen ti mét', mm: 'mi li mét', m: 'mét', kg: 'ki lô gam', ha: 'héc ta',
  l: 'lít', ml: 'mi li lít', kW: 'ki lô oát', kWh: 'ki lô oát giờ', MW: 'mê ga oát', cc: 'xê xê', km_h: 'ki lô mét một giờ',
};

const unitPattern = new RegExp(
  `(?<=\\d)\\s?(km\\/h|${Object.keys(unitWords).filter((u) => u !== 'km_h').sort((a, b) => b.length - a.length).map((u) => u.replace('²', '\\u00b2').replace('³', '\\u00b3')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

export function rewriteUnits(text: string): string {
  return text.replace(unitPattern, (_m, unit: string) => ` ${unit === 'km/h' ? unitWords.km_h : unitWords[unit]}`);
}

const romanAfter = /(?<![\p{L}])(Chương|chương|Mục|mục|Phần|phần|Phụ lục|phụ lục|Quý|quý|Khóa|khóa|Khoá|khoá|Tập|tập|Đợt|đợt|Kỳ|kỳ|Cấp|cấp|Nhóm|nhóm|Loại|loại|Hạng|hạng)\s+([IVXLC]{1,6})(?![\p{L}\p{N}])/gu;

export function rewriteRomanNumerals(text: string): string {
  return text.replace(romanAfter, (m, word: string, roman: string) => {
    const n = romanValue(roman);
    return n ? `${word} ${numberWords(n)}` : m;
  });
}
