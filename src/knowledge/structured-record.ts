import { z } from 'zod';
import { parseDuration } from './duration.js';
import { findAmounts, parseAmount } from './money.js';
import { parseListCell } from './list-cell.js';
import type { Channel, Fee, Method, Paper, Procedure } from './procedure.js';
import { parseRequirementsCell } from './requirements-cell.js';
import { parseStepsCell } from './steps-cell.js';
import { known, squash } from './text.js';

/**
 * One record of the national database's structured export (`nhdandz_tthc207`), parsed from the
 * official `ChiTietTTHC_<code>.doc` files: metadata and content as strings, tables as arrays.
 */
const text = z.string().nullish();
export const structuredRecordSchema = z.object({
  thu_tuc_id: z.string().min(1),
  source_file: text,
  metadata: z.object({
    'mã_thủ_tục': text,
    'tên_thủ_tục': z.string().min(1),
    'số_quyết_định': text,
    'cấp_thực_hiện': text,
    'lĩnh_vực': text,
  }),
  content: z.object({
    'trình_tự_thực_hiện': text,
    'đối_tượng_thực_hiện': text,
    'cơ_quan_thực_hiện': text,
    'cơ_quan_có_thẩm_quyền': text,
    'kết_quả_thực_hiện': text,
    'yêu_cầu_điều_kiện_thực_hiện': text,
  }).partial(),
  tables: z.object({
    hinh_thuc_nop: z.array(z.object({
      hinh_thuc: text, thoi_han_giai_quyet: text, phi_le_phi: text, mo_ta: text,
    })).default([]),
    thanh_phan_ho_so: z.array(z.object({ ten_giay_to: text, so_luong: text, ghi_chu: text })).default([]),
    can_cu_phap_ly: z.array(z.object({ so_ky_hieu: text, trich_yeu: text })).default([]),
  }).partial(),
});
export type StructuredRecord = z.infer<typeof structuredRecordSchema>;

/** The export has no page address; the portal's public detail page by code stands in for it. */
export const STRUCTURED_RETRIEVED_AT = '2026-01-02';
export const portalPageFor = (code: string): string =>
  `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${encodeURIComponent(code)}`;

export function isStructuredRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'thu_tuc_id' in value && 'tables' in value;
}

const CHANNELS: Record<string, Channel> = {
  'trực tiếp': 'truc_tiep', 'trực tuyến': 'truc_tuyen', 'dịch vụ bưu chính': 'buu_chinh', 'bưu chính': 'buu_chinh',
};

export function fromStructuredRecord(r: StructuredRecord): Procedure {
  const code = squash(r.metadata['mã_thủ_tục'] ?? r.thu_tuc_id);
  const c = r.content;
  const methods: Method[] = [];
  for (const row of r.tables.hinh_thuc_nop ?? []) {
    const channel = CHANNELS[squash(row.hinh_thuc ?? '').toLowerCase()];
    if (!channel) continue;
    const fee = known(row.phi_le_phi);
    const note = known([fee, known(row.mo_ta)].filter(Boolean).join(' ')) ;
    methods.push({
      channel,
      duration: known(row.thoi_han_giai_quyet) ? parseDuration(row.thoi_han_giai_quyet!) : null,
      fees: fee ? structuredFees(row.phi_le_phi!) : [],
      note,
    });
  }
  const papers: Paper[] = [];
  for (const row of r.tables.thanh_phan_ho_so ?? []) {
    const name = known(row.ten_giay_to);
    if (!name) continue;
    const counts = `${row.ghi_chu ?? ''} ${row.so_luong ?? ''}`;
    papers.push({
      name,
      original: Number(/Bản chính:\s*(\d+)/iu.exec(counts)?.[1] ?? 0),
      copies: Number(/Bản sao:\s*(\d+)/iu.exec(counts)?.[1] ?? 0),
      template: null,
      group: null,
    });
  }
  const legalBases = (r.tables.can_cu_phap_ly ?? []).flatMap((row) => {
    const title = known(row.trich_yeu) ?? '';
    const inTitle = /\d+(?:\.\d+)?\/\d{4}\/[A-ZĐ][A-ZĐa-z0-9-]*/u.exec(title)?.[0];
    const codeText = inTitle ?? known(row.so_ky_hieu);
    return codeText ? [{ code: codeText, title }] : [];
  });
  return {
    code,
    name: squash(r.metadata['tên_thủ_tục']),
    field: known(r.metadata['lĩnh_vực']),
    levels: parseListCell(r.metadata['cấp_thực_hiện']),
    agencies: parseListCell(c['cơ_quan_thực_hiện']).length ? parseListCell(c['cơ_quan_thực_hiện']) : parseListCell(c['cơ_quan_có_thẩm_quyền']),
    audience: parseListCell(c['đối_tượng_thực_hiện']),
    steps: parseStepsCell(c['trình_tự_thực_hiện']),
    methods,
    papers,
    requirements: parseRequirementsCell(c['yêu_cầu_điều_kiện_thực_hiện']),
    results: known(c['kết_quả_thực_hiện']) ? [squash(c['kết_quả_thực_hiện']!)] : [],
    legalBases,
    source: { url: portalPageFor(code), decision: known(r.metadata['số_quyết_định']), retrievedAt: STRUCTURED_RETRIEVED_AT },
  };
}

/**
 * One fee a line: `Phí : 2.000.000 Đồng (Thẩm định cấp phép ...)`, `Lệ phí : 1.5 USD`. The
 * parenthesis (else the kind, Phí / Lệ phí) is the label; a zero fee means free, so no entry.
 */
const FEE_ITEM = /(Phí|Lệ phí)\s*:\s*(\d[\d.,]*)\s*(Đồng|VNĐ|USD)?\s*(?:\(([^()]*(?:\([^()]*\)[^()]*)*)\))?/gu;

export function structuredFees(text: string): Fee[] {
  const fees: Fee[] = [];
  let matched = false;
  for (const m of text.matchAll(FEE_ITEM)) {
    matched = true;
    const amount = parseAmount(m[2]!);
    if (amount === null || amount <= 0) continue;
    fees.push({ amount, currency: m[3] === 'USD' ? 'USD' : 'VND', per: null, label: known(m[4]) ?? m[1]! });
  }
  if (!matched) fees.push(...findAmounts(text).filter((f) => f.amount > 0));
  return fees;
}
