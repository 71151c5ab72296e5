import { decimalWords, numberWords } from './number-words.js';

/**
 * Amounts of money as spoken: 50.000 đồng -> "năm mươi nghìn đồng", 10 USD -> "mười đô la Mỹ".
 * The national portal writes amounts the English way ("70,000 Việt Nam Đồng") while officials
 * write them the Vietnamese way ("1.200.000đ"); both are read the same.
 */
export type Currency = 'VND' | 'USD';

export function speakMoney(amount: number, currency: Currency = 'VND'): string {
  const unit = currency === 'USD' ? 'đô la Mỹ' : 'đồng';
  return `${numberWords(amount)} ${unit}`;
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const amount = '(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:,\\d+)?)';
const dong = '(?:Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|vnđ|vnd|đồng|Đồng|đ)';
const usd = '(?:USD|usd|đô la Mỹ|đô la|đô)';
const scale = '(?:\\s*(nghìn|ngàn|triệu|tỷ|tỉ))?';
const dongPattern = new RegExp(`${L}${amount}${scale}\\s?${dong}${R}`, 'gu');
const usdPattern = new RegExp(`${L}${amount}${scale}\\s?${usd}${R}`, 'gu');
const dollarSign = new RegExp(`\\$\\s?${amount}${R}`, 'gu');

/**
 * Parse an amount as written beside a currency. Groups of exactly three digits after a dot or
 * a comma are thousands ("70,000", "1.200.000"); a comma with other digits is a decimal ("1,5").
 */
export function parseAmount(text: string): { value: number; words: string } {
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(text)) {
    const value = Number(text.replace(/[.,]/g, ''));
    return { value, words: numberWords(value) };
  }
  if (text.includes(',')) return { value: Number(text.replace(',', '.')), words: decimalWords(text) };
  const value = Number(text);
  return { value, words: numberWords(value) };
}

function spoken(num: string, scaleWord: string | undefined, unit: string): string {
  const words = parseAmount(num).words;
  const scaleText = scaleWord ? ` ${scaleWord === 'ngàn' ? 'nghìn' : scaleWord === 'tỉ' ? 'tỷ' : scaleWord}` : '';
  return `${words}${scaleText} ${unit}`;
}

/** Rewrite every amount of money in a text into words. */
export function rewriteMoney(text: string): string {
  return text
    .replace(dongPattern, (_m, num: string, scaleWord?: string) => spoken(num, scaleWord, 'đồng'))
    .replace(usdPattern, (_m, num: string, scaleWord?: string) => spoken(num, scaleWord, 'đô la Mỹ'))
    .replace(dollarSign, (_m, num: string) => spoken(num, undefined, 'đô la Mỹ'));
}
