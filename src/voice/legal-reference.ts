import { numberWords } from './number-words.js';

/**
 * Legal document numbers ("Thông tư 01/2018/TT-VPCP", "Nghị định số 63/2010/NĐ-CP",
 * "Quyết định 1523/QĐ-BCA-C06") are read as "số một năm hai nghìn không trăm mười tám
 * của Văn phòng Chính phủ": the number, the year and the issuer, the way officials say them.
 */
export const issuers: Record<string, string> = {
  CP: 'Chính phủ', VPCP: 'Văn phòng Chính phủ', TTg: 'Thủ tướng Chính phủ', QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội', BCA: 'Bộ Công an', BTC: 'Bộ Tài chính', BTP: 'Bộ Tư pháp',
  BYT: 'Bộ Y tế', BXD: 'Bộ Xây dựng', BNV: 'Bộ Nội vụ', BGTVT: 'Bộ Giao thông vận tải',
  BTNMT: 'Bộ Tài nguyên và Môi trường', BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BGDĐT: 'Bộ Giáo dục và Đào tạo', BTTTT: 'Bộ Thông tin và Truyền thông', BCT: 'Bộ Công Thương',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư', BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BQP: 'Bộ Quốc phòng', BNG: 'Bộ Ngoại giao', NHNN: 'Ngân hàng Nhà nước', UBND: 'Ủy ban nhân dân',
};

const reference = /(số\s+)?(?<![\p{L}\p{N}])(\d{1,5})\/(?:(\d{4})\/)?([A-ZĐ][\p{L}\d]*(?:-[\p{L}\d]+)*)(?![\p{L}\p{N}])/gu;

/** The issuer named by the suffix: the last part that names one ("QĐ-BCA-C06" -> Bộ Công an, "QH13" -> Quốc hội). */
function issuerOf(suffix: string): string | undefined {
  const parts = suffix.split('-').map((p) => p.replace(/\d+$/, ''));
  for (const part of parts.reverse()) if (issuers[part]) return issuers[part];
  return undefined;
}

export function speakLegalReference(number: number, year?: number, suffix?: string): string {
  const parts = [`số ${numberWords(number)}`];
  if (year !== undefined) parts.push(`năm ${numberWords(year)}`);
  const issuer = suffix ? issuerOf(suffix) : undefined;
  if (issuer) parts.push(`của ${issuer}`);
  return parts.join(' ');
}

/** Rewrite every legal document number in a text. */
export function rewriteLegalReferences(text: string): string {
  return text.replace(reference, (m, _so: string | undefined, n: string, y: string | undefined, suffix: string, offset: number) => {
    // "... 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an": the issuer is said once, where the text says it.
    const after = text.slice(offset + m.length, offset + m.length + 40);
    const issuer = issuerOf(suffix);
    const named = issuer !== undefined && after.includes(`của ${issuer}`);
    return speakLegalReference(Number(n), y ? Number(y) : undefined, named ? undefined : suffix);
  });
}
