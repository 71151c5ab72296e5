import { describe, expect, it } from 'vitest';
import { spokenNumber, writeSpokenAges } from '../../src/search/spoken-age.js';
import { normalizeText } from '../../src/search/normalize.js';

describe('ages said in words are written as digits', () => {
  it.each([
    // Voice transcripts and typed messages of the eval sets' kind.
    ['dạ con tôi năm nay mười lăm tuổi chưa làm căn cước', 'dạ con tôi năm nay 15 tuổi chưa làm căn cước'],
    ['con em muoi lam tuoi lam can cuoc o dau', 'con em 15 tuoi lam can cuoc o dau'],
    ['bé năm tuổi đi làm căn cước', 'bé 5 tuổi đi làm căn cước'],
    ['cháu hai mươi mốt tuổi rồi', 'cháu 21 tuổi rồi'],
    ['ông ba mươi tư tuổi', 'ông 34 tuổi'],
    ['cụ một trăm linh năm tuổi', 'cụ 105 tuổi'],
    ['mười bốn tuổi', '14 tuổi'],
    ['bố tám mươi tuổi', 'bố 80 tuổi'],
    // An age typed short after a word for a person; money ("hết 15t") is left alone.
    ['con e 15t lần đầu đi làm cccd', 'con e 15 tuổi lần đầu đi làm cccd'],
    ['bé 6t đi làm căn cước', 'bé 6 tuổi đi làm căn cước'],
    ['hết 15t', 'hết 15t'],
    // Left alone: digits already, no number before "tuổi", "tuổi" absent.
    ['con 15 tuổi', 'con 15 tuổi'],
    ['năm nay tuổi gì', 'năm nay tuổi gì'],
    ['năm nay làm căn cước', 'năm nay làm căn cước'],
    ['hai mươi, tuổi', 'hai mươi, tuổi'],
  ])('%s', (text, expected) => {
    expect(writeSpokenAges(text)).toBe(expected);
  });

  it.each([
    [['mười'], 10], [['mười', 'lăm'], 15], [['hai', 'mươi'], 20], [['hai', 'mươi', 'mốt'], 21],
    [['chín', 'mươi', 'chín'], 99], [['một', 'trăm'], 100], [['một', 'trăm', 'lẻ', 'hai'], 102],
    [['không'], 0], [['mot', 'tram', 'linh', 'nam'], 105],
  ] as const)('%j is %i', (words, value) => {
    expect(spokenNumber([...words])).toBe(value);
  });

  it.each([[['nay']], [['một', 'mươi']], [['mười', 'hai', 'ba']], [[]]] as const)('%j is not a number', (words) => {
    expect(spokenNumber([...words])).toBeNull();
  });

  it('is part of normalization, so the age rule reads spoken ages', () => {
    expect(normalizeText('con em mười lăm tuổi')).toBe('con em 15 tuổi');
  });
});
