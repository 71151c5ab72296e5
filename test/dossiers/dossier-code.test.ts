import { describe, expect, it } from 'vitest';
import { candidateCode, findDossierCode, normalizeDossierCode, spokenToCharacters } from '../../src/dossiers/dossier-code.js';
import { spellCode } from '../../src/voice/code.js';

const typed: [string, string, 'national' | 'short' | 'other'][] = [
  ['000.00.12.H23-241115-0001', '000.00.12.H23-241115-0001', 'national'],
  ['Hồ sơ 000.00.12.H23-241115-0001 của tôi đến đâu rồi?', '000.00.12.H23-241115-0001', 'national'],
  ['ma ho so 000.00.12.h23-241115-0001', '000.00.12.H23-241115-0001', 'national'],
  ['000 00 12 H23 241115 0001', '000.00.12.H23-241115-0001', 'national'],
  ['000.00.12.H23 - 241115 - 0001', '000.00.12.H23-241115-0001', 'national'],
  ['0000012H23-241115-0001', '000.00.12.H23-241115-0001', 'national'],
  ['0000012h232411150001', '000.00.12.H23-241115-0001', 'national'],
  ['000.00.12.H23.241115.0001', '000.00.12.H23-241115-0001', 'national'],
  ['000.00.12.H 23-241115-0001', '000.00.12.H23-241115-0001', 'national'],
  ['000.20.25.H56-240903-0102', '000.20.25.H56-240903-0102', 'national'],
  ['38.98.H29-210519-0013', '38.98.H29-210519-0013', 'short'],
  ['hồ sơ 38.98.h29-210519-0013 xong chưa', '38.98.H29-210519-0013', 'short'],
  ['3898H29 210519 0013', '38.98.H29-210519-0013', 'short'],
  ['H23.22-241115-0001', 'H23.22-241115-0001', 'other'],
  ['mã G01-240101-00012', 'G01-240101-00012', 'other'],
];

const spoken: [string, string][] = [
  ['không không không chấm không không chấm một hai chấm hát hai ba gạch hai bốn một một một năm gạch không không không một', '000.00.12.H23-241115-0001'],
  ['mã hồ sơ là ba tám chấm chín tám chấm hắt hai chín gạch hai một không năm một chín gạch không không một ba ạ', '38.98.H29-210519-0013'],
  ['Không không không, chấm, không không, chấm, một hai, chấm, hát hai ba, gạch ngang, hai bốn một một một lăm, gạch ngang, không không không một.', '000.00.12.H23-241115-0001'],
  ['000 chấm 00 chấm 12 chấm h23 gạch 241115 gạch 0001', '000.00.12.H23-241115-0001'],
  ['không không không không không một hai hát hai ba hai bốn một một một năm không không không một', '000.00.12.H23-241115-0001'],
  ['ba tám chín tám hờ hai chín hai một không năm một chín không không một ba', '38.98.H29-210519-0013'],
  ['không không không chấm không không chấm mười hai chấm hát hai mươi ba gạch hai mươi tư mười một mười lăm gạch không không không một', '000.00.12.H23-241115-0001'],
  ['ba mươi tám chấm chín mươi tám chấm hát hai mươi chín gạch hai mươi mốt không năm mười chín gạch không không mười ba', '38.98.H29-210519-0013'],
  ['không không không chấm không không chấm mười hai chấm hát hai ba gạch hai bốn mười một ba mươi gạch không không mười', '000.00.12.H23-241130-0010'],
  ['hồ sơ ba tám chấm chín tám chấm hát hai chín gạch hai một không năm một chín gạch không không một ba đến đâu rồi', '38.98.H29-210519-0013'],
];

const qr: [string, string][] = [
  ['https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma_ho_so=000.00.12.H23-241115-0001', '000.00.12.H23-241115-0001'],
  ['https://motcua.example.gov.vn/tracuu?mhs=38.98.H29-210519-0013&t=1', '38.98.H29-210519-0013'],
  ['{"MaHoSo":"000.00.12.H23-241115-0001","TenTTHC":"Đăng ký thường trú"}', '000.00.12.H23-241115-0001'],
  ['{"MaHoSo":"G22.45-240101-12345","ChuHoSo":"x"}', 'G22.45-240101-12345'],
  ['MaHoSo: HS-2024-0001234 | Ngày hẹn: 26/11/2024', 'HS-2024-0001234'],
  ['https://igate.example.vn/tra-cuu?code=000.00.12.H23-241115-0001', '000.00.12.H23-241115-0001'],
  ['CỔNG DVC|000.00.12.H23-241115-0001|Đăng ký thường trú|26/11/2024', '000.00.12.H23-241115-0001'],
];

describe('findDossierCode', () => {
  it.each(typed)('typed: %s', (text, code, shape) => {
    expect(findDossierCode(text)).toMatchObject({ code, shape });
  });
  it.each(spoken)('spoken: %s', (text, code) => {
    expect(findDossierCode(text)?.code).toBe(code);
  });
  it.each(qr)('QR: %s', (text, code) => {
    expect(findDossierCode(text)?.code).toBe(code);
  });
  it.each([
    'Đăng ký thường trú cần giấy tờ gì?', 'thủ tục 1.004222', 'phản ánh PA-2026-000123', 'gọi 0912345678',
    'ngày 26/11/2024', 'hồ sơ của tôi đến đâu rồi', 'lệ phí 1.200.000 đồng', 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
  ])('finds nothing in: %s', (text) => expect(findDossierCode(text)).toBeNull());

  it('reads back what the voice says', () => {
    for (const [, code] of typed.filter(([, , shape]) => shape !== 'other')) {
      expect(findDossierCode(spellCode(code))?.code).toBe(code);
    }
  });
});

describe('unknown shapes go to the provider', () => {
  it.each([
    ['tra cứu hồ sơ HS2024-00012345', 'HS2024-00012345'],
    ['mã hồ sơ K.2024.000123', 'K.2024.000123'],
    ['hồ sơ số 2024/DKKD/00123', '2024/DKKD/00123'],
  ])('%s', (text, code) => expect(findDossierCode(text)).toMatchObject({ code, shape: 'other' }));
  it.each(['1.004222', 'PA-2026-000123', '0912345678', '26/11/2024', 'abc', '12345'])('not a candidate: %s', (t) => expect(candidateCode(t)).toBeNull());
});

describe('spokenToCharacters and normalizeDossierCode', () => {
  it('maps code words and breaks on other words', () => {
    expect(spokenToCharacters('mã là hát hai ba gạch một')).toBe(' H23-1');
  });
  it.each([
    [' 000.00.12.h23-241115-0001 ', '000.00.12.H23-241115-0001'],
    ['0000012H23 241115 0001', '000.00.12.H23-241115-0001'],
    ['hs-2024-1', 'HS-2024-1'],
  ])('%s', (raw, code) => expect(normalizeDossierCode(raw)).toBe(code));
});

describe('what the voice reads, the reader understands (property)', () => {
  it('spellCode -> findDossierCode is the identity for national and short codes', async () => {
    const fc = await import('fast-check');
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    const letter = fc.constantFrom(...'ABCDEGHKLMNPQRSTUVXY');
    const national = fc.tuple(digits(3), digits(2), digits(2), letter, digits(2), digits(6), digits(4))
      .map(([a, b, c, l, o, d, s]) => `${a}.${b}.${c}.${l}${o}-${d}-${s}`);
    const short = fc.tuple(digits(2), digits(2), letter, digits(2), digits(6), digits(4))
      .map(([a, b, l, o, d, s]) => `${a}.${b}.${l}${o}-${d}-${s}`);
    fc.assert(fc.property(fc.oneof(national, short), (code) => {
      expect(findDossierCode(spellCode(code))?.code).toBe(code);
      expect(findDossierCode(code.toLowerCase().replace(/[.-]/g, ' '))?.code).toBe(code);
    }), { numRuns: 300 });
  });
});
