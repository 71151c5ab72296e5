import { z } from 'zod';
import { parseLegalBasesCell } from './legal-bases-cell.js';
import { parseListCell } from './list-cell.js';
import { parseMethodsCell } from './methods-cell.js';
import { parsePapersCell } from './papers-cell.js';
import type { Procedure } from './procedure.js';
import { parseRequirementsCell } from './requirements-cell.js';
import { parseResultsCell } from './results-cell.js';
import { parseStepsCell } from './steps-cell.js';
import { known, squash } from './text.js';

/**
 * One record of the national portal crawl (`chatbot_tthc_dvcqg/procedures.jsonl`): flat string
 * fields named after the portal's labels, with the tables glued into single strings.
 */
const cell = z.string().nullish();
export const portalRecordSchema = z.object({
  ma_thu_tuc: z.string().min(1),
  ten_thu_tuc: z.string().min(1),
  detail_url: z.string().url(),
  so_quyet_dinh: cell,
  cap_thuc_hien: cell,
  linh_vuc: cell,
  doi_tuong_thuc_hien: cell,
  co_quan_thuc_hien: cell,
  co_quan_co_tham_quyen: cell,
  trinh_tu_thuc_hien: cell,
  cach_thuc_thuc_hien: cell,
  thanh_phan_ho_so: cell,
  can_cu_phap_ly: cell,
  yeu_cau_dieu_kien: cell,
  ket_qua_xu_ly: cell,
});
export type PortalRecord = z.infer<typeof portalRecordSchema>;

/** The crawl's snapshot date (SOURCE.txt); fixed so re-imports are byte-identical. */
export const PORTAL_RETRIEVED_AT = '2026-07-20';

/** True when a parsed JSON value looks like a portal record rather than another format. */
export function isPortalRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ma_thu_tuc' in value && 'cach_thuc_thuc_hien' in value;
}

export function fromPortalRecord(r: PortalRecord): Procedure {
  const agencies = parseListCell(r.co_quan_thuc_hien);
  return {
    code: squash(r.ma_thu_tuc),
    name: squash(r.ten_thu_tuc),
    field: known(r.linh_vuc),
    levels: parseListCell(r.cap_thuc_hien),
    agencies: agencies.length ? agencies : parseListCell(r.co_quan_co_tham_quyen),
    audience: parseListCell(r.doi_tuong_thuc_hien),
    steps: parseStepsCell(r.trinh_tu_thuc_hien),
    methods: parseMethodsCell(r.cach_thuc_thuc_hien),
    papers: parsePapersCell(r.thanh_phan_ho_so),
    requirements: parseRequirementsCell(r.yeu_cau_dieu_kien),
    results: parseResultsCell(r.ket_qua_xu_ly),
    legalBases: parseLegalBasesCell(r.can_cu_phap_ly),
    source: { url: r.detail_url, decision: known(r.so_quyet_dinh), retrievedAt: PORTAL_RETRIEVED_AT },
  };
}
