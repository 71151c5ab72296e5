import { describe, expect, it } from 'vitest';
import { decimalWords, digitsWords, monthWords, numberWords, ordinalWords, rewriteNumbers } from '../../src/voice/number-words.js';

const numbers: [number, string][] = [
  [0, 'không'], [1, 'một'], [4, 'bốn'], [5, 'năm'], [9, 'chín'], [10, 'mười'], [11, 'mười một'],
  [14, 'mười bốn'], [15, 'mười lăm'], [19, 'mười chín'], [20, 'hai mươi'], [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'], [25, 'hai mươi lăm'], [30, 'ba mươi'], [31, 'ba mươi mốt'], [44, 'bốn mươi tư'],
  [55, 'năm mươi lăm'], [70, 'bảy mươi'], [99, 'chín mươi chín'], [100, 'một trăm'], [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'], [105, 'một trăm linh năm'], [110, 'một trăm mười'], [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'], [121, 'một trăm hai mươi mốt'], [200, 'hai trăm'], [305, 'ba trăm linh năm'],
  [999, 'chín trăm chín mươi chín'], [1000, 'một nghìn'], [1001, 'một nghìn không trăm linh một'],
  [1005, 'một nghìn không trăm linh năm'], [1010, 'một nghìn không trăm mười'], [1050, 'một nghìn không trăm năm mươi'],
  [1100, 'một nghìn một trăm'], [1523, 'một nghìn năm trăm hai mươi ba'], [2000, 'hai nghìn'],
  [2018, 'hai nghìn không trăm mười tám'], [2024, 'hai nghìn không trăm hai mươi tư'],
  [2025, 'hai nghìn không trăm hai mươi lăm'], [10_000, 'mười nghìn'], [15_000, 'mười lăm nghìn'],
  [20_000, 'hai mươi nghìn'], [21_000, 'hai mươi mốt nghìn'], [50_000, 'năm mươi nghìn'],
  [100_000, 'một trăm nghìn'], [135_000, 'một trăm ba mươi lăm nghìn'], [200_000, 'hai trăm nghìn'],
  [250_500, 'hai trăm năm mươi nghìn năm trăm'], [1_000_000, 'một triệu'], [1_000_005, 'một triệu không trăm linh năm'],
  [1_005_000, 'một triệu không trăm linh năm nghìn'], [1_200_000, 'một triệu hai trăm nghìn'],
  [1_500_000, 'một triệu năm trăm nghìn'], [2_500_000, 'hai triệu năm trăm nghìn'],
  [10_000_000, 'mười triệu'], [125_000_000, 'một trăm hai mươi lăm triệu'], [1_000_000_000, 'một tỷ'],
  [2_000_000_001, 'hai tỷ không trăm linh một'], [1_000_000_000_000, 'một nghìn tỷ'],
  [1_002_000_000_000, 'một nghìn không trăm linh hai tỷ'], [-5, 'âm năm'],
];

describe('numberWords', () => {
  it.each(numbers)('%d -> %s', (n, words) => expect(numberWords(n)).toBe(words));
});

const decimals: [string, string][] = [
  ['2,5', 'hai phẩy năm'], ['0,25', 'không phẩy hai mươi lăm'], ['1,05', 'một phẩy không năm'], ['10,1', 'mười phẩy một'],
];
describe('decimalWords', () => {
  it.each(decimals)('%s -> %s', (text, words) => expect(decimalWords(text)).toBe(words));
});

describe('digits, months and ordinals', () => {
  it.each([
    ['0912', 'không chín một hai'], ['004222', 'không không bốn hai hai hai'], ['1900', 'một chín không không'],
  ])('digitsWords %s', (d, w) => expect(digitsWords(d)).toBe(w));
  it.each([[1, 'một'], [4, 'tư'], [10, 'mười'], [11, 'mười một'], [12, 'mười hai']] as const)('month %d', (m, w) => expect(monthWords(m)).toBe(w));
  it.each([[1, 'thứ nhất'], [2, 'thứ hai'], [3, 'thứ ba'], [4, 'thứ tư'], [7, 'thứ bảy'], [11, 'thứ mười một']] as const)(
    'ordinal %d', (n, w) => expect(ordinalWords(n)).toBe(w));
});

const rewrites: [string, string][] = [
  ['tăng 15%', 'tăng mười lăm phần trăm'],
  ['giảm 2,5%', 'giảm hai phẩy năm phần trăm'],
  ['15-20 ngày', 'mười lăm đến hai mươi ngày'],
  ['Số 44-46 đường Trần Phú', 'Số bốn mươi tư, bốn mươi sáu đường Trần Phú'],
  ['1.000 người', 'một nghìn người'],
  ['1,000,000 lượt', 'một triệu lượt'],
  ['người dưới 14 tuổi', 'người dưới mười bốn tuổi'],
  ['Mẫu số 04', 'Mẫu số bốn'],
  ['05 ngày', 'năm ngày'],
  ['Quận 1', 'Quận một'],
  ['khoản 2 Điều 24', 'khoản hai Điều hai mươi tư'],
  ['số 0123456', 'số không một hai ba bốn năm sáu'],
  ['mã 123456789', 'mã một hai ba bốn năm sáu bảy tám chín'],
];
describe('rewriteNumbers', () => {
  it.each(rewrites)('%s', (text, spoken) => expect(rewriteNumbers(text)).toBe(spoken));
});
